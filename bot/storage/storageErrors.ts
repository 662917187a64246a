import { RestError } from '@azure/data-tables';

/** An update lost a race: the entity changed since it was read (ETag mismatch, HTTP 412) or already exists (409). */
export class ConflictError extends Error {
  readonly code = 'Conflict';
  constructor(readonly entity: string) {
    super(`${entity} was changed by someone else.`);
  }
}

export function statusOf(error: unknown): number | undefined {
  if (error instanceof RestError) return error.statusCode;
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}

/** Runs a read; a 404 becomes undefined. */
export async function orUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** Runs a write; 412 (stale ETag) and 409 (already exists) become a ConflictError the caller handles. */
export async function orConflict<T>(entity: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const status = statusOf(error);
    if (status === 412 || status === 409) throw new ConflictError(entity);
    throw error;
  }
}

/** Azure Table storage limits that Azurite does not enforce (see STACK-NOTES). */
export const TABLE_LIMITS = { batchSize: 100, maxProperties: 252, maxStringChars: 32 * 1024 } as const;

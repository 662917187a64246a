import { RestError, type TableClient } from '@azure/data-tables';
import { inPartition } from './keys';

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

/** Every row of one partition (one query, followed page by page). */
export async function readPartition<T extends object>(table: TableClient, partitionKey: string): Promise<(T & { partitionKey: string; rowKey: string; etag?: string })[]> {
  const rows: (T & { partitionKey: string; rowKey: string; etag?: string })[] = [];
  for await (const e of table.listEntities<T & { partitionKey: string; rowKey: string }>({ queryOptions: { filter: inPartition(partitionKey) } })) rows.push(e);
  return rows;
}

/** Deletes every row of one partition, in transactions of 100. */
export async function deletePartition(table: TableClient, partitionKey: string): Promise<number> {
  const keys: string[] = [];
  const filter = inPartition(partitionKey);
  for await (const e of table.listEntities<{ rowKey: string }>({ queryOptions: { filter, select: ['RowKey'] } })) keys.push(e.rowKey);
  for (let i = 0; i < keys.length; i += TABLE_LIMITS.batchSize) {
    await table.submitTransaction(keys.slice(i, i + TABLE_LIMITS.batchSize).map((rowKey) => ['delete', { partitionKey, rowKey }]));
  }
  return keys.length;
}

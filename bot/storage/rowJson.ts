import type { ZodType } from 'zod';

/**
 * JSON kept in a column, read back through a schema: a row that does not decode (hand-edited, truncated, written by
 * another version) fails with a CorruptRowError naming the table, the row and the column, never as a value of the
 * wrong shape deep in the program.
 */
export interface RowRef {
  partitionKey: string;
  rowKey: string;
}

export class CorruptRowError extends Error {
  readonly code = 'CorruptRow';
  constructor(
    readonly table: string,
    readonly row: RowRef,
    readonly column: string,
    reason: string,
  ) {
    super(`Row ${row.partitionKey}/${row.rowKey} of table ${table} has an unreadable ${column}: ${reason}.`);
  }
}

/** The column's JSON text, parsed and checked against `schema`. */
export function readJsonColumn<T>(table: string, row: RowRef, column: string, text: unknown, schema: ZodType<T>): T {
  if (typeof text !== 'string') throw new CorruptRowError(table, row, column, 'the column is missing');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CorruptRowError(table, row, column, 'it is not JSON');
  }
  const checked = schema.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const at = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new CorruptRowError(table, row, column, `${issue?.message ?? 'unexpected shape'}${at}`);
  }
  // The value as stored, not the schema's copy: a field the schema does not name (one added later) is kept, not dropped.
  return value as T;
}

import { odata } from '@azure/data-tables';

/**
 * Keys and filters. Ids reach the stores from URLs, cards and activities: a value that is not a plain key never
 * reaches a query, and every filter is built with the SDK's `odata` tag, which quotes what it interpolates.
 */

/** A plain id (a cohort, a pair, an executive): letters, digits and dashes, at most 64. */
export function isKey(id: string): boolean {
  return /^[A-Za-z0-9-]{1,64}$/.test(id);
}

/** A composed key (a batch, a kept card): a plain start, then also `.`, `_` and `:`; never `/ \ # ?` or controls. */
export function isComposedKey(key: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._:-]{0,200}$/.test(key);
}

/** `PartitionKey eq '<partitionKey>'`, quoted by the SDK. */
export function inPartition(partitionKey: string): string {
  return odata`PartitionKey eq ${partitionKey}`;
}

/** `<column> eq '<value>'`, the value quoted by the SDK; the column is one of the store's own names, never input. */
export function columnEquals(column: string, value: string): string {
  // The tag quotes a value only after literal text: the operator is part of the template.
  return column + odata` eq ${value}`;
}

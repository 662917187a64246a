import { TABLE_LIMITS } from './storageErrors';

/**
 * A JSON document kept in one entity, split over `part0`, `part1`, ... columns (a string property holds at most 32K
 * characters): one write stays atomic whatever the document's size, up to what one entity can hold.
 */
export const PART_CHARS = TABLE_LIMITS.maxStringChars - 512;
/** Table storage allows 1 MB per entity; UTF-16 text takes two bytes a character. */
export const MAX_PARTS = 14;

export interface JsonPartsEntity {
  parts: number;
  [part: string]: unknown;
}

export function readJsonParts(entity: JsonPartsEntity): string {
  let json = '';
  for (let i = 0; i < entity.parts; i++) json += String(entity[`part${i}`] ?? '');
  return json;
}

/** The columns for `json`, or undefined when it needs more than one entity can hold. */
export function jsonPartColumns(json: string): JsonPartsEntity | undefined {
  const parts = Math.ceil(json.length / PART_CHARS);
  if (parts > MAX_PARTS) return undefined;
  const columns: JsonPartsEntity = { parts };
  for (let i = 0; i < parts; i++) columns[`part${i}`] = json.slice(i * PART_CHARS, (i + 1) * PART_CHARS);
  return columns;
}

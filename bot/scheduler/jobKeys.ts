/**
 * Job names and the Table storage row keys built from them. Keys come from stages (ids joined with dots, say), so they
 * are checked here and encoded, never trusted: a RowKey may not hold `/ \ # ?` or control characters, and the `|` that
 * separates the parts of a row key must not be able to appear inside a part.
 */
export class InvalidJobError extends Error {
  readonly code = 'InvalidJob';
}

const KIND_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)*$/;
export const MAX_KIND_LENGTH = 64;
export const MAX_KEY_LENGTH = 200;
// C0 and C1 control characters and DEL, and the four characters Azure refuses in keys.
const FORBIDDEN_IN_KEY = /[\u0000-\u001f\u007f-\u009f/\\#?]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function checkKind(kind: string): void {
  if (typeof kind !== 'string' || kind.length > MAX_KIND_LENGTH || !KIND_PATTERN.test(kind)) {
    throw new InvalidJobError(
      `Job kind "${String(kind).slice(0, 80)}" must be dotted words of letters and digits (such as approval.reminder), at most ${MAX_KIND_LENGTH} characters.`,
    );
  }
}

export function checkKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new InvalidJobError(`A job key must have 1 to ${MAX_KEY_LENGTH} characters.`);
  }
  if (FORBIDDEN_IN_KEY.test(key) || LONE_SURROGATE.test(key)) {
    throw new InvalidJobError('A job key may not contain / \\ # ? or control characters.');
  }
}

/** The key as it appears inside a row key: percent-encoded, so it holds no `|`, quote or other special character. */
export function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A date as it sorts in a row key: fixed-width ISO 8601 in UTC, so text order is time order. */
export function sortableTime(at: Date): string {
  const time = at.getTime();
  if (!Number.isFinite(time)) throw new InvalidJobError('A job needs a valid due time.');
  const iso = at.toISOString();
  if (iso.length !== 24) throw new InvalidJobError('A job must be due between the years 0 and 9999.');
  return iso;
}

/**
 * Jobs are spread over 16 partitions by a hash of their name (see docs/data-stores.md for why). A job's rows all live in
 * its partition, so each change of a job is one transaction. The count is part of the stored layout: changing it would
 * look for jobs in the wrong partitions, so it may only change together with a move of every row.
 */
export const SHARD_COUNT = 16;
export const PARTITIONS: readonly string[] = Array.from({ length: SHARD_COUNT }, (_, i) => `jobs-${i.toString(16)}`);

export function partitionOf(kind: string, key: string): string {
  return PARTITIONS[fnv1a(`${kind}|${key}`) % SHARD_COUNT];
}

/** FNV-1a of the text, as an unsigned 32-bit number: small, fast, the same on every instance. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Row keys within a job's partition: the job itself, its place in the due index, its place among the parked. */
export const rowKeys = {
  job: (kind: string, key: string) => `k|${kind}|${encodeKey(key)}`,
  due: (at: Date, kind: string, key: string) => `d|${sortableTime(at)}|${kind}|${encodeKey(key)}`,
  parked: (at: Date, kind: string, key: string) => `p|${sortableTime(at)}|${kind}|${encodeKey(key)}`,
};

/** Bounds of the due index up to and including `now`, and of the parked list, for range queries. */
export const ranges = {
  dueUpTo: (now: Date) => ({ from: 'd|', below: `d|${sortableTime(new Date(now.getTime() + 1))}` }),
  parked: { from: 'p|', below: 'p}' },
};

/** An opaque, URL-safe id naming a job in the tab API. */
export function jobId(kind: string, key: string): string {
  return Buffer.from(`${kind}|${key}`, 'utf8').toString('base64url');
}

/** The job an id names, or undefined for an id that is not one. */
export function parseJobId(id: string): { kind: string; key: string } | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(id)) return undefined;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  if (bar < 0) return undefined;
  const kind = text.slice(0, bar);
  const key = text.slice(bar + 1);
  try {
    checkKind(kind);
    checkKey(key);
  } catch {
    return undefined;
  }
  return { kind, key };
}

import type { Person } from './person';

/**
 * One page of a delta round, whatever its source (Graph's `/users/delta`, or the embedded sample org served the same
 * way), and how its changes apply to a snapshot. Pure: no I/O.
 */
export type PersonChange =
  | { kind: 'removed'; id: string }
  /** Only the fields present changed; `null` clears a field. `managerId: null` means the manager was removed. */
  | {
      kind: 'changed';
      id: string;
      name?: string | null;
      mail?: string | null;
      jobTitle?: string | null;
      department?: string | null;
      accountEnabled?: boolean | null;
      managerId?: string | null;
    };

export interface DeltaPage {
  changes: PersonChange[];
  /** More of this round to read. */
  nextLink?: string;
  /** The round is complete; keep this to ask for later changes. */
  deltaLink?: string;
}

/** Where delta pages come from. `name` identifies the data set: a different name means a fresh full read. */
export interface DeltaSource {
  readonly name: string;
  /** The link that starts a full round. */
  firstLink(): string;
  fetch(link: string): Promise<DeltaPage>;
}

/** Thrown by a source when a delta link is no longer valid (Graph: 410 Gone); a full round starts over. */
export class DeltaExpiredError extends Error {
  readonly code = 'DeltaExpired';
  constructor() {
    super('The delta link has expired; a full read is needed.');
  }
}

/** The person after a change, or undefined when the change removes them. */
export function applyChange(current: Person | undefined, change: PersonChange): Person | undefined {
  if (change.kind === 'removed') return undefined;
  const next: Person = current ? { ...current } : { id: change.id, name: '', accountEnabled: true };
  if (change.name !== undefined) next.name = change.name ?? '';
  if (change.accountEnabled !== undefined) next.accountEnabled = change.accountEnabled ?? true;
  setOptional(next, 'mail', change.mail);
  setOptional(next, 'jobTitle', change.jobTitle);
  setOptional(next, 'department', change.department);
  setOptional(next, 'managerId', change.managerId);
  return next;
}

function setOptional(person: Person, key: 'mail' | 'jobTitle' | 'department' | 'managerId', value: string | null | undefined): void {
  if (value === undefined) return; // not in the change: unchanged
  if (value === null || value === '') delete person[key];
  else person[key] = value;
}

import type { DeltaPage, PersonChange } from '../deltaPage';

/**
 * Reading Graph's JSON for `/users/delta?$select=id,displayName,mail,jobTitle,department,accountEnabled,manager`.
 *
 * A user appears as its selected properties (present = set, `null` = cleared, absent = unchanged), its manager as
 * `manager@delta: [{ "@odata.type": "#microsoft.graph.user", "id": … }]` (an entry carrying `@removed` means the
 * manager was taken away) or, in some answers, as an expanded `manager` object; a user deleted or out of scope as
 * `{ "id": …, "@removed": { "reason": "changed" | "deleted" } }`.
 */
export const USER_DELTA_SELECT = 'id,displayName,mail,jobTitle,department,accountEnabled,manager';

type Json = Record<string, unknown>;

export function parseUserDeltaPage(body: unknown): DeltaPage {
  if (!isObject(body) || !Array.isArray(body.value)) throw new Error('Graph answered /users/delta without a value array.');
  const changes: PersonChange[] = [];
  for (const item of body.value) {
    if (!isObject(item) || typeof item.id !== 'string' || item.id === '') continue;
    changes.push(parseUser(item));
  }
  return {
    changes,
    nextLink: stringOrUndefined(body['@odata.nextLink']),
    deltaLink: stringOrUndefined(body['@odata.deltaLink']),
  };
}

function parseUser(item: Json): PersonChange {
  const id = item.id as string;
  if ('@removed' in item) return { kind: 'removed', id };
  const change: PersonChange = { kind: 'changed', id };
  if ('displayName' in item) change.name = textOrNull(item.displayName);
  if ('mail' in item) change.mail = textOrNull(item.mail);
  if ('jobTitle' in item) change.jobTitle = textOrNull(item.jobTitle);
  if ('department' in item) change.department = textOrNull(item.department);
  if ('accountEnabled' in item) change.accountEnabled = typeof item.accountEnabled === 'boolean' ? item.accountEnabled : null;
  const managerId = managerOf(item);
  if (managerId !== undefined) change.managerId = managerId;
  return change;
}

/** The manager id named by an answer, null when it was removed, undefined when the answer does not say. */
function managerOf(item: Json): string | null | undefined {
  if ('manager@delta' in item) {
    const links = Array.isArray(item['manager@delta']) ? item['manager@delta'] : [];
    const current = links.filter((m): m is Json => isObject(m) && !('@removed' in m) && typeof m.id === 'string');
    return current.length > 0 ? (current[current.length - 1].id as string) : null;
  }
  if ('manager' in item) {
    const manager = item.manager;
    return isObject(manager) && typeof manager.id === 'string' ? manager.id : null;
  }
  return undefined;
}

/** Member ids of a page of `/groups/{id}/transitiveMembers/microsoft.graph.user?$select=id`. */
export function parseMemberPage(body: unknown): { ids: string[]; nextLink?: string } {
  if (!isObject(body) || !Array.isArray(body.value)) throw new Error('Graph answered a group member list without a value array.');
  const ids = body.value.flatMap((m) => (isObject(m) && typeof m.id === 'string' ? [m.id] : []));
  return { ids, nextLink: stringOrUndefined(body['@odata.nextLink']) };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

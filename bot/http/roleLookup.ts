import type { Role } from '../contract/roles';

/** What the HTTP layer asks about a caller's roles; the program's `Roles` (bot/program/roles.ts) answers it. */
export interface RoleLookup {
  rolesOf(personId: string): Role[];
  has(personId: string, role: Role): boolean;
}

import type { OrgIndex } from './orgIndex';
import { sampleRoles } from './sampleOrg';

/** Who holds the program's roles, by Entra object id. */
export interface Roles {
  taskforce: string[];
  executives: string[];
}

/** Reads the roles; called after each directory sync with the new index. */
export interface RoleSource {
  readonly description: string;
  read(index: OrgIndex): Promise<Roles>;
}

/** The lists from configuration (TASKFORCE_IDS, EXECUTIVE_IDS). */
export function configuredRoles(roles: Roles): RoleSource {
  return { description: 'configured lists', read: async () => ({ taskforce: [...roles.taskforce], executives: [...roles.executives] }) };
}

/** The sample org's roles; configured ids, when any, are added (so a local user can give themselves a role). */
export function sampleOrgRoles(extra: Roles = { taskforce: [], executives: [] }): RoleSource {
  return {
    description: 'sample org',
    read: async (index) => {
      const roles = sampleRoles(index.all());
      return { taskforce: unique([...roles.taskforce, ...extra.taskforce]), executives: unique([...roles.executives, ...extra.executives]) };
    },
  };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

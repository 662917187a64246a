import type { Client } from '@microsoft/microsoft-graph-client';
import type { RoleSource, Roles } from '../roles';
import { readGroupUserIds } from './graphSources';

export interface RoleGroups {
  taskforceGroupId?: string;
  executivesGroupId?: string;
}

/**
 * Roles from Entra group membership (nested groups count) where a group id is configured; the configured list for a
 * role whose group is not.
 */
export function graphGroupRoles(client: Client, baseUrl: string, groups: RoleGroups, fallback: Roles): RoleSource {
  const from = (groupId: string | undefined, list: string[]) => (groupId ? readGroupUserIds(client, baseUrl, groupId) : Promise.resolve([...list]));
  return {
    description: [
      groups.taskforceGroupId ? 'taskforce from its Entra group' : 'taskforce from the configured list',
      groups.executivesGroupId ? 'executives from their Entra group' : 'executives from the configured list',
    ].join(', '),
    read: async () => {
      const [taskforce, executives] = await Promise.all([from(groups.taskforceGroupId, fallback.taskforce), from(groups.executivesGroupId, fallback.executives)]);
      return { taskforce, executives };
    },
  };
}

import type { TokenCredential } from '@azure/identity';
import type { TableClient } from '../storage/tables';
import type { AppConfig } from '../config';
import type { Logger } from '../log';
import { DirectorySync } from './directorySync';
import { appCredential, createGraphClient } from './graph/graphClient';
import { graphGroupRoles } from './graph/graphRoles';
import { GraphUserDeltaSource } from './graph/graphSources';
import type { Person } from './person';
import { configuredRoles, sampleOrgRoles } from './roles';
import { SampleDeltaSource } from './sampleDeltaSource';
import { DirectorySnapshotStore } from './snapshotStore';

/**
 * The directory for this configuration: Microsoft Graph when configured, otherwise the embedded sample org (or the
 * people a test provides), both through the same snapshot path.
 */
export function createDirectory(
  config: AppConfig,
  tables: { people: TableClient; sync: TableClient },
  log: Logger,
  given: { people?: readonly Person[]; graphCredential?: TokenCredential } = {},
): DirectorySync {
  const { people } = given;
  const store = new DirectorySnapshotStore(tables.people, tables.sync);
  const logger = log.child({ part: 'directory' });
  if (config.graph) {
    const client = createGraphClient({ baseUrl: config.graph.baseUrl, credential: given.graphCredential ?? appCredential(config.graph) });
    return new DirectorySync({
      store,
      source: new GraphUserDeltaSource(client, config.graph.baseUrl, config.graph.tenantId),
      roles: graphGroupRoles(client, config.graph.baseUrl, config.graph, config.roles),
      logger,
    });
  }
  const source = people ? new SampleDeltaSource(() => [...people], `provided-${people.length}`) : new SampleDeltaSource();
  const roles = config.mode === 'local' ? sampleOrgRoles(config.roles) : configuredRoles(config.roles);
  return new DirectorySync({ store, source, roles, logger });
}

import { TableSet } from '../../bot/storage/tables';
import { DirectorySnapshotStore } from '../../bot/directory/snapshotStore';
import { DirectorySync } from '../../bot/directory/directorySync';
import { createGraphClient } from '../../bot/directory/graph/graphClient';
import { GraphUserDeltaSource } from '../../bot/directory/graph/graphSources';
import { configuredRoles, type RoleSource } from '../../bot/directory/roles';
import type { Person } from '../../bot/directory/person';
import type { DoubleUser, GraphDouble } from './graphDouble';

let tableCounter = 0;

/** A snapshot store over its own pair of tables, so tests sharing one Azurite never see each other's data. */
export async function openStore(connectionString: string): Promise<{ store: DirectorySnapshotStore; names: [string, string] }> {
  const suffix = `${process.pid}x${++tableCounter}`;
  const names: [string, string] = [`directoryPeople${suffix}`, `directorySync${suffix}`];
  const tables = await TableSet.open(connectionString, names);
  return { store: new DirectorySnapshotStore(tables.client(names[0]), tables.client(names[1])), names };
}

/** The same tables opened again, as a restarted service would. */
export async function reopenStore(connectionString: string, names: [string, string]): Promise<DirectorySnapshotStore> {
  const tables = await TableSet.open(connectionString, names);
  return new DirectorySnapshotStore(tables.client(names[0]), tables.client(names[1]));
}

export interface GraphSyncOptions {
  checkpointEveryPages?: number;
  sleeps?: number[];
  roles?: RoleSource;
}

/** The real sync over the real Graph client, pointed at the double. Waits asked for by Retry-After are recorded, not slept. */
export function graphSync(double: GraphDouble, store: DirectorySnapshotStore, options: GraphSyncOptions = {}): DirectorySync {
  const client = createGraphClient({
    baseUrl: double.baseUrl,
    credential: double.credential(),
    retry: { sleep: async (ms) => void options.sleeps?.push(ms) },
  });
  return new DirectorySync({
    store,
    source: new GraphUserDeltaSource(client, double.baseUrl, 'tenant-under-test'),
    roles: options.roles ?? configuredRoles({ taskforce: [], executives: [] }),
    checkpointEveryPages: options.checkpointEveryPages,
  });
}

export function toDoubleUser(person: Person): DoubleUser {
  const { name, ...rest } = person;
  return { ...rest, displayName: name };
}

/** People in a stable order, for comparing snapshots. */
export function sorted(people: readonly Person[]): Person[] {
  return [...people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

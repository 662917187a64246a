import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { Person } from './person';
import { orUndefined, statusOf, TABLE_LIMITS } from '../storage/storageErrors';
import { z } from 'zod';
import { inPartition } from '../storage/keys';
import { readJsonColumn } from '../storage/rowJson';

export const DIRECTORY_TABLES = { people: 'directoryPeople', sync: 'directorySync' } as const;

/** People are spread over this many partitions per generation: loads run one query per partition in parallel. */
export const PEOPLE_BUCKETS = 16;
const PARALLEL_PARTITIONS = 8;
const STATE_KEY = { partitionKey: 'directory', rowKey: 'state' } as const;

/** A delta round under way, saved at each checkpoint so a restart resumes where it stopped. */
export interface PendingRound {
  kind: 'full' | 'incremental';
  /** The generation being written: a new one for a full round, the current one for an incremental round. */
  generation: number;
  /** The next page to read. */
  link: string;
  pages: number;
  people: number;
  startedAt: string;
}

export interface SyncState {
  /** Which data set the snapshot holds (a different source means a fresh full round). */
  source: string;
  /** The generation served; 0 when none is complete yet. */
  generation: number;
  peopleCount: number;
  deltaLink?: string;
  pending?: PendingRound;
  lastSyncAt?: string;
  lastSyncKind?: 'full' | 'incremental';
  lastSyncRequests?: number;
  lastError?: { at: string; message: string };
  /** A superseded generation whose rows are still to be deleted. */
  staleGeneration?: number;
}

const SYNC_KIND = z.enum(['full', 'incremental']);
const SYNC_STATE: z.ZodType<SyncState> = z.object({
  source: z.string(),
  generation: z.number(),
  peopleCount: z.number(),
  deltaLink: z.string().optional(),
  pending: z.object({ kind: SYNC_KIND, generation: z.number(), link: z.string(), pages: z.number(), people: z.number(), startedAt: z.string() }).optional(),
  lastSyncAt: z.string().optional(),
  lastSyncKind: SYNC_KIND.optional(),
  lastSyncRequests: z.number().optional(),
  lastError: z.object({ at: z.string(), message: z.string() }).optional(),
  staleGeneration: z.number().optional(),
});

/**
 * The directory snapshot in Table storage.
 *
 * Table `directoryPeople`: PartitionKey `g{generation}-b{bucket}` (bucket = hash of the id modulo 16), RowKey = Entra
 * object id; properties name, mail, jobTitle, department, managerId, accountEnabled. Queries: load one generation
 * (16 partition queries in parallel); upsert changes as batches of at most 100 within a partition; delete one person;
 * delete a superseded generation. A full round writes a new generation and switches to it in one state write, so
 * readers never see half a snapshot.
 *
 * Table `directorySync`: one row (PartitionKey `directory`, RowKey `state`) holding SyncState: the generation served,
 * the delta link, the round under way (its next link) and the last outcome.
 */
export class DirectorySnapshotStore {
  constructor(
    private readonly people: TableClient,
    private readonly sync: TableClient,
  ) {}

  async readState(): Promise<SyncState | undefined> {
    const entity = await orUndefined(() => this.sync.getEntity<{ state: string }>(STATE_KEY.partitionKey, STATE_KEY.rowKey));
    return entity ? readJsonColumn(DIRECTORY_TABLES.sync, STATE_KEY, 'state', entity.state, SYNC_STATE) : undefined;
  }

  async writeState(state: SyncState): Promise<void> {
    // One JSON property: the state is small, read and written whole, by one sync at a time.
    await this.sync.upsertEntity({ ...STATE_KEY, state: JSON.stringify(state) }, 'Replace');
  }

  async loadPeople(generation: number): Promise<Person[]> {
    const parts = await inParallel(bucketKeys(generation), async (partitionKey) => {
      const found: Person[] = [];
      const rows = this.people.listEntities<PersonRow>({ queryOptions: { filter: inPartition(partitionKey) } });
      for await (const row of rows) found.push(fromRow(row));
      return found;
    });
    return parts.flat();
  }

  /** Writes people (whole, replacing what was there) and removes ids, in one generation. */
  async apply(generation: number, upserts: readonly Person[], removals: readonly string[]): Promise<void> {
    const byPartition = new Map<string, TransactionAction[]>();
    for (const person of upserts) {
      const row = toRow(generation, person);
      const actions = byPartition.get(row.partitionKey) ?? [];
      actions.push(['upsert', row, 'Replace']);
      byPartition.set(row.partitionKey, actions);
    }
    const batches = [...byPartition.values()].flatMap((actions) => chunks(actions, TABLE_LIMITS.batchSize));
    await inParallel(batches, (batch) => this.people.submitTransaction(batch));
    // Removals are rare and may name people never stored: one by one, a missing row is fine.
    await inParallel([...removals], async (id) => {
      try {
        await this.people.deleteEntity(partitionOf(generation, id), id);
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    });
  }

  async deleteGeneration(generation: number): Promise<void> {
    await inParallel(bucketKeys(generation), async (partitionKey) => {
      const keys: TransactionAction[] = [];
      const rows = this.people.listEntities({ queryOptions: { filter: inPartition(partitionKey), select: ['RowKey'] } });
      for await (const row of rows) keys.push(['delete', { partitionKey, rowKey: row.rowKey as string }]);
      for (const batch of chunks(keys, TABLE_LIMITS.batchSize)) await this.people.submitTransaction(batch);
    });
  }
}

type PersonRow = {
  partitionKey: string;
  rowKey: string;
  name: string;
  mail?: string;
  jobTitle?: string;
  department?: string;
  managerId?: string;
  accountEnabled: boolean;
};

function toRow(generation: number, person: Person): PersonRow {
  const row: PersonRow = { partitionKey: partitionOf(generation, person.id), rowKey: person.id, name: person.name, accountEnabled: person.accountEnabled };
  if (person.mail !== undefined) row.mail = person.mail;
  if (person.jobTitle !== undefined) row.jobTitle = person.jobTitle;
  if (person.department !== undefined) row.department = person.department;
  if (person.managerId !== undefined) row.managerId = person.managerId;
  return row;
}

function fromRow(row: PersonRow): Person {
  const person: Person = { id: row.rowKey, name: row.name ?? '', accountEnabled: row.accountEnabled !== false };
  if (row.mail) person.mail = row.mail;
  if (row.jobTitle) person.jobTitle = row.jobTitle;
  if (row.department) person.department = row.department;
  if (row.managerId) person.managerId = row.managerId;
  return person;
}

function bucketKeys(generation: number): string[] {
  return Array.from({ length: PEOPLE_BUCKETS }, (_, b) => partitionKey(generation, b));
}

function partitionOf(generation: number, id: string): string {
  return partitionKey(generation, bucketOf(id));
}

function partitionKey(generation: number, bucket: number): string {
  return `g${generation}-b${bucket.toString().padStart(2, '0')}`;
}

/** FNV-1a over the id: stable across processes and versions, spreads Entra's random ids evenly. */
function bucketOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % PEOPLE_BUCKETS;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs work over the items with at most PARALLEL_PARTITIONS at once; results in item order. */
async function inParallel<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTITIONS, items.length) }, worker));
  return results;
}

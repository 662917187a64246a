import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { ConflictError, orUndefined, statusOf, TABLE_LIMITS } from '../storage/storageErrors';
import { PARTITIONS, partitionOf, ranges, rowKeys } from './jobKeys';
import type { JobState, JsonObject } from './scheduler';

/**
 * Table `scheduledJobs`: 16 partitions (`jobs-0` to `jobs-f`, by a hash of the job's name), each holding three kinds of
 * rows for its jobs:
 * - `k|kind|key`: the job itself, the one source of truth (state, due time, payload, attempts, lease, last error);
 * - `d|time|kind|key`: its place in the due index while it waits (time = due time) or runs (time = end of its lease);
 * - `p|time|kind|key`: its place among the parked jobs (time = when it was parked), with what the taskforce sees.
 * Every change of a job is one transaction in its partition that updates the job row with the ETag it read and moves its
 * index row, so the index never disagrees with the job, and of two instances acting on one job only the first write
 * lands. See docs/data-stores.md for the layout's reasons and limits.
 */
export const SCHEDULER_TABLE = 'scheduledJobs';

export type StoredState = JobState | 'done';

export interface JobRecord {
  kind: string;
  key: string;
  state: StoredState;
  dueAt: Date;
  payload: JsonObject;
  attempts: number;
  leaseUntil?: Date;
  runId?: string;
  owner?: string;
  lastError?: string;
  lastErrorAt?: Date;
  parkedAt?: Date;
  /** A schedule made while the job ran, applied when the run ends. */
  pending?: { dueAt: Date; payload: JsonObject };
  createdAt: Date;
  updatedAt: Date;
}

export type StoredJob = JobRecord & { etag: string; indexRow?: string };

/** A row of the parked list, with the copy of the job the taskforce sees. */
export interface ParkedRow {
  kind: string;
  key: string;
  parkedAt: Date;
  attempts: number;
  lastError: string;
  payload: JsonObject;
}

type JobEntity = {
  partitionKey: string;
  rowKey: string;
  kind: string;
  key: string;
  state: StoredState;
  dueAt: string;
  payload: string;
  attempts: number;
  indexRow: string;
  leaseUntil?: string;
  runId?: string;
  owner?: string;
  lastError?: string;
  lastErrorAt?: string;
  parkedAt?: string;
  pendingDueAt?: string;
  pendingPayload?: string;
  createdAt: string;
  updatedAt: string;
};

type IndexEntity = {
  partitionKey: string;
  rowKey: string;
  kind: string;
  key: string;
  parkedAt?: string;
  attempts?: number;
  lastError?: string;
  payload?: string;
};

/** The index row a job in this state has, if any. */
export function indexRowOf(job: JobRecord): string | undefined {
  switch (job.state) {
    case 'waiting':
      return rowKeys.due(job.dueAt, job.kind, job.key);
    case 'running':
      return rowKeys.due(job.leaseUntil ?? job.dueAt, job.kind, job.key);
    case 'parked':
      return rowKeys.parked(job.parkedAt ?? job.updatedAt, job.kind, job.key);
    case 'done':
      return undefined;
  }
}

export class JobStore {
  constructor(private readonly table: TableClient) {}

  async read(kind: string, key: string): Promise<StoredJob | undefined> {
    const entity = await orUndefined(() => this.table.getEntity<JobEntity>(partitionOf(kind, key), rowKeys.job(kind, key)));
    return entity && fromEntity(entity);
  }

  /** Creates a job; a ConflictError when a row of this name exists (in any state, even done). */
  async create(job: JobRecord): Promise<StoredJob> {
    const indexRow = indexRowOf(job);
    const actions: TransactionAction[] = [['create', toEntity(job, indexRow)]];
    if (indexRow) actions.push(['upsert', indexEntity(job, indexRow), 'Replace']);
    const etag = await this.submit(actions);
    return { ...job, etag, indexRow };
  }

  /**
   * Creates jobs in transactions of up to 50 per partition (a job row and its index row each: 100 operations, the most one
   * transaction takes). A transaction is all or nothing: its jobs come back in `conflicted` when any of them exists.
   */
  async createMany(jobs: readonly JobRecord[]): Promise<{ created: number; conflicted: JobRecord[] }> {
    const perTransaction = TABLE_LIMITS.batchSize / 2;
    const byPartition = new Map<string, JobRecord[]>();
    for (const job of jobs) {
      const partition = partitionOf(job.kind, job.key);
      byPartition.set(partition, [...(byPartition.get(partition) ?? []), job]);
    }
    let created = 0;
    const conflicted: JobRecord[] = [];
    for (const inPartition of byPartition.values()) {
      for (let i = 0; i < inPartition.length; i += perTransaction) {
        const chunk = inPartition.slice(i, i + perTransaction);
        const actions = chunk.flatMap((job): TransactionAction[] => {
          const indexRow = indexRowOf(job);
          return indexRow
            ? [
                ['create', toEntity(job, indexRow)],
                ['upsert', indexEntity(job, indexRow), 'Replace'],
              ]
            : [['create', toEntity(job, indexRow)]];
        });
        try {
          await this.submit(actions);
          created += chunk.length;
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
          conflicted.push(...chunk);
        }
      }
    }
    return { created, conflicted };
  }

  /** Replaces the job as read (ETag) and moves its index row with it, in one transaction; a ConflictError if it changed. */
  async replace(current: StoredJob, next: JobRecord): Promise<StoredJob> {
    const indexRow = indexRowOf(next);
    const actions: TransactionAction[] = [['update', toEntity(next, indexRow), 'Replace', { etag: current.etag }]];
    if (current.indexRow && current.indexRow !== indexRow) actions.push(['delete', { partitionKey: partitionOf(current.kind, current.key), rowKey: current.indexRow }]);
    // A parked row carries a copy of the job, so it is written again even where it stays.
    if (indexRow && (indexRow !== current.indexRow || next.state === 'parked')) actions.push(['upsert', indexEntity(next, indexRow), 'Replace']);
    const etag = await this.submit(actions);
    return { ...next, etag, indexRow };
  }

  /**
   * Ends a job (done or cancelled): marks it done and drops its index row in one ETag-guarded transaction, then deletes
   * the row if nobody scheduled it again meanwhile. A row left `done` (a crash between the two) counts as no job.
   */
  async finish(current: StoredJob, at: Date): Promise<void> {
    const done = await this.replace(current, { ...current, state: 'done', pending: undefined, updatedAt: at });
    try {
      await this.table.deleteEntity(partitionOf(current.kind, current.key), rowKeys.job(current.kind, current.key), { etag: done.etag });
    } catch (error) {
      if (![404, 412].includes(statusOf(error) ?? 0)) throw error;
    }
  }

  /**
   * The first `limit` rows of the due index up to `now`, in due order: one range query per partition, each at most
   * `limit` rows (so at most 16 × `limit` rows are read, however many jobs are stored), merged by due time.
   */
  async due(now: Date, limit: number): Promise<Array<{ rowKey: string; kind: string; key: string }>> {
    const { from, below } = ranges.dueUpTo(now);
    return this.firstRows<IndexEntity>(from, below, limit, ['RowKey', 'kind', 'key']);
  }

  /** The oldest `limit` parked jobs. */
  async parked(limit: number): Promise<ParkedRow[]> {
    const { from, below } = ranges.parked;
    const rows = await this.firstRows<IndexEntity>(from, below, limit);
    return rows.map((row) => ({
      kind: row.kind,
      key: row.key,
      parkedAt: new Date(row.parkedAt ?? 0),
      attempts: row.attempts ?? 0,
      lastError: row.lastError ?? '',
      payload: parsePayload(row.payload),
    }));
  }

  /** The first `limit` rows of a row key range over every partition, in row key order (the time comes first in it). */
  private async firstRows<T extends object>(from: string, below: string, limit: number, select?: string[]): Promise<Array<T & { rowKey: string }>> {
    const pages = await Promise.all(
      PARTITIONS.map(async (partition) => {
        const filter = odata`PartitionKey eq ${partition} and RowKey gt ${from} and RowKey lt ${below}`;
        const first = await this.table.listEntities<T>({ queryOptions: { filter, select } }).byPage({ maxPageSize: limit }).next();
        return first.done ? [] : (first.value.slice(0, limit) as Array<T & { rowKey: string }>);
      }),
    );
    return pages
      .flat()
      .sort((a, b) => (a.rowKey < b.rowKey ? -1 : a.rowKey > b.rowKey ? 1 : 0))
      .slice(0, limit);
  }

  /** Submits a transaction whose first action writes the job row; returns that row's new ETag. */
  private async submit(actions: TransactionAction[]): Promise<string> {
    try {
      const result = await this.table.submitTransaction(actions);
      return result.subResponses[0]?.etag ?? '';
    } catch (error) {
      // 412: the job changed since it was read; 409: it exists already; 404: a row the transaction expected is gone.
      if ([404, 409, 412].includes(statusOf(error) ?? 0)) throw new ConflictError('job');
      throw error;
    }
  }
}

function toEntity(job: JobRecord, indexRow: string | undefined): JobEntity {
  const entity: JobEntity = {
    partitionKey: partitionOf(job.kind, job.key),
    rowKey: rowKeys.job(job.kind, job.key),
    kind: job.kind,
    key: job.key,
    state: job.state,
    dueAt: job.dueAt.toISOString(),
    payload: JSON.stringify(job.payload),
    attempts: job.attempts,
    indexRow: indexRow ?? '',
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
  };
  const optional: Partial<JobEntity> = {
    leaseUntil: job.leaseUntil?.toISOString(),
    runId: job.runId,
    owner: job.owner,
    lastError: job.lastError,
    lastErrorAt: job.lastErrorAt?.toISOString(),
    parkedAt: job.parkedAt?.toISOString(),
    pendingDueAt: job.pending?.dueAt.toISOString(),
    pendingPayload: job.pending && JSON.stringify(job.pending.payload),
  };
  // Table storage keeps no undefined columns; leaving them out lets a Replace clear a field.
  for (const [name, value] of Object.entries(optional)) if (value !== undefined) (entity as unknown as Record<string, unknown>)[name] = value;
  return entity;
}

function indexEntity(job: JobRecord, rowKey: string): IndexEntity {
  const entity: IndexEntity = { partitionKey: partitionOf(job.kind, job.key), rowKey, kind: job.kind, key: job.key };
  if (job.state !== 'parked') return entity;
  return { ...entity, parkedAt: (job.parkedAt ?? job.updatedAt).toISOString(), attempts: job.attempts, lastError: job.lastError ?? '', payload: JSON.stringify(job.payload) };
}

function fromEntity(entity: JobEntity & { etag?: string }): StoredJob {
  const date = (value: string | undefined) => (value ? new Date(value) : undefined);
  return {
    kind: entity.kind,
    key: entity.key,
    state: entity.state,
    dueAt: new Date(entity.dueAt),
    payload: parsePayload(entity.payload),
    attempts: entity.attempts ?? 0,
    leaseUntil: date(entity.leaseUntil),
    runId: entity.runId,
    owner: entity.owner,
    lastError: entity.lastError,
    lastErrorAt: date(entity.lastErrorAt),
    parkedAt: date(entity.parkedAt),
    pending: entity.pendingDueAt ? { dueAt: new Date(entity.pendingDueAt), payload: parsePayload(entity.pendingPayload) } : undefined,
    createdAt: new Date(entity.createdAt),
    updatedAt: new Date(entity.updatedAt),
    etag: entity.etag ?? '',
    indexRow: entity.indexRow || undefined,
  };
}

function parsePayload(text: string | undefined): JsonObject {
  if (!text) return {};
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

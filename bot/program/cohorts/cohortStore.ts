import { randomUUID } from 'node:crypto';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { inPartition, isKey } from '../../storage/keys';
import { readJsonColumn } from '../../storage/rowJson';
import { orConflict, orUndefined } from '../../storage/storageErrors';
import type { Cohort, CohortFields, CohortStatus } from './cohortRules';

/**
 * Cohorts in Table storage. Table `cohorts`: PartitionKey 'cohort', RowKey cohort id. There are a handful of cohorts
 * (one or two a year), so listing reads the one partition; topics and rubric are JSON columns.
 *
 * One row more, RowKey `open~`, names the cohort taking applications. Opening writes it and the cohort in one
 * transaction, with the ETags read: of two people opening cohorts at once, one transaction fails whole, so there is
 * never more than one open cohort.
 */
export const COHORT_TABLE = 'cohorts';
const PARTITION = 'cohort';
/** `~` cannot be in a cohort id (isKey), so the marker never collides with a cohort. */
const OPEN_MARKER = 'open~';

interface OpenMarkerEntity {
  partitionKey: string;
  rowKey: string;
  cohortId: string;
  etag?: string;
}

/** Another cohort is taking applications. */
export class AnotherCohortOpenError extends Error {
  constructor(readonly open: StoredCohort) {
    super(`Cohort ${open.id} is open.`);
    this.name = 'AnotherCohortOpenError';
  }
}

type CohortEntity = {
  partitionKey: string;
  rowKey: string;
  name: string;
  programYear: number;
  opensOn: string;
  closesOn: string;
  /** Absent: the default start. */
  yearStartsOn?: string;
  status: CohortStatus;
  topics: string;
  rubric: string;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
  etag?: string;
};

export interface StoredCohort extends Cohort {
  etag: string;
}

export class CohortStore {
  constructor(private readonly table: TableClient) {}

  async create(fields: CohortFields, now: Date, options: { id?: string; isDemo?: boolean; status?: CohortStatus } = {}): Promise<StoredCohort> {
    const at = now.toISOString();
    const cohort: Cohort = { id: options.id ?? randomUUID(), ...fields, status: options.status ?? 'draft', isDemo: options.isDemo ?? false, createdAt: at, updatedAt: at };
    if (cohort.status !== 'open') {
      const result = await orConflict('cohort', () => this.table.createEntity(toEntity(cohort)));
      return { ...cohort, etag: result.etag ?? '' };
    }
    const result = await orConflict('cohort', () =>
      this.table.submitTransaction([
        ['create', toEntity(cohort)],
        ['upsert', { partitionKey: PARTITION, rowKey: OPEN_MARKER, cohortId: cohort.id }, 'Replace'],
      ]),
    );
    return { ...cohort, etag: result.subResponses[0]?.etag ?? '' };
  }

  /**
   * Opens the cohort as read (its ETag) and marks it the open one, in one transaction. AnotherCohortOpenError when
   * another cohort is open; ConflictError when the cohort or the marker changed meanwhile (someone opened one first).
   */
  async open(cohort: StoredCohort, now: Date): Promise<StoredCohort> {
    const marker = await orUndefined(() => this.table.getEntity<OpenMarkerEntity>(PARTITION, OPEN_MARKER));
    if (marker && marker.cohortId !== cohort.id) {
      const other = await this.get(marker.cohortId);
      if (other?.status === 'open') throw new AnotherCohortOpenError(other);
    }
    const next: Cohort = { ...cohort, status: 'open', updatedAt: now.toISOString() };
    const markerRow = { partitionKey: PARTITION, rowKey: OPEN_MARKER, cohortId: cohort.id };
    const result = await orConflict('cohort', () =>
      this.table.submitTransaction([
        ['update', toEntity(next), 'Replace', { etag: cohort.etag }],
        marker ? ['update', markerRow, 'Replace', { etag: marker.etag }] : ['create', markerRow],
      ]),
    );
    return { ...next, etag: result.subResponses[0]?.etag ?? '' };
  }

  /** Closes the cohort (ETag) and, when it is the one marked open, removes the marker in the same transaction. */
  async close(cohort: StoredCohort, now: Date): Promise<StoredCohort> {
    const marker = await orUndefined(() => this.table.getEntity<OpenMarkerEntity>(PARTITION, OPEN_MARKER));
    const next: Cohort = { ...cohort, status: 'closed', updatedAt: now.toISOString() };
    const result = await orConflict('cohort', () =>
      this.table.submitTransaction([
        ['update', toEntity(next), 'Replace', { etag: cohort.etag }],
        ...(marker?.cohortId === cohort.id ? [['delete', { partitionKey: PARTITION, rowKey: OPEN_MARKER }] as TransactionAction] : []),
      ]),
    );
    return { ...next, etag: result.subResponses[0]?.etag ?? '' };
  }

  async get(id: string): Promise<StoredCohort | undefined> {
    if (!isKey(id)) return undefined;
    const entity = await orUndefined(() => this.table.getEntity<CohortEntity>(PARTITION, id));
    return entity && fromEntity(entity);
  }

  async list(): Promise<StoredCohort[]> {
    const cohorts: StoredCohort[] = [];
    for await (const entity of this.table.listEntities<CohortEntity>({ queryOptions: { filter: inPartition(PARTITION) } })) {
      if (entity.rowKey !== OPEN_MARKER) cohorts.push(fromEntity(entity));
    }
    return cohorts.sort((a, b) => b.programYear - a.programYear || b.createdAt.localeCompare(a.createdAt));
  }

  async listOpen(): Promise<StoredCohort[]> {
    return (await this.list()).filter((c) => c.status === 'open');
  }

  /** Writes the cohort if nobody changed it since it was read (ETag); a ConflictError otherwise. */
  async update(cohort: StoredCohort, changes: Partial<CohortFields> & { status?: CohortStatus }, now: Date): Promise<StoredCohort> {
    const next: Cohort = { ...cohort, ...changes, updatedAt: now.toISOString() };
    const result = await orConflict('cohort', () => this.table.updateEntity(toEntity(next), 'Replace', { etag: cohort.etag }));
    return { ...next, etag: result.etag ?? '' };
  }

  async delete(id: string): Promise<void> {
    await orUndefined(() => this.table.deleteEntity(PARTITION, id));
    const marker = await orUndefined(() => this.table.getEntity<OpenMarkerEntity>(PARTITION, OPEN_MARKER));
    if (marker?.cohortId === id) await orUndefined(() => this.table.deleteEntity(PARTITION, OPEN_MARKER, { etag: marker.etag }));
  }
}

function toEntity(cohort: Cohort): CohortEntity {
  return {
    partitionKey: PARTITION,
    rowKey: cohort.id,
    name: cohort.name,
    programYear: cohort.programYear,
    opensOn: cohort.opensOn,
    closesOn: cohort.closesOn,
    ...(cohort.yearStartsOn ? { yearStartsOn: cohort.yearStartsOn } : {}),
    status: cohort.status,
    topics: JSON.stringify(cohort.topics),
    rubric: JSON.stringify(cohort.rubric),
    isDemo: cohort.isDemo,
    createdAt: cohort.createdAt,
    updatedAt: cohort.updatedAt,
  };
}

const TOPICS: z.ZodType<Cohort['topics']> = z.array(z.object({ id: z.string(), title: z.string() }));
const RUBRIC: z.ZodType<Cohort['rubric']> = z.array(z.object({ id: z.string(), title: z.string(), anchors: z.array(z.string()) }));

function fromEntity(entity: CohortEntity): StoredCohort {
  return {
    id: entity.rowKey,
    name: entity.name,
    programYear: entity.programYear,
    opensOn: entity.opensOn,
    closesOn: entity.closesOn,
    yearStartsOn: entity.yearStartsOn ?? null,
    status: entity.status,
    topics: readJsonColumn(COHORT_TABLE, entity, 'topics', entity.topics, TOPICS),
    rubric: readJsonColumn(COHORT_TABLE, entity, 'rubric', entity.rubric, RUBRIC),
    isDemo: entity.isDemo === true,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    etag: entity.etag ?? '',
  };
}

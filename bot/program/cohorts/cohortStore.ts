import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { orConflict, orUndefined } from '../../storage/storageErrors';
import type { Cohort, CohortFields, CohortStatus } from './cohortRules';

/**
 * Cohorts in Table storage. Table `cohorts`: PartitionKey 'cohort', RowKey cohort id. There are a handful of cohorts
 * (one or two a year), so listing reads the one partition; topics and rubric are JSON columns.
 */
export const COHORT_TABLE = 'cohorts';
const PARTITION = 'cohort';

interface CohortEntity {
  partitionKey: string;
  rowKey: string;
  name: string;
  programYear: number;
  opensOn: string;
  closesOn: string;
  status: CohortStatus;
  topics: string;
  rubric: string;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
  etag?: string;
}

export interface StoredCohort extends Cohort {
  etag: string;
}

export class CohortStore {
  constructor(private readonly table: TableClient) {}

  async create(fields: CohortFields, now: Date, options: { id?: string; isDemo?: boolean; status?: CohortStatus } = {}): Promise<StoredCohort> {
    const at = now.toISOString();
    const cohort: Cohort = { id: options.id ?? randomUUID(), ...fields, status: options.status ?? 'draft', isDemo: options.isDemo ?? false, createdAt: at, updatedAt: at };
    const result = await orConflict('cohort', () => this.table.createEntity(toEntity(cohort)));
    return { ...cohort, etag: result.etag ?? '' };
  }

  async get(id: string): Promise<StoredCohort | undefined> {
    if (!isKey(id)) return undefined;
    const entity = await orUndefined(() => this.table.getEntity<CohortEntity>(PARTITION, id));
    return entity && fromEntity(entity);
  }

  async list(): Promise<StoredCohort[]> {
    const cohorts: StoredCohort[] = [];
    for await (const entity of this.table.listEntities<CohortEntity>({ queryOptions: { filter: `PartitionKey eq '${PARTITION}'` } })) cohorts.push(fromEntity(entity));
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
  }
}

/** Ids come from URLs: anything that is not a plain id cannot name a cohort (and never reaches a query). */
export function isKey(id: string): boolean {
  return /^[A-Za-z0-9-]{1,64}$/.test(id);
}

function toEntity(cohort: Cohort): CohortEntity {
  return {
    partitionKey: PARTITION,
    rowKey: cohort.id,
    name: cohort.name,
    programYear: cohort.programYear,
    opensOn: cohort.opensOn,
    closesOn: cohort.closesOn,
    status: cohort.status,
    topics: JSON.stringify(cohort.topics),
    rubric: JSON.stringify(cohort.rubric),
    isDemo: cohort.isDemo,
    createdAt: cohort.createdAt,
    updatedAt: cohort.updatedAt,
  };
}

function fromEntity(entity: CohortEntity): StoredCohort {
  return {
    id: entity.rowKey,
    name: entity.name,
    programYear: entity.programYear,
    opensOn: entity.opensOn,
    closesOn: entity.closesOn,
    status: entity.status,
    topics: JSON.parse(entity.topics) as Cohort['topics'],
    rubric: JSON.parse(entity.rubric) as Cohort['rubric'],
    isDemo: entity.isDemo === true,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    etag: entity.etag ?? '',
  };
}

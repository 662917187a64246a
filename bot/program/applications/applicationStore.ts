import type { TableClient, TransactionAction } from '@azure/data-tables';
import { deletePartition, orConflict, orUndefined, TABLE_LIMITS } from '../../storage/storageErrors';
import { z } from 'zod';
import { columnEquals, inPartition, isKey } from '../../storage/keys';
import { readJsonColumn } from '../../storage/rowJson';
import type { Application } from './applicationRules';

/**
 * Applications (mentor nominations and executive applications). Table `applications`: PartitionKey cohort id, RowKey
 * person id — one application per person per cohort, enforced by the key. Queries: one application (point read); a
 * cohort's applications (one partition, for the pipeline, the flags and the catch-up of approval follow-ups at start,
 * filtered server-side by stage, manager or interviewer); a person's applications (a point read per cohort). Topic ids
 * are a JSON column.
 */
export const APPLICATION_TABLE = 'applications';

type ApplicationEntity = Omit<Application, 'cohortId' | 'personId' | 'topicIds'> & {
  partitionKey: string;
  rowKey: string;
  topicIds: string;
  etag?: string;
};

export type StoredApplication = Application & { etag: string };

/** Columns a cohort query may filter on, equal to a value. */
export type ApplicationFilter = Partial<Pick<Application, 'stage' | 'kind' | 'managerId' | 'interviewerId'>>;

export class ApplicationStore {
  constructor(private readonly table: TableClient) {}

  /** Creates the application; a ConflictError when the person already has one in this cohort. */
  async create(application: Application): Promise<StoredApplication> {
    const result = await orConflict('application', () => this.table.createEntity(toEntity(application)));
    return { ...application, etag: result.etag ?? '' };
  }

  async get(cohortId: string, personId: string): Promise<StoredApplication | undefined> {
    if (!isKey(cohortId) || !isKey(personId)) return undefined;
    const entity = await orUndefined(() => this.table.getEntity<ApplicationEntity>(cohortId, personId));
    return entity && fromEntity(entity);
  }

  /** Applies changes if nobody changed the application since it was read (ETag); a ConflictError otherwise. */
  async update(application: StoredApplication, changes: Partial<Application>): Promise<StoredApplication> {
    const next: Application = { ...application, ...changes };
    const result = await orConflict('application', () => this.table.updateEntity(toEntity(next), 'Replace', { etag: application.etag }));
    return { ...next, etag: result.etag ?? '' };
  }

  async listCohort(cohortId: string, filter: ApplicationFilter = {}): Promise<StoredApplication[]> {
    if (!isKey(cohortId)) return [];
    const clauses = [inPartition(cohortId)];
    for (const [column, value] of Object.entries(filter)) {
      if (value !== undefined) clauses.push(columnEquals(column, String(value)));
    }
    const applications: StoredApplication[] = [];
    for await (const entity of this.table.listEntities<ApplicationEntity>({ queryOptions: { filter: clauses.join(' and ') } })) applications.push(fromEntity(entity));
    return applications;
  }

  /** Writes many applications of one cohort in transactions of 100 (demo data). */
  async createMany(applications: readonly Application[]): Promise<void> {
    for (let i = 0; i < applications.length; i += TABLE_LIMITS.batchSize) {
      const actions: TransactionAction[] = applications.slice(i, i + TABLE_LIMITS.batchSize).map((a) => ['upsert', toEntity(a), 'Replace']);
      await this.table.submitTransaction(actions);
    }
  }

  /** Removes every application of a cohort (demo reset). */
  async deleteCohort(cohortId: string): Promise<void> {
    await deletePartition(this.table, cohortId);
  }
}

function toEntity(application: Application): ApplicationEntity {
  const { cohortId, personId, topicIds, ...rest } = application;
  const entity: Record<string, unknown> = { partitionKey: cohortId, rowKey: personId, topicIds: JSON.stringify(topicIds) };
  // Table storage keeps no undefined columns; leaving them out lets a Replace clear a field.
  for (const [key, value] of Object.entries(rest)) if (value !== undefined && key !== 'etag') entity[key] = value;
  return entity as ApplicationEntity;
}

function fromEntity(entity: ApplicationEntity): StoredApplication {
  const { partitionKey, rowKey, topicIds, etag, ...rest } = entity as ApplicationEntity & { timestamp?: string; 'odata.metadata'?: string };
  delete (rest as { timestamp?: string }).timestamp;
  return {
    ...(rest as Omit<Application, 'cohortId' | 'personId' | 'topicIds'>),
    cohortId: partitionKey,
    personId: rowKey,
    topicIds: readJsonColumn(APPLICATION_TABLE, { partitionKey, rowKey }, 'topicIds', topicIds, z.array(z.string())),
    etag: etag ?? '',
  };
}

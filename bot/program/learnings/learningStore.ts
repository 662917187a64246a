import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { isKey } from '../../storage/keys';
import { orConflict, orUndefined, readPartition } from '../../storage/storageErrors';

/**
 * "You said, we did" entries. Table `learnings`: PartitionKey cohort id, RowKey `<executive id>.<entry uuid>`; the
 * executive's name, the two texts, consent and publication. A cohort is one partition (a few entries per executive).
 */
export const LEARNING_TABLE = 'learnings';

export interface Learning {
  cohortId: string;
  entryId: string;
  executiveId: string;
  executiveName: string;
  learned: string;
  changed: string;
  shareConsent: boolean;
  published: boolean;
  publishedAt: string | null;
  publishedBy: string | null;
  createdAt: string;
  updatedAt: string;
  etag: string;
}

interface LearningEntity {
  partitionKey: string;
  rowKey: string;
  executiveId: string;
  executiveName: string;
  learned: string;
  changed: string;
  shareConsent: boolean;
  published: boolean;
  publishedAt?: string;
  publishedBy?: string;
  createdAt: string;
  updatedAt: string;
  etag?: string;
}

const ENTRY_ID = /^[A-Za-z0-9-]{1,64}\.[0-9a-f-]{36}$/;

export class LearningStore {
  constructor(private readonly table: TableClient) {}

  async add(input: Omit<Learning, 'entryId' | 'etag' | 'published' | 'publishedAt' | 'publishedBy'>): Promise<Learning> {
    const learning: Learning = { ...input, entryId: `${input.executiveId}.${randomUUID()}`, published: false, publishedAt: null, publishedBy: null, etag: '' };
    const result = await this.table.createEntity(toEntity(learning));
    return { ...learning, etag: result.etag ?? '' };
  }

  async get(cohortId: string, entryId: string): Promise<Learning | undefined> {
    if (!ENTRY_ID.test(entryId) || !isKey(cohortId)) return undefined;
    const entity = await orUndefined(() => this.table.getEntity<LearningEntity>(cohortId, entryId));
    return entity && fromEntity(entity);
  }

  async listCohort(cohortId: string): Promise<Learning[]> {
    if (!isKey(cohortId)) return [];
    const entries = (await readPartition<LearningEntity>(this.table, cohortId)).map(fromEntity);
    return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** Writes the entry if it is still the version read; a ConflictError otherwise. */
  async save(learning: Learning, etag: string): Promise<Learning> {
    const result = await orConflict('learning', () => this.table.updateEntity(toEntity(learning), 'Replace', { etag }));
    return { ...learning, etag: result.etag ?? '' };
  }
}

function toEntity(l: Learning): LearningEntity {
  return {
    partitionKey: l.cohortId,
    rowKey: l.entryId,
    executiveId: l.executiveId,
    executiveName: l.executiveName,
    learned: l.learned,
    changed: l.changed,
    shareConsent: l.shareConsent,
    published: l.published,
    ...(l.publishedAt ? { publishedAt: l.publishedAt } : {}),
    ...(l.publishedBy ? { publishedBy: l.publishedBy } : {}),
    createdAt: l.createdAt,
    updatedAt: l.updatedAt,
  };
}

function fromEntity(e: LearningEntity): Learning {
  return {
    cohortId: e.partitionKey,
    entryId: e.rowKey,
    executiveId: e.executiveId,
    executiveName: e.executiveName,
    learned: e.learned,
    changed: e.changed,
    shareConsent: e.shareConsent,
    published: e.published,
    publishedAt: e.publishedAt ?? null,
    publishedBy: e.publishedBy ?? null,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    etag: e.etag ?? '',
  };
}

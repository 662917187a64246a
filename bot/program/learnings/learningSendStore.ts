import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { inPartition, isKey } from '../../storage/keys';
import { readJsonColumn } from '../../storage/rowJson';
import { ConflictError, orConflict } from '../../storage/storageErrors';

/**
 * What "You said, we did" sent to a cohort in chat. Table `learningSends`: PartitionKey cohort id, RowKey the send
 * batch's key; the ids of the entries the card carried, who sent it and when. An entry in any row is never sent again.
 */
export const LEARNING_SENDS_TABLE = 'learningSends';

export interface LearningSend {
  cohortId: string;
  batchKey: string;
  entryIds: string[];
  by: string;
  at: string;
}

interface LearningSendEntity {
  partitionKey: string;
  rowKey: string;
  entryIds: string;
  by: string;
  at: string;
}

export class LearningSendStore {
  constructor(private readonly table: TableClient) {}

  /** Oldest first. */
  async listCohort(cohortId: string): Promise<LearningSend[]> {
    if (!isKey(cohortId)) return [];
    const sends: LearningSend[] = [];
    for await (const e of this.table.listEntities<LearningSendEntity>({ queryOptions: { filter: inPartition(cohortId) } })) {
      sends.push({ cohortId, batchKey: e.rowKey, entryIds: readJsonColumn(LEARNING_SENDS_TABLE, e, 'entryIds', e.entryIds, z.array(z.string())), by: e.by, at: e.at });
    }
    return sends.sort((a, b) => a.at.localeCompare(b.at));
  }

  /** Records a send; recording the same batch again (a retry after a crash) keeps the first record. */
  async record(send: LearningSend): Promise<void> {
    const entity: LearningSendEntity = { partitionKey: send.cohortId, rowKey: send.batchKey, entryIds: JSON.stringify(send.entryIds), by: send.by, at: send.at };
    try {
      await orConflict('learning send', () => this.table.createEntity(entity));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
}

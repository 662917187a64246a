import { odata, type TableClient } from '@azure/data-tables';
import { deletePartition, orConflict, orUndefined, TABLE_LIMITS } from '../../storage/storageErrors';
import { z } from 'zod';
import { inPartition, isKey } from '../../storage/keys';
import { readJsonColumn } from '../../storage/rowJson';

/**
 * Interview scores, kept apart from applications so that nothing that reads applications (status, "my mentoring", the
 * manager's card) can leak them. Table `interviews`: PartitionKey cohort id, RowKey candidate person id. Queries: one
 * interview (point read); a cohort's interviews (one partition, for the taskforce's pipeline and an interviewer's list,
 * filtered by interviewerId).
 */
export const INTERVIEW_TABLE = 'interviews';

export interface Interview {
  cohortId: string;
  candidateId: string;
  interviewerId: string;
  /** Criterion id -> score 1..5; empty until the interviewer submits. */
  scores: Record<string, number>;
  notes: string;
  /** The areas the interviewer thinks the candidate would mentor on. */
  mentorAreas: string;
  assignedAt: string;
  submittedAt?: string;
}

type InterviewEntity = {
  partitionKey: string;
  rowKey: string;
  interviewerId: string;
  scores: string;
  notes: string;
  mentorAreas: string;
  assignedAt: string;
  submittedAt?: string;
  etag?: string;
};

export type StoredInterview = Interview & { etag: string };

export class InterviewStore {
  constructor(private readonly table: TableClient) {}

  async get(cohortId: string, candidateId: string): Promise<StoredInterview | undefined> {
    if (!isKey(cohortId) || !isKey(candidateId)) return undefined;
    const entity = await orUndefined(() => this.table.getEntity<InterviewEntity>(cohortId, candidateId));
    return entity && fromEntity(entity);
  }

  /** Records an assignment (a new interviewer starts from empty scores). */
  async assign(cohortId: string, candidateId: string, interviewerId: string, now: Date): Promise<void> {
    const interview: Interview = { cohortId, candidateId, interviewerId, scores: {}, notes: '', mentorAreas: '', assignedAt: now.toISOString() };
    await this.table.upsertEntity(toEntity(interview), 'Replace');
  }

  /** Saves scores if the interview is unchanged since read (ETag); a ConflictError otherwise. */
  async saveScores(interview: StoredInterview, changes: Pick<Interview, 'scores' | 'notes' | 'mentorAreas' | 'submittedAt'>): Promise<StoredInterview> {
    const next = { ...interview, ...changes };
    const result = await orConflict('interview', () => this.table.updateEntity(toEntity(next), 'Replace', { etag: interview.etag }));
    return { ...next, etag: result.etag ?? '' };
  }

  async listCohort(cohortId: string, interviewerId?: string): Promise<StoredInterview[]> {
    if (!isKey(cohortId)) return [];
    const filter = interviewerId === undefined ? inPartition(cohortId) : odata`PartitionKey eq ${cohortId} and interviewerId eq ${interviewerId}`;
    const list: StoredInterview[] = [];
    for await (const entity of this.table.listEntities<InterviewEntity>({ queryOptions: { filter } })) list.push(fromEntity(entity));
    return list;
  }

  async putMany(interviews: readonly Interview[]): Promise<void> {
    for (let i = 0; i < interviews.length; i += TABLE_LIMITS.batchSize) {
      await this.table.submitTransaction(interviews.slice(i, i + TABLE_LIMITS.batchSize).map((v) => ['upsert', toEntity(v), 'Replace']));
    }
  }

  async deleteCohort(cohortId: string): Promise<void> {
    await deletePartition(this.table, cohortId);
  }
}

function toEntity(interview: Interview): InterviewEntity {
  const entity: InterviewEntity = {
    partitionKey: interview.cohortId,
    rowKey: interview.candidateId,
    interviewerId: interview.interviewerId,
    scores: JSON.stringify(interview.scores),
    notes: interview.notes,
    mentorAreas: interview.mentorAreas,
    assignedAt: interview.assignedAt,
  };
  if (interview.submittedAt) entity.submittedAt = interview.submittedAt;
  return entity;
}

function fromEntity(entity: InterviewEntity): StoredInterview {
  return {
    cohortId: entity.partitionKey,
    candidateId: entity.rowKey,
    interviewerId: entity.interviewerId,
    scores: readJsonColumn(INTERVIEW_TABLE, entity, 'scores', entity.scores, z.record(z.number())),
    notes: entity.notes ?? '',
    mentorAreas: entity.mentorAreas ?? '',
    assignedAt: entity.assignedAt,
    submittedAt: entity.submittedAt,
    etag: entity.etag ?? '',
  };
}

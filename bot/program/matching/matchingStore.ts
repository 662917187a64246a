import type { TableClient, TransactionAction } from '@azure/data-tables';
import { AppError } from '../../errors';
import { deletePartition, orConflict, orUndefined, readPartition, TABLE_LIMITS } from '../../storage/storageErrors';
import { jsonPartColumns, readJsonParts } from '../../storage/jsonParts';
import { inPartition, isKey } from '../../storage/keys';
import { readJsonColumn } from '../../storage/rowJson';
import { PAIR_OVERRIDE, PERSON_SNAPSHOT, PROPOSAL, RULES, STRINGS } from './matchingShapes';
import type { AuditAction, AuditEntry, IntroductionStatus, Rule } from './api';
import { EMPTY_PROPOSAL, type ProposalState } from './proposalRules';

/**
 * Matching state in Table storage (see docs/data-stores.md):
 * - `matchingProposals`: PartitionKey cohort id, RowKey 'current'. The whole proposal of a cohort (status, pairs,
 *   reasons, bans) in one entity, so every edit and the confirmation are one ETag-guarded write: two taskforce members
 *   can never both win. The JSON is split over columns of at most 32K characters (`part0`, `part1`, ...).
 *   Query: point read.
 */
export const PROPOSAL_TABLE = 'matchingProposals';
const CURRENT = 'current';

export type StoredProposal = ProposalState & { cohortId: string; etag: string };

/** The version of a proposal never saved (before the first run), so that the first run is sent with an If-Match too. */
export const NEVER_SAVED = 'never-saved';

interface ProposalEntity {
  partitionKey: string;
  rowKey: string;
  status: string;
  parts: number;
  etag?: string;
  [part: string]: unknown;
}

export class ProposalStore {
  constructor(private readonly table: TableClient) {}

  /** The cohort's proposal; an empty one (etag NEVER_SAVED) before the first run. */
  async get(cohortId: string): Promise<StoredProposal> {
    const entity = isKey(cohortId) ? await orUndefined(() => this.table.getEntity<ProposalEntity>(cohortId, CURRENT)) : undefined;
    if (!entity) return { ...EMPTY_PROPOSAL, cohortId, etag: NEVER_SAVED };
    return { ...readJsonColumn(PROPOSAL_TABLE, entity, 'parts', readJsonParts(entity), PROPOSAL), cohortId, etag: entity.etag ?? '' };
  }

  /**
   * Writes the next state if nobody changed the proposal since `previous` was read (ETag; the first write creates it
   * and fails if another first write won). A ConflictError otherwise.
   */
  async save(previous: StoredProposal, next: ProposalState): Promise<StoredProposal> {
    const json = JSON.stringify(next);
    const columns = jsonPartColumns(json);
    if (!columns) throw new AppError('TooLarge', 'This cohort is too large to keep its proposal in one piece.', `proposal of ${json.length} characters`);
    const entity: ProposalEntity = { partitionKey: previous.cohortId, rowKey: CURRENT, status: next.status, ...columns };
    const result =
      previous.etag !== NEVER_SAVED
        ? await orConflict('proposal', () => this.table.updateEntity(entity, 'Replace', { etag: previous.etag }))
        : await orConflict('proposal', () => this.table.createEntity(entity));
    return { ...next, cohortId: previous.cohortId, etag: result.etag ?? '' };
  }

  async deleteCohort(cohortId: string): Promise<void> {
    await deletePartition(this.table, cohortId);
  }
}

/**
 * - `matchingAudit`: PartitionKey cohort id, RowKey inverted time + a random tail (newest first). Every taskforce action
 *   on the proposal, and every override with its rules and written reason. Query: one partition, newest first.
 */
export const AUDIT_TABLE = 'matchingAudit';

export type { AuditAction, AuditEntry };

interface AuditEntity {
  partitionKey: string;
  rowKey: string;
  at: string;
  by: string;
  byName: string;
  action: AuditAction;
  executiveId?: string;
  mentorId?: string;
  rules: string;
  reason: string;
}

export class AuditLog {
  /** Orders entries written in the same millisecond by this process: a later one sorts first, as newest. */
  private sequence = 0;

  constructor(private readonly table: TableClient) {}

  async deleteCohort(cohortId: string): Promise<void> {
    await deletePartition(this.table, cohortId);
  }

  async add(cohortId: string, entry: AuditEntry): Promise<void> {
    const inverted = String(8_640_000_000_000_000 - Date.parse(entry.at)).padStart(16, '0');
    const entity: AuditEntity = {
      partitionKey: cohortId,
      rowKey: `${inverted}-${String(999_999 - (this.sequence++ % 1_000_000)).padStart(6, '0')}-${Math.random().toString(36).slice(2, 10)}`,
      at: entry.at,
      by: entry.by,
      byName: entry.byName,
      action: entry.action,
      rules: JSON.stringify(entry.rules),
      reason: entry.reason,
    };
    if (entry.executiveId) entity.executiveId = entry.executiveId;
    if (entry.mentorId) entity.mentorId = entry.mentorId;
    await this.table.createEntity(entity);
  }

  async list(cohortId: string, limit = 500): Promise<AuditEntry[]> {
    if (!isKey(cohortId)) return [];
    const entries: AuditEntry[] = [];
    for await (const e of this.table.listEntities<AuditEntity>({ queryOptions: { filter: inPartition(cohortId) } })) {
      entries.push({
        at: e.at,
        by: e.by,
        byName: e.byName,
        action: e.action,
        executiveId: e.executiveId ?? null,
        mentorId: e.mentorId ?? null,
        rules: readJsonColumn(AUDIT_TABLE, e, 'rules', e.rules, RULES),
        reason: e.reason,
      });
      if (entries.length >= limit) break;
    }
    return entries;
  }
}

/**
 * - `mentoringPairs`: PartitionKey cohort id, RowKey executive id. The confirmed pairs with what their people and the
 *   Pairs page need (names as at confirmation, shared topic titles) and whether each introduction card arrived.
 *   Queries: a cohort's pairs (one partition: the Pairs page, and earlier pairings when matching a later cohort);
 *   one pair (point read).
 * - `mentoringPairsByPerson`: PartitionKey person id, RowKey cohort id: which pair a person belongs to ("My
 *   mentoring"). Query: one person's partition.
 */
export const PAIR_TABLE = 'mentoringPairs';
export const PAIR_BY_PERSON_TABLE = 'mentoringPairsByPerson';

export type { IntroductionStatus };

export interface PersonSnapshot {
  name: string;
  jobTitle: string | null;
  department: string | null;
}

export interface ConfirmedPair {
  cohortId: string;
  executiveId: string;
  mentorId: string;
  executive: PersonSnapshot;
  mentor: PersonSnapshot;
  sharedTopics: string[];
  score: number;
  confirmedAt: string;
  confirmedBy: string;
  override: { rules: Rule[]; reason: string } | null;
  /** Where each introduction card stands; read from the introductions send batch, never stored on the pair. */
  executiveIntro: IntroductionStatus;
  mentorIntro: IntroductionStatus;
}

/** A confirmed pair as stored. */
export type StoredPair = Omit<ConfirmedPair, 'executiveIntro' | 'mentorIntro'>;

type PairEntity = {
  partitionKey: string;
  rowKey: string;
  mentorId: string;
  executive: string;
  mentor: string;
  sharedTopics: string;
  score: number;
  confirmedAt: string;
  confirmedBy: string;
  override?: string;
  etag?: string;
};

interface PairByPersonEntity {
  partitionKey: string;
  rowKey: string;
  role: 'mentor' | 'executive';
  executiveId: string;
}

export class PairStore {
  constructor(
    private readonly pairs: TableClient,
    private readonly byPerson: TableClient,
  ) {}

  /** Writes the pairs (upserts: writing the same confirmation twice changes nothing) and each person's index row. */
  async putAll(pairs: readonly StoredPair[]): Promise<void> {
    const byCohort = new Map<string, StoredPair[]>();
    for (const p of pairs) byCohort.set(p.cohortId, [...(byCohort.get(p.cohortId) ?? []), p]);
    for (const [, list] of byCohort) {
      for (let i = 0; i < list.length; i += TABLE_LIMITS.batchSize) {
        const actions: TransactionAction[] = list.slice(i, i + TABLE_LIMITS.batchSize).map((p) => ['upsert', toEntity(p), 'Replace']);
        await this.pairs.submitTransaction(actions);
      }
    }
    // One partition per person: a row each, a few in flight.
    const rows: PairByPersonEntity[] = pairs.flatMap((p) => [
      { partitionKey: p.executiveId, rowKey: p.cohortId, role: 'executive' as const, executiveId: p.executiveId },
      { partitionKey: p.mentorId, rowKey: p.cohortId, role: 'mentor' as const, executiveId: p.executiveId },
    ]);
    for (let i = 0; i < rows.length; i += 8) await Promise.all(rows.slice(i, i + 8).map((row) => this.byPerson.upsertEntity(row, 'Replace')));
  }

  async listCohort(cohortId: string): Promise<StoredPair[]> {
    if (!isKey(cohortId)) return [];
    return (await readPartition<PairEntity>(this.pairs, cohortId)).map(fromEntity);
  }

  async get(cohortId: string, executiveId: string): Promise<(StoredPair & { etag: string }) | undefined> {
    if (!isKey(cohortId) || !isKey(executiveId)) return undefined;
    const e = await orUndefined(() => this.pairs.getEntity<PairEntity>(cohortId, executiveId));
    return e && { ...fromEntity(e), etag: e.etag ?? '' };
  }

  /** Removes a cohort's pairs and each person's index row of them. */
  async deleteCohort(cohortId: string): Promise<void> {
    for (const p of await this.listCohort(cohortId)) {
      await Promise.all([p.executiveId, p.mentorId].map((personId) => orUndefined(() => this.byPerson.deleteEntity(personId, cohortId))));
    }
    await deletePartition(this.pairs, cohortId);
  }

  /** The cohorts a person is paired in, with their role. */
  async ofPerson(personId: string): Promise<{ cohortId: string; role: 'mentor' | 'executive'; executiveId: string }[]> {
    if (!isKey(personId)) return [];
    const rows: { cohortId: string; role: 'mentor' | 'executive'; executiveId: string }[] = [];
    for await (const e of this.byPerson.listEntities<PairByPersonEntity>({ queryOptions: { filter: inPartition(personId) } })) {
      rows.push({ cohortId: e.rowKey, role: e.role, executiveId: e.executiveId });
    }
    return rows;
  }
}

function toEntity(p: StoredPair): PairEntity {
  const entity: PairEntity = {
    partitionKey: p.cohortId,
    rowKey: p.executiveId,
    mentorId: p.mentorId,
    executive: JSON.stringify(p.executive),
    mentor: JSON.stringify(p.mentor),
    sharedTopics: JSON.stringify(p.sharedTopics),
    score: p.score,
    confirmedAt: p.confirmedAt,
    confirmedBy: p.confirmedBy,
  };
  if (p.override) entity.override = JSON.stringify(p.override);
  return entity;
}

function fromEntity(e: PairEntity): StoredPair {
  return {
    cohortId: e.partitionKey,
    executiveId: e.rowKey,
    mentorId: e.mentorId,
    executive: readJsonColumn(PAIR_TABLE, e, 'executive', e.executive, PERSON_SNAPSHOT),
    mentor: readJsonColumn(PAIR_TABLE, e, 'mentor', e.mentor, PERSON_SNAPSHOT),
    sharedTopics: readJsonColumn(PAIR_TABLE, e, 'sharedTopics', e.sharedTopics, STRINGS),
    score: e.score,
    confirmedAt: e.confirmedAt,
    confirmedBy: e.confirmedBy,
    override: e.override ? readJsonColumn(PAIR_TABLE, e, 'override', e.override, PAIR_OVERRIDE) : null,
  };
}

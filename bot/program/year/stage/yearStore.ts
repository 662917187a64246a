import { odata, type TableClient } from '@azure/data-tables';
import { ConflictError, orConflict, orUndefined, readPartition } from '../../../storage/storageErrors';
import { inPartition, isKey } from '../../../storage/keys';
import { readJsonColumn } from '../../../storage/rowJson';
import { AGENDA_SET, MEETINGS, PAUSES } from './yearShapes';
import type { AgendaSet } from '../agendaRules';
import type { Pause } from '../pauseRules';
import type { Meeting, MeetingNumber, PairPlan, ProgramYear } from '../yearPlan';

/**
 * The year's state in Table storage (docs/data-stores.md describes each table):
 * - `yearCohorts` (PK 'cohort', RK cohort id): the cohort's year and its agenda templates (one ETag-guarded entity).
 * - `yearPlans` (PK cohort id, RK executive id): each pair's plan of four meetings. Meeting logs are stored without
 *   their note: notes live in `yearPairNotes` alone, so no view built from plans can carry one.
 * - `yearPairNotes` (PK pair id, RK `m<meeting>`): the pair's private note on a meeting, read only for the pair.
 * - `yearPauses` (PK person id, RK 'pauses'): a person's pauses.
 * - `yearNudges` (PK cohort id, RK `<executive id>:<job key>`): every nudge that ran (sent, unreachable or skipped),
 *   the year view's history and what makes a job key never send twice.
 */
export const YEAR_TABLES = {
  cohorts: 'yearCohorts',
  plans: 'yearPlans',
  notes: 'yearPairNotes',
  pauses: 'yearPauses',
  nudges: 'yearNudges',
} as const;

const COHORT_PARTITION = 'cohort';
const PAUSES_ROW = 'pauses';

export interface CohortYear {
  cohortId: string;
  year: ProgramYear;
  agendas: AgendaSet;
  etag: string;
}

export type StoredPlan = PairPlan & { etag: string };

export interface StoredNote {
  note: string;
  by: string;
  at: string;
}

export type NudgeOutcome = 'sent' | 'unreachable' | 'skipped' | 'sending';

export interface NudgeRecord {
  cohortId: string;
  executiveId: string;
  key: string;
  kind: string;
  meeting: number;
  /** A person's id, or 'taskforce'. */
  to: string;
  outcome: NudgeOutcome;
  reason?: string;
  at: string;
}

/** The pair's id in job keys and note partitions: cohort and executive, joined with a dot (neither contains one). */
export function pairIdOf(cohortId: string, executiveId: string): string {
  return `${cohortId}.${executiveId}`;
}

export function splitPairId(pairId: string): { cohortId: string; executiveId: string } | undefined {
  const [cohortId = '', executiveId = '', ...rest] = pairId.split('.');
  return rest.length === 0 && isKey(cohortId) && isKey(executiveId) ? { cohortId, executiveId } : undefined;
}

interface CohortEntity {
  partitionKey: string;
  rowKey: string;
  startsOn: string;
  endsOn: string;
  agendas: string;
  etag?: string;
}

interface PlanEntity {
  partitionKey: string;
  rowKey: string;
  mentorId: string;
  meetings: string;
  atRisk: boolean;
  etag?: string;
}

/** A meeting as stored: its log's note is never written to the plan. */
function withoutNote(meeting: Meeting): Meeting {
  return meeting.log ? { ...meeting, log: { ...meeting.log, note: '' } } : meeting;
}

export class YearStore {
  constructor(private readonly tables: { [K in keyof typeof YEAR_TABLES]: TableClient }) {}

  async cohortYear(cohortId: string): Promise<CohortYear | undefined> {
    if (!isKey(cohortId)) return undefined;
    const e = await orUndefined(() => this.tables.cohorts.getEntity<CohortEntity>(COHORT_PARTITION, cohortId));
    return (
      e && { cohortId, year: { startsOn: e.startsOn, endsOn: e.endsOn }, agendas: readJsonColumn(YEAR_TABLES.cohorts, e, 'agendas', e.agendas, AGENDA_SET), etag: e.etag ?? '' }
    );
  }

  /** Creates the cohort's year once; when another start won, answers what it wrote. */
  async createCohortYear(cohortId: string, year: ProgramYear, agendas: AgendaSet): Promise<CohortYear> {
    const entity: CohortEntity = { partitionKey: COHORT_PARTITION, rowKey: cohortId, startsOn: year.startsOn, endsOn: year.endsOn, agendas: JSON.stringify(agendas) };
    await createOnce(this.tables.cohorts, entity);
    const stored = await this.cohortYear(cohortId);
    if (!stored) throw new Error(`year of ${cohortId} vanished after it was written`);
    return stored;
  }

  /** Saves edited agendas if nobody saved since `etag` was read (a ConflictError otherwise). */
  async saveAgendas(current: CohortYear, agendas: AgendaSet, etag: string): Promise<CohortYear> {
    const entity: CohortEntity = {
      partitionKey: COHORT_PARTITION,
      rowKey: current.cohortId,
      startsOn: current.year.startsOn,
      endsOn: current.year.endsOn,
      agendas: JSON.stringify(agendas),
    };
    const result = await orConflict('agendas', () => this.tables.cohorts.updateEntity(entity, 'Replace', { etag }));
    return { ...current, agendas, etag: result.etag ?? '' };
  }

  async plan(cohortId: string, executiveId: string): Promise<StoredPlan | undefined> {
    if (!isKey(cohortId) || !isKey(executiveId)) return undefined;
    const e = await orUndefined(() => this.tables.plans.getEntity<PlanEntity>(cohortId, executiveId));
    return e && planOf(e);
  }

  async cohortPlans(cohortId: string): Promise<StoredPlan[]> {
    if (!isKey(cohortId)) return [];
    return (await readPartition<PlanEntity>(this.tables.plans, cohortId)).map(planOf);
  }

  /** Creates a plan unless the pair has one; true when it created it. */
  createPlan(plan: PairPlan): Promise<boolean> {
    return createOnce(this.tables.plans, planEntity(plan));
  }

  /** Writes the plan if nobody changed it since it was read (a ConflictError otherwise). */
  async savePlan(previous: StoredPlan, meetings: Meeting[]): Promise<StoredPlan> {
    const next: PairPlan = { ...previous, meetings };
    const result = await orConflict('plan', () => this.tables.plans.updateEntity(planEntity(next), 'Replace', { etag: previous.etag }));
    return { ...next, meetings: next.meetings.map(withoutNote), etag: result.etag ?? '' };
  }

  async notes(pairId: string): Promise<Map<MeetingNumber, StoredNote>> {
    const notes = new Map<MeetingNumber, StoredNote>();
    for await (const e of this.tables.notes.listEntities<StoredNote & { rowKey: string }>({ queryOptions: { filter: inPartition(pairId) } })) {
      notes.set(Number(e.rowKey.slice(1)) as MeetingNumber, { note: e.note, by: e.by, at: e.at });
    }
    return notes;
  }

  async putNote(pairId: string, meeting: MeetingNumber, note: StoredNote): Promise<void> {
    await this.tables.notes.upsertEntity({ partitionKey: pairId, rowKey: `m${meeting}`, ...note }, 'Replace');
  }

  async pauses(personId: string): Promise<Pause[]> {
    if (!isKey(personId)) return [];
    const e = await orUndefined(() => this.tables.pauses.getEntity<{ partitionKey: string; rowKey: string; list: string }>(personId, PAUSES_ROW));
    return e ? readJsonColumn(YEAR_TABLES.pauses, e, 'list', e.list, PAUSES) : [];
  }

  async putPauses(personId: string, pauses: readonly Pause[]): Promise<void> {
    await this.tables.pauses.upsertEntity({ partitionKey: personId, rowKey: PAUSES_ROW, list: JSON.stringify(pauses) }, 'Replace');
  }

  /**
   * Claims a nudge before it is sent: the row is created once, so of two runs of one job (a restart, a reschedule that
   * raced the run) only one sends. False when the key already has a row.
   */
  claimNudge(record: NudgeRecord): Promise<boolean> {
    return createOnce(this.tables.nudges, nudgeEntity(record));
  }

  async recordNudge(record: NudgeRecord): Promise<void> {
    await this.tables.nudges.upsertEntity(nudgeEntity(record), 'Replace');
  }

  /** Gives a claimed key back (the send failed and will be retried). */
  async releaseNudge(record: NudgeRecord): Promise<void> {
    await orUndefined(() => this.tables.nudges.deleteEntity(record.cohortId, `${record.executiveId}:${record.key}`));
  }

  /** The keys of a pair's nudges that ran (one range of the cohort's partition). */
  async nudgeKeysOf(cohortId: string, executiveId: string): Promise<Set<string>> {
    const keys = new Set<string>();
    const filter = odata`PartitionKey eq ${cohortId} and RowKey ge ${`${executiveId}:`} and RowKey lt ${`${executiveId};`}`;
    for await (const e of this.tables.nudges.listEntities<{ key: string }>({ queryOptions: { filter, select: ['key'] } })) keys.add(e.key);
    return keys;
  }

  async cohortNudges(cohortId: string): Promise<NudgeRecord[]> {
    if (!isKey(cohortId)) return [];
    const records: NudgeRecord[] = [];
    for await (const e of this.tables.nudges.listEntities<NudgeRecord>({ queryOptions: { filter: inPartition(cohortId) } })) {
      records.push({
        cohortId,
        executiveId: e.executiveId,
        key: e.key,
        kind: e.kind,
        meeting: e.meeting,
        to: e.to,
        outcome: e.outcome,
        ...(e.reason ? { reason: e.reason } : {}),
        at: e.at,
      });
    }
    return records;
  }
}

/** Creates the row unless it exists; true when this call created it. */
async function createOnce(table: TableClient, entity: { partitionKey: string; rowKey: string }): Promise<boolean> {
  try {
    await orConflict('row', () => table.createEntity(entity));
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
}

function planEntity(plan: PairPlan): PlanEntity {
  return {
    partitionKey: plan.cohortId,
    rowKey: plan.executiveId,
    mentorId: plan.mentorId,
    meetings: JSON.stringify(plan.meetings.map(withoutNote)),
    atRisk: plan.meetings.some((m) => m.status === 'missed'),
  };
}

function planOf(e: PlanEntity): StoredPlan {
  return {
    pairId: pairIdOf(e.partitionKey, e.rowKey),
    cohortId: e.partitionKey,
    executiveId: e.rowKey,
    mentorId: e.mentorId,
    meetings: readJsonColumn(YEAR_TABLES.plans, e, 'meetings', e.meetings, MEETINGS),
    etag: e.etag ?? '',
  };
}

function nudgeEntity(r: NudgeRecord): NudgeRecord & { partitionKey: string; rowKey: string } {
  return { partitionKey: r.cohortId, rowKey: `${r.executiveId}:${r.key}`, ...r };
}

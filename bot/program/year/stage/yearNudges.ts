import type { OutgoingCard } from '../../../messaging/messenger';
import type { Job, JsonObject } from '../../../scheduler/scheduler';
import type { PairStore } from '../../matching/matchingStore';
import type { StageParts } from '../../programStage';
import { desiredNudges, diffNudges, nudgeDue, type NudgeInput, type NudgeJob, type NudgeKind, type NudgePayload, type ScheduledNudge } from '../nudgeRules';
import type { MeetingNumber, PairPlan } from '../yearPlan';
import { splitPairId, type NudgeRecord, type StoredPlan, type YearStore } from './yearStore';

/**
 * The year's nudges on the scheduler: one job per pair, meeting, person and kind (keys from nudgeRules), reconciled after
 * every change of a plan or a pause, and checked again when each fires (`nudgeDue`: stale, paused, left, dissolved).
 * Before a nudge is sent its key is claimed in `yearNudges`, so a restart, a reschedule racing a run or a double click
 * never sends it twice; that table is also the history the taskforce reads.
 */
export const NUDGE_KINDS: readonly NudgeKind[] = ['year.nudge.book', 'year.nudge.agenda', 'year.nudge.didYouMeet', 'year.nudge.last', 'year.quarter.close'];

export interface NudgeCards {
  /** The card a person gets for a nudge (the plan as it is now). */
  personNudge(job: NudgeJob, plan: StoredPlan): Promise<OutgoingCard>;
  /** The card the taskforce gets when a quarter closed with no meeting. */
  quarterClosed(plan: StoredPlan, meeting: MeetingNumber): Promise<OutgoingCard>;
}

export interface NudgeDeps {
  store: YearStore;
  pairs: PairStore;
  parts: StageParts;
  cards: NudgeCards;
  /** Marks the meeting missed (quarter closed); answers the plan after. */
  closeQuarter(plan: StoredPlan, meeting: MeetingNumber): Promise<{ plan: StoredPlan }>;
}

export class YearNudges {
  constructor(private readonly d: NudgeDeps) {}

  register(): void {
    for (const kind of NUDGE_KINDS) {
      this.d.parts.scheduler.register(kind, (job) => this.run(job), { describe: (job) => describeJob(job.kind, job.payload) });
    }
  }

  private async input(plan: PairPlan, now: Date): Promise<NudgeInput> {
    const directory = this.d.parts.directory();
    const participant = async (personId: string) => ({
      personId,
      inProgram: directory.getPerson(personId)?.accountEnabled === true,
      pauses: await this.d.store.pauses(personId),
    });
    const pair = await this.d.pairs.get(plan.cohortId, plan.executiveId);
    return {
      plan,
      pairActive: pair?.mentorId === plan.mentorId,
      mentor: await participant(plan.mentorId),
      executive: await participant(plan.executiveId),
      calendar: this.d.parts.config.program.calendar,
      now,
    };
  }

  /**
   * Brings the scheduler in line with the plan: new jobs, moved jobs (a pause, a new date) and cancelled ones (a
   * reschedule, a log). With no `before` (set-up), jobs are only created where none exists.
   */
  async reconcile(plan: StoredPlan, before: StoredPlan | undefined): Promise<void> {
    if (!before) return this.setUp([plan]);
    const input = await this.input(plan, this.d.parts.clock());
    const desired = desiredNudges(input);
    const done = await this.d.store.nudgeKeysOf(plan.cohortId, plan.executiveId);
    const scheduler = this.d.parts.scheduler;
    const previous = desiredNudges({ ...input, plan: before });
    const names = new Map<string, string>([...previous, ...desired].map((j) => [j.key, j.kind]));
    const scheduled: ScheduledNudge[] = [];
    for (const [key, kind] of names) {
      if (done.has(key)) scheduled.push({ kind, key, dueAt: '', state: 'done' });
      else {
        const view = await scheduler.get(kind, key);
        if (view) scheduled.push({ kind, key, dueAt: view.dueAt.toISOString(), state: 'pending' });
      }
    }
    const diff = diffNudges(desired, scheduled);
    for (const job of diff.schedule) await scheduler.schedule(job.kind, job.key, new Date(job.dueAt), job.payload as unknown as JsonObject);
    for (const job of diff.cancel) await scheduler.cancel(job.kind, job.key);
  }

  /**
   * The jobs of plans just made (or made by an interrupted run): created where none exists, all pairs' jobs in one
   * `ensureMany`, so a cohort's set-up writes full transactions rather than a few rows per pair.
   */
  async setUp(plans: readonly StoredPlan[]): Promise<void> {
    const jobs: NudgeJob[] = [];
    for (const plan of plans) {
      const desired = desiredNudges(await this.input(plan, this.d.parts.clock()));
      const done = await this.d.store.nudgeKeysOf(plan.cohortId, plan.executiveId);
      const ran = desired.filter((j) => done.has(j.key)).map((j): ScheduledNudge => ({ kind: j.kind, key: j.key, dueAt: j.dueAt, state: 'done' }));
      jobs.push(...diffNudges(desired, ran).schedule);
    }
    await this.d.parts.scheduler.ensureMany(jobs.map(toNewJob));
  }

  private async run(job: Job): Promise<void> {
    const payload = job.payload as unknown as NudgePayload;
    const ids = splitPairId(String(payload.pairId));
    if (!ids) return;
    const record = (outcome: NudgeRecord['outcome'], reason?: string): NudgeRecord => ({
      cohortId: ids.cohortId,
      executiveId: ids.executiveId,
      key: job.key,
      kind: job.kind,
      meeting: Number(payload.meeting),
      to: payload.to === 'person' ? payload.personId : 'taskforce',
      outcome,
      ...(reason ? { reason } : {}),
      at: this.d.parts.clock().toISOString(),
    });
    const plan = await this.d.store.plan(ids.cohortId, ids.executiveId);
    if (!plan) {
      await this.d.store.claimNudge(record('skipped', 'dissolved'));
      return;
    }
    const decision = nudgeDue({ kind: job.kind as NudgeKind, key: job.key }, await this.input(plan, this.d.parts.clock()));
    if (decision.action === 'later') {
      await this.d.parts.scheduler.schedule(job.kind, job.key, new Date(decision.dueAt), job.payload);
      return;
    }
    if (decision.action === 'skip') {
      await this.d.store.claimNudge(record('skipped', decision.reason));
      return;
    }
    if (!(await this.d.store.claimNudge(record('sending')))) return;
    try {
      if (payload.to === 'taskforce') await this.tellTaskforce(plan, payload.meeting, job.key);
      else {
        const outcome = await this.d.parts.messenger.sendCard(payload.personId, await this.d.cards.personNudge(decision.job, plan));
        await this.d.store.recordNudge(record(outcome.status === 'sent' ? 'sent' : 'unreachable', outcome.status === 'sent' ? undefined : outcome.reason));
        return;
      }
      await this.d.store.recordNudge(record('sent'));
    } catch (error) {
      // Not sent: give the key back so the scheduler's retry can send it.
      await this.d.store.releaseNudge(record('sending'));
      throw error;
    }
  }

  /** The quarter closed with no meeting held: the meeting is missed, the pair at risk, and the taskforce told (once). */
  private async tellTaskforce(plan: StoredPlan, meeting: MeetingNumber, key: string): Promise<void> {
    const { plan: after } = await this.d.closeQuarter(plan, meeting);
    if (after.meetings[meeting - 1].status !== 'missed') return;
    const taskforce = this.d.parts.roles.members('taskforce');
    if (taskforce.length === 0) return;
    await this.d.parts.batches.start({ key, label: `Quarter ${meeting} closed with no meeting`, recipients: taskforce, message: await this.d.cards.quarterClosed(after, meeting) });
  }
}

function toNewJob(job: NudgeJob) {
  return { kind: job.kind, key: job.key, dueAt: new Date(job.dueAt), payload: job.payload as unknown as JsonObject };
}

const KIND_WORDS: Record<NudgeKind, string> = {
  'year.nudge.book': 'book this quarter’s meeting',
  'year.nudge.agenda': 'the agenda, the day before',
  'year.nudge.didYouMeet': '“did you meet?”, the day after',
  'year.nudge.last': 'the last nudge, two weeks before the quarter closes',
  'year.quarter.close': 'the quarter closing',
};

export function kindWords(kind: string): string {
  return KIND_WORDS[kind as NudgeKind] ?? kind;
}

function describeJob(kind: string, payload: JsonObject): string {
  return `Meeting ${String(payload.meeting)}: ${kindWords(kind)}`;
}

import { bookingStart } from './bookingRules';
import { addDays, nextWorkingDay, previousWorkingDay, zonedInstant, localDateOf, type IsoDate, type ProgramCalendar } from '../../calendar/calendarTime';
import { firstDayOutsidePauses, pausedOn, type Pause } from './pauseRules';
import type { Role } from './agendaRules';
import type { Meeting, MeetingNumber, PairPlan } from './yearPlan';

/**
 * Which nudge jobs should exist for a pair, as a pure "desired set", and whether a job that fires should still send.
 *
 * The jobs (one per person, except the quarter closing, which is for the taskforce):
 * - `year.nudge.book`: the quarter opens and nothing is booked -> "book this quarter's meeting" (first working day of
 *   the quarter). Worth sending until the last nudge takes over.
 * - `year.nudge.agenda`: the working day before a booked meeting -> the agenda for their role. Until the meeting starts.
 * - `year.nudge.didYouMeet`: the working day after a booked meeting -> "did you meet?" with the log card. Until a week
 *   after the quarter closes (a late log still rescues the quarter).
 * - `year.nudge.last`: the working day two weeks before the quarter closes, when nothing is held and nothing is booked
 *   for a later day -> last nudge (book it, or log it if the booked day has passed). Until the quarter closes.
 * - `year.quarter.close`: the morning after the quarter closes with no meeting held -> mark the meeting missed, the pair
 *   at risk, and tell the taskforce. Never moved by pauses.
 * Every person's nudge goes out at the program's nudge time on its day.
 *
 * Keys are deterministic: `<kind>:<pairId>:<meeting>:<role>`, plus `:r<revision>` for the jobs tied to a booking, so a
 * reschedule makes new keys (the old ones drop out of the desired set and the reconciler cancels them) while a restart
 * or a double click makes the same keys again. A key is never reused for another sending. The separator is `:` because
 * the scheduler refuses `/ \\ # ?` in keys (they are Table storage row keys); pair ids must not contain `:`.
 *
 * Pauses: a nudge whose day falls in one of the person's pauses moves to the first working day after the pause; when
 * that is too late for it to be useful (past its "until" above), it is skipped, not sent late. Nobody who left the
 * program gets a nudge, and a dissolved pair gets no jobs at all. Jobs whose moment has passed for good (now is past
 * their "until") are not desired either: a pair confirmed late gets no "book" nudge for a quarter that closed.
 */
export type NudgeKind = 'year.nudge.book' | 'year.nudge.agenda' | 'year.nudge.didYouMeet' | 'year.nudge.last' | 'year.quarter.close';

export const LOG_GRACE_DAYS = 7;
export const LAST_NUDGE_DAYS_BEFORE_CLOSE = 14;

export interface PersonNudgePayload {
  to: 'person';
  pairId: string;
  cohortId: string;
  meeting: MeetingNumber;
  role: Role;
  personId: string;
  /** The meeting's booking revision the nudge was planned for. */
  revision: number;
  /** For the last nudge: ask to book, or to log a booked day that has passed. */
  ask?: 'book' | 'log';
}

export interface TaskforceNudgePayload {
  to: 'taskforce';
  pairId: string;
  cohortId: string;
  meeting: MeetingNumber;
}

export type NudgePayload = PersonNudgePayload | TaskforceNudgePayload;

export interface NudgeJob {
  kind: NudgeKind;
  key: string;
  /** ISO instant. */
  dueAt: string;
  payload: NudgePayload;
}

export interface ParticipantState {
  personId: string;
  /** False once the person left the program. */
  inProgram: boolean;
  pauses: readonly Pause[];
}

export interface NudgeInput {
  plan: PairPlan;
  /** False once the pair is dissolved. */
  pairActive: boolean;
  mentor: ParticipantState;
  executive: ParticipantState;
  calendar: ProgramCalendar;
  now: Date;
}

export type SkipReason = 'stale' | 'dissolved' | 'left' | 'paused' | 'expired';

export type NudgeDecision = { action: 'send'; job: NudgeJob } | { action: 'later'; dueAt: string } | { action: 'skip'; reason: SkipReason };

interface Candidate {
  job: NudgeJob;
  /** The instant after which the nudge is no longer worth sending. */
  until?: Date;
  skip?: SkipReason;
}

const ROLES: readonly Role[] = ['mentor', 'executive'];

function keyOf(kind: NudgeKind, plan: PairPlan, meeting: MeetingNumber, role?: Role, revision?: number): string {
  return [kind, plan.pairId, String(meeting), ...(role ? [role] : []), ...(revision !== undefined ? [`r${revision}`] : [])].join(':');
}

function lastNudgeDay(meeting: Meeting, calendar: ProgramCalendar): IsoDate {
  return previousWorkingDay(addDays(meeting.window.closesOn, -LAST_NUDGE_DAYS_BEFORE_CLOSE), calendar);
}

interface PersonNudgePlan {
  kind: NudgeKind;
  day: IsoDate;
  until: Date;
  withRevision: boolean;
  ask?: 'book' | 'log';
}

/** The person nudges a meeting calls for in its current state (before pauses and departures). */
function personNudgePlans(meeting: Meeting, calendar: ProgramCalendar): PersonNudgePlan[] {
  const at = (day: IsoDate, time = calendar.nudgeTime): Date => zonedInstant(day, time, calendar.timeZone);
  const lastDay = lastNudgeDay(meeting, calendar);
  const closedAt = at(addDays(meeting.window.closesOn, 1), '00:00');
  const plans: PersonNudgePlan[] = [];
  if (meeting.status === 'planned') {
    plans.push({ kind: 'year.nudge.book', day: nextWorkingDay(meeting.window.opensOn, calendar), until: at(lastDay), withRevision: false });
    plans.push({ kind: 'year.nudge.last', day: lastDay, until: closedAt, withRevision: false, ask: 'book' });
  }
  if (meeting.status === 'booked' && meeting.booking) {
    const date = meeting.booking.date;
    plans.push({ kind: 'year.nudge.agenda', day: previousWorkingDay(addDays(date, -1), calendar), until: bookingStart(meeting.booking, calendar), withRevision: true });
    const graceEnd = at(addDays(meeting.window.closesOn, LOG_GRACE_DAYS + 1), '00:00');
    plans.push({ kind: 'year.nudge.didYouMeet', day: nextWorkingDay(addDays(date, 1), calendar), until: graceEnd, withRevision: true });
    if (date < lastDay) plans.push({ kind: 'year.nudge.last', day: lastDay, until: closedAt, withRevision: false, ask: 'log' });
  }
  return plans;
}

function personCandidates(input: NudgeInput, meeting: Meeting): Candidate[] {
  const { plan, calendar } = input;
  const candidates: Candidate[] = [];
  for (const nudge of personNudgePlans(meeting, calendar)) {
    for (const role of ROLES) {
      const person = input[role];
      const day = firstDayOutsidePauses(person.pauses, nudge.day, calendar);
      const dueAt = zonedInstant(day, calendar.nudgeTime, calendar.timeZone);
      const payload: PersonNudgePayload = {
        to: 'person',
        pairId: plan.pairId,
        cohortId: plan.cohortId,
        meeting: meeting.number,
        role,
        personId: person.personId,
        revision: meeting.revision,
        ...(nudge.ask ? { ask: nudge.ask } : {}),
      };
      const key = keyOf(nudge.kind, plan, meeting.number, role, nudge.withRevision ? meeting.revision : undefined);
      let skip: SkipReason | undefined;
      if (!person.inProgram) skip = 'left';
      else if (dueAt.getTime() >= nudge.until.getTime()) skip = day === nudge.day ? 'expired' : 'paused';
      candidates.push({ job: { kind: nudge.kind, key, dueAt: dueAt.toISOString(), payload }, until: nudge.until, skip });
    }
  }
  return candidates;
}

function closeCandidate(input: NudgeInput, meeting: Meeting): Candidate | undefined {
  if (meeting.status !== 'planned' && meeting.status !== 'booked') return undefined;
  const { plan, calendar } = input;
  const dueAt = zonedInstant(addDays(meeting.window.closesOn, 1), calendar.nudgeTime, calendar.timeZone);
  const payload: TaskforceNudgePayload = { to: 'taskforce', pairId: plan.pairId, cohortId: plan.cohortId, meeting: meeting.number };
  return { job: { kind: 'year.quarter.close', key: keyOf('year.quarter.close', plan, meeting.number), dueAt: dueAt.toISOString(), payload } };
}

function candidates(input: NudgeInput): Candidate[] {
  const all = input.plan.meetings.flatMap((m) => [...personCandidates(input, m), ...[closeCandidate(input, m)].filter((c): c is Candidate => !!c)]);
  if (!input.pairActive) return all.map((c) => ({ ...c, skip: 'dissolved' }));
  return all.map((c) => (!c.skip && c.until && input.now.getTime() >= c.until.getTime() ? { ...c, skip: 'expired' } : c));
}

/** The jobs that should exist for this pair now, sorted by due time then key. */
export function desiredNudges(input: NudgeInput): NudgeJob[] {
  return candidates(input)
    .filter((c) => !c.skip)
    .map((c) => c.job)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.key.localeCompare(b.key));
}

/**
 * Whether a job that fires now should send, given the state now: a job that no longer matches the pair's state (the
 * meeting was booked, held or rescheduled since) is stale; a person on pause today gets it after the pause, if that is
 * still in time.
 */
export function nudgeDue(job: Pick<NudgeJob, 'kind' | 'key'>, input: NudgeInput): NudgeDecision {
  const candidate = candidates(input).find((c) => c.job.key === job.key && c.job.kind === job.kind);
  if (!candidate) return { action: 'skip', reason: 'stale' };
  if (candidate.skip) return { action: 'skip', reason: candidate.skip };
  const { calendar, now } = input;
  if (Date.parse(candidate.job.dueAt) > now.getTime()) return { action: 'later', dueAt: candidate.job.dueAt };
  const payload = candidate.job.payload;
  if (payload.to === 'person') {
    const person = input[payload.role];
    const today = localDateOf(now, calendar.timeZone);
    if (pausedOn(person.pauses, today)) {
      const day = firstDayOutsidePauses(person.pauses, today, calendar);
      const dueAt = zonedInstant(day, calendar.nudgeTime, calendar.timeZone);
      if (candidate.until && dueAt.getTime() >= candidate.until.getTime()) return { action: 'skip', reason: 'paused' };
      return { action: 'later', dueAt: dueAt.toISOString() };
    }
  }
  return { action: 'send', job: candidate.job };
}

/** A job of this pair as the scheduler holds it: still to run, or already run (sent, skipped or cancelled). */
export interface ScheduledNudge {
  kind: string;
  key: string;
  dueAt: string;
  state: 'pending' | 'done';
}

export interface NudgeDiff {
  /** New jobs, and pending jobs whose due time moved (schedule again under the same key). */
  schedule: NudgeJob[];
  /** Pending jobs no longer wanted (a reschedule, a log, a departure). */
  cancel: { kind: string; key: string }[];
}

/**
 * What a reconciler does to bring the scheduler in line with the desired set. A key that has already run is never
 * scheduled again, which is what makes a restart or a repeated reconcile send nothing twice.
 */
export function diffNudges(desired: readonly NudgeJob[], scheduled: readonly ScheduledNudge[]): NudgeDiff {
  const held = new Map(scheduled.map((s) => [`${s.kind} ${s.key}`, s]));
  const wanted = new Set(desired.map((d) => `${d.kind} ${d.key}`));
  return {
    schedule: desired.filter((d) => {
      const current = held.get(`${d.kind} ${d.key}`);
      return !current || (current.state === 'pending' && current.dueAt !== d.dueAt);
    }),
    cancel: scheduled.filter((s) => s.state === 'pending' && !wanted.has(`${s.kind} ${s.key}`)).map(({ kind, key }) => ({ kind, key })),
  };
}

import { addDays, previousWorkingDay, zonedInstant, type IsoDate, type ProgramCalendar } from '../../calendar/calendarTime';
import { readEventDetails, type EventDetails, type EventErrors } from '../year/eventDetails';

/**
 * The ice breaker: one group meet-and-greet per cohort before one-on-ones start, where alumni executives (executives
 * paired in an earlier cohort) share what they gained. Pure: no SDK, no I/O.
 *
 * It must take place before the year starts (the first quarter's meetings are booked from then on). Everyone in the
 * cohort and the chosen alumni are invited; each answers yes, no or maybe and can change the answer until the event
 * starts. A reminder goes the working day before to everyone who has not said no; its job key carries the event's
 * revision (`<cohortId>:r<revision>`; scheduler keys hold no `/`), so moving the event replaces the reminder instead of
 * sending two.
 */
export const ICE_BREAKER_LIMITS = { maxAlumni: 10, defaultMinutes: 60 } as const;

export type Rsvp = 'yes' | 'no' | 'maybe';
export const RSVPS: readonly Rsvp[] = ['yes', 'no', 'maybe'];

export type InviteeRole = 'mentor' | 'executive' | 'alumnus';

export interface Invitee {
  personId: string;
  role: InviteeRole;
}

export interface IceBreaker extends EventDetails {
  cohortId: string;
  alumniIds: string[];
  /** Bumped each time the date, time or place changes. */
  revision: number;
}

export interface CohortPairRef {
  cohortId: string;
  executiveId: string;
  mentorId: string;
}

export interface CohortRef {
  id: string;
  /** When its applications opened: cohorts are ordered by it. */
  opensOn: IsoDate;
}

export interface AlumnusCandidate {
  executiveId: string;
  /** The earlier cohorts they were paired in, most recent first. */
  cohortIds: string[];
}

/**
 * Executives paired in a cohort that opened before this one, most recent first; executives also in this cohort are left
 * out (they are invited anyway, as participants).
 */
export function alumniCandidates(pairs: readonly CohortPairRef[], cohorts: readonly CohortRef[], current: CohortRef): AlumnusCandidate[] {
  const opened = new Map(cohorts.map((c) => [c.id, c.opensOn]));
  const inCurrent = new Set(pairs.filter((p) => p.cohortId === current.id).map((p) => p.executiveId));
  const earlier = new Map<string, Set<string>>();
  for (const pair of pairs) {
    const opensOn = opened.get(pair.cohortId);
    if (opensOn === undefined || opensOn >= current.opensOn || inCurrent.has(pair.executiveId)) continue;
    earlier.set(pair.executiveId, (earlier.get(pair.executiveId) ?? new Set()).add(pair.cohortId));
  }
  const openedOn = (id: string | undefined): string => (id === undefined ? '' : (opened.get(id) ?? ''));
  return [...earlier]
    .map(([executiveId, ids]) => ({ executiveId, cohortIds: [...ids].sort((a, b) => openedOn(b).localeCompare(openedOn(a))) }))
    .sort((a, b) => openedOn(b.cohortIds[0]).localeCompare(openedOn(a.cohortIds[0])) || a.executiveId.localeCompare(b.executiveId));
}

/** Everyone invited: each mentor and executive of the cohort's pairs, then the chosen alumni; each person once. */
export function invitees(cohortPairs: readonly CohortPairRef[], alumniIds: readonly string[]): Invitee[] {
  const seen = new Set<string>();
  const list: Invitee[] = [];
  const add = (personId: string, role: InviteeRole): void => {
    if (seen.has(personId)) return;
    seen.add(personId);
    list.push({ personId, role });
  };
  for (const p of cohortPairs) {
    add(p.mentorId, 'mentor');
    add(p.executiveId, 'executive');
  }
  for (const id of alumniIds) add(id, 'alumnus');
  return list;
}

export type IceBreakerCheck = { ok: true; iceBreaker: IceBreaker; moved: boolean } | { ok: false; errors: EventErrors & { alumni?: string } };

/**
 * Reads the ice breaker the taskforce schedules: event details plus `alumniIds` chosen from the candidates. Before the
 * year starts and not in the past. A change of date, time, place or link makes a new revision (`moved`).
 */
export function readIceBreaker(
  raw: Readonly<Record<string, unknown>>,
  context: { cohortId: string; today: IsoDate; yearStartsOn: IsoDate; candidates: readonly AlumnusCandidate[]; current?: IceBreaker },
): IceBreakerCheck {
  const details = readEventDetails(raw, {
    today: context.today,
    before: [{ date: context.yearStartsOn, name: 'the start of the year, when one-on-ones begin' }],
    defaultMinutes: ICE_BREAKER_LIMITS.defaultMinutes,
  });
  const errors: EventErrors & { alumni?: string } = details.ok ? {} : { ...details.errors };
  const alumniRaw = raw.alumniIds ?? [];
  const known = new Set(context.candidates.map((c) => c.executiveId));
  let alumniIds: string[] = [];
  if (!Array.isArray(alumniRaw) || alumniRaw.some((id) => typeof id !== 'string')) errors.alumni = 'Please choose alumni from the list.';
  else {
    alumniIds = [...new Set(alumniRaw as string[])];
    if (alumniIds.some((id) => !known.has(id))) errors.alumni = 'One of the chosen alumni was not paired in an earlier cohort. Please choose from the list.';
    else if (alumniIds.length > ICE_BREAKER_LIMITS.maxAlumni) errors.alumni = `Please choose at most ${ICE_BREAKER_LIMITS.maxAlumni} alumni.`;
  }
  if (!details.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const d = details.details;
  const current = context.current;
  const moved =
    !!current && (current.date !== d.date || current.time !== d.time || current.place !== d.place || current.link !== d.link || current.durationMinutes !== d.durationMinutes);
  const revision = current ? current.revision + (moved ? 1 : 0) : 1;
  return { ok: true, moved, iceBreaker: { ...d, cohortId: context.cohortId, alumniIds, revision } };
}

export type RsvpCheck = { ok: true; answer: Rsvp; changed: boolean } | { ok: false; message: string };

/** An invitee's answer. It can change until the event starts; afterwards the card shows the answer as it stood. */
export function readRsvp(
  raw: unknown,
  context: { personId: string; invited: readonly Invitee[]; current?: Rsvp; event: Pick<IceBreaker, 'date' | 'time'>; calendar: ProgramCalendar; now: Date },
): RsvpCheck {
  if (!context.invited.some((i) => i.personId === context.personId)) return { ok: false, message: 'This invitation is for someone else.' };
  if (typeof raw !== 'string' || !RSVPS.includes(raw as Rsvp)) return { ok: false, message: 'Please answer yes, no or maybe.' };
  if (zonedInstant(context.event.date, context.event.time, context.calendar.timeZone).getTime() <= context.now.getTime()) {
    return { ok: false, message: 'The ice breaker has started, so answers can no longer change.' };
  }
  return { ok: true, answer: raw as Rsvp, changed: raw !== context.current };
}

export interface ReminderJob {
  kind: 'icebreaker.reminder';
  key: string;
  /** ISO instant: the working day before, at the nudge time. */
  dueAt: string;
  payload: { cohortId: string; revision: number };
}

/** The reminder job; its handler sends to every invitee whose answer is not "no" at the time it runs. */
export function reminderJob(iceBreaker: Pick<IceBreaker, 'cohortId' | 'date' | 'revision'>, calendar: ProgramCalendar): ReminderJob {
  const day = previousWorkingDay(addDays(iceBreaker.date, -1), calendar);
  return {
    kind: 'icebreaker.reminder',
    key: `${iceBreaker.cohortId}:r${iceBreaker.revision}`,
    dueAt: zonedInstant(day, calendar.nudgeTime, calendar.timeZone).toISOString(),
    payload: { cohortId: iceBreaker.cohortId, revision: iceBreaker.revision },
  };
}

/** Who gets the reminder: invited, and not a "no". */
export function reminderRecipients(invited: readonly Invitee[], answers: ReadonlyMap<string, Rsvp>): Invitee[] {
  return invited.filter((i) => answers.get(i.personId) !== 'no');
}

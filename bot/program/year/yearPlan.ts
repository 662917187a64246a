import { addDays, addMonths, isCalendarDate, localDateOf, weekdayOf, type IsoDate, type WallTime } from '../../calendar/calendarTime';
import type { MeetingLog } from './meetingLogRules';

/**
 * The mentoring year of a cohort and each pair's plan of four meetings. Pure: no SDK, no I/O; every "now" is an input.
 *
 * The year starts on a date the taskforce sets, or by default on the first Monday at least two weeks after the pairs are
 * confirmed (the orientations and the ice breaker come first), and lasts twelve months. It splits into four quarter
 * windows of three months; meeting n belongs to quarter n and follows agenda n. Meeting 2 is the shadowing visit.
 *
 * A meeting moves planned -> booked -> held, or to missed when its quarter closes without a log. A booked meeting can be
 * rescheduled (booked again) or unbooked (back to planned); each of these bumps its revision, which the nudge keys
 * carry, so reminders for an old date are never sent. A late log rescues a missed meeting when it was held inside the
 * window (the quarter closed before anyone logged it).
 */
export type MeetingNumber = 1 | 2 | 3 | 4;
export const MEETING_NUMBERS: readonly MeetingNumber[] = [1, 2, 3, 4];
export const SHADOWING_MEETING: MeetingNumber = 2;

/** Days between confirming the pairs and the earliest default start: room for the orientations and the ice breaker. */
export const DEFAULT_LEAD_DAYS = 14;

export interface ProgramYear {
  startsOn: IsoDate;
  /** The last day of the year (inclusive). */
  endsOn: IsoDate;
}

export interface QuarterWindow {
  quarter: MeetingNumber;
  opensOn: IsoDate;
  /** The last day a meeting of this quarter can be held (inclusive). */
  closesOn: IsoDate;
}

export type PlaceKind = 'common-area' | 'mentor-area' | 'virtual' | 'executive-office';
export const PLACE_KINDS: readonly PlaceKind[] = ['common-area', 'mentor-area', 'virtual', 'executive-office'];
export const PLACE_LABELS: Record<PlaceKind, string> = {
  'common-area': 'A common area (a café, a meeting room, a quiet corner)',
  'mentor-area': 'The mentor’s area (the shadowing visit)',
  virtual: 'A Teams call',
  'executive-office': 'The executive’s office',
};

export interface Booking {
  date: IsoDate;
  /** Absent when people only agreed on the day. */
  time?: WallTime;
  durationMinutes: number;
  placeKind: PlaceKind;
  /** Where exactly, in the person's words ("Pharmacy, level B3"); may be empty. */
  place: string;
  bookedBy: string;
  /** ISO instant. */
  bookedAt: string;
}

export type MeetingStatus = 'planned' | 'booked' | 'held' | 'missed';

/** The calendar event (Microsoft Graph) of a meeting booked from common free time; it follows every later booking. */
export interface MeetingCalendarEvent {
  id: string;
  /** The Teams join link, for a meeting held as a Teams call. */
  joinUrl?: string;
}

export interface MeetingChange {
  what: 'booked' | 'rescheduled' | 'unbooked' | 'held' | 'logCorrected' | 'missed';
  /** ISO instant. */
  at: string;
  /** Who did it; absent for the quarter closing. */
  by?: string;
  /** The booked or held date, when there is one. */
  date?: IsoDate;
}

export interface Meeting {
  number: MeetingNumber;
  agendaId: string;
  window: QuarterWindow;
  status: MeetingStatus;
  /** The current booking while booked; kept on a held or missed meeting for the record. */
  booking?: Booking;
  log?: MeetingLog;
  /** Present once the meeting was booked in both calendars ("Find a time"); moved with each later booking. */
  calendarEvent?: MeetingCalendarEvent;
  /** Bumped by every booking, reschedule and unbooking; nudge keys carry it. */
  revision: number;
  history: MeetingChange[];
}

export interface PairRefs {
  pairId: string;
  cohortId: string;
  mentorId: string;
  executiveId: string;
}

export interface PairPlan extends PairRefs {
  meetings: Meeting[];
}

/** The first Monday on or after a date. */
export function mondayOnOrAfter(date: IsoDate): IsoDate {
  return addDays(date, (8 - weekdayOf(date)) % 7);
}

/** The default start: the first Monday at least `leadDays` after the pairs were confirmed. */
export function defaultYearStart(pairsConfirmedOn: IsoDate, leadDays = DEFAULT_LEAD_DAYS): IsoDate {
  return mondayOnOrAfter(addDays(pairsConfirmedOn, Math.max(1, leadDays)));
}

export function yearStartingOn(startsOn: IsoDate): ProgramYear {
  return { startsOn, endsOn: addDays(addMonths(startsOn, 12), -1) };
}

/** The cohort's year: the taskforce's date when set, else the default after confirmation. */
export function resolveProgramYear(input: { taskforceStartsOn?: IsoDate; pairsConfirmedOn: IsoDate; leadDays?: number }): ProgramYear {
  return yearStartingOn(input.taskforceStartsOn ?? defaultYearStart(input.pairsConfirmedOn, input.leadDays));
}

/**
 * A cohort's year from what is stored: the start the taskforce set on the cohort, else the default after the first
 * confirmation of its pairs (a date in the program's zone; `now` when none is recorded). The year stage, the surveys,
 * the orientation and the ice breaker all resolve the year here, so they agree on it.
 */
export function cohortProgramYear(input: { taskforceStartsOn: IsoDate | null; confirmedAt: readonly string[]; timeZone: string; now: Date }): ProgramYear {
  const first = [...input.confirmedAt].sort()[0];
  return resolveProgramYear({
    ...(input.taskforceStartsOn ? { taskforceStartsOn: input.taskforceStartsOn } : {}),
    pairsConfirmedOn: localDateOf(first ? new Date(first) : input.now, input.timeZone),
  });
}

/** Four back-to-back windows of three months each; together they cover the year exactly. */
export function quarterWindows(year: ProgramYear): QuarterWindow[] {
  return MEETING_NUMBERS.map((quarter) => ({
    quarter,
    opensOn: addMonths(year.startsOn, 3 * (quarter - 1)),
    closesOn: quarter === 4 ? year.endsOn : addDays(addMonths(year.startsOn, 3 * quarter), -1),
  }));
}

/** The quarter a date falls in, or undefined outside the year. */
export function quarterOf(year: ProgramYear, date: IsoDate): MeetingNumber | undefined {
  return quarterWindows(year).find((w) => w.opensOn <= date && date <= w.closesOn)?.quarter;
}

export function agendaIdOf(meeting: MeetingNumber): string {
  return `agenda${meeting}`;
}

/** A new pair's plan: four planned meetings, one per quarter. */
export function planFor(pair: PairRefs, year: ProgramYear): PairPlan {
  return {
    ...pair,
    meetings: quarterWindows(year).map((window) => ({
      number: window.quarter,
      agendaId: agendaIdOf(window.quarter),
      window,
      status: 'planned',
      revision: 0,
      history: [],
    })),
  };
}

export type YearStartCheck = { ok: true; year: ProgramYear } | { ok: false; error: string };

/**
 * Reads the start date the taskforce sets for a cohort's year. It must come after applications close, must not be in
 * the past, and cannot move once the current year has started (booked meetings hang on its quarters).
 */
export function readYearStart(raw: unknown, context: { applicationsCloseOn: IsoDate; today: IsoDate; current?: ProgramYear }): YearStartCheck {
  if (!isCalendarDate(raw)) return { ok: false, error: 'Please give the start of the year as a date (YYYY-MM-DD).' };
  if (context.current && context.current.startsOn <= context.today && raw !== context.current.startsOn) {
    return { ok: false, error: 'The year has already started, so its quarters can no longer move.' };
  }
  if (raw <= context.applicationsCloseOn) return { ok: false, error: 'The year must start after applications close.' };
  if (raw < context.today) return { ok: false, error: 'That date has passed. Please choose a start from today on.' };
  if (raw > addMonths(context.today, 24)) return { ok: false, error: 'Please choose a start within the next two years.' };
  return { ok: true, year: yearStartingOn(raw) };
}

export type MeetingEvent =
  | { type: 'book'; booking: Booking }
  | { type: 'unbook'; by: string; at: string }
  | { type: 'log'; log: MeetingLog; by: string; at: string }
  | { type: 'closeQuarter'; today: IsoDate; at: string };

export type TransitionRefusal = 'alreadyHeld' | 'quarterClosed' | 'quarterOpen' | 'notBooked';

export type Transition = { ok: true; meeting: Meeting; changed: boolean } | { ok: false; refusal: TransitionRefusal; message: string };

const REFUSALS: Record<TransitionRefusal, string> = {
  alreadyHeld: 'This meeting is already logged as held.',
  quarterClosed: 'This meeting’s quarter has closed, so it can no longer be booked.',
  quarterOpen: 'This quarter is still open.',
  notBooked: 'This meeting is not booked.',
};

function refuse(refusal: TransitionRefusal): Transition {
  return { ok: false, refusal, message: REFUSALS[refusal] };
}

function sameBooking(a: Booking | undefined, b: Booking): boolean {
  return !!a && a.date === b.date && a.time === b.time && a.durationMinutes === b.durationMinutes && a.placeKind === b.placeKind && a.place === b.place;
}

function sameLog(a: MeetingLog | undefined, b: MeetingLog): boolean {
  return !!a && a.heldOn === b.heldOn && a.where === b.where && a.note === b.note;
}

function changed(meeting: Meeting, patch: Partial<Meeting>, change: MeetingChange): Transition {
  return { ok: true, changed: true, meeting: { ...meeting, ...patch, history: [...meeting.history, change] } };
}

function unchanged(meeting: Meeting): Transition {
  return { ok: true, changed: false, meeting };
}

/**
 * Applies one event to a meeting. A repeated event (the same booking or log twice, a double click) changes nothing and
 * says so, so callers can answer with the current card. Inputs are assumed validated (bookingRules, meetingLogRules).
 */
export function applyMeetingEvent(meeting: Meeting, event: MeetingEvent): Transition {
  switch (event.type) {
    case 'book': {
      if (meeting.status === 'held') return refuse('alreadyHeld');
      if (meeting.status === 'missed') return refuse('quarterClosed');
      if (meeting.status === 'booked' && sameBooking(meeting.booking, event.booking)) return unchanged(meeting);
      const what = meeting.status === 'booked' ? 'rescheduled' : 'booked';
      return changed(
        meeting,
        { status: 'booked', booking: event.booking, revision: meeting.revision + 1 },
        { what, at: event.booking.bookedAt, by: event.booking.bookedBy, date: event.booking.date },
      );
    }
    case 'unbook': {
      if (meeting.status === 'held') return refuse('alreadyHeld');
      if (meeting.status !== 'booked') return meeting.status === 'planned' ? unchanged(meeting) : refuse('notBooked');
      return changed(meeting, { status: 'planned', booking: undefined, revision: meeting.revision + 1 }, { what: 'unbooked', at: event.at, by: event.by });
    }
    case 'log': {
      if (sameLog(meeting.log, event.log)) return unchanged(meeting);
      const what = meeting.status === 'held' ? 'logCorrected' : 'held';
      return changed(meeting, { status: 'held', log: event.log }, { what, at: event.at, by: event.by, date: event.log.heldOn });
    }
    case 'closeQuarter': {
      if (event.today <= meeting.window.closesOn) return refuse('quarterOpen');
      if (meeting.status === 'held' || meeting.status === 'missed') return unchanged(meeting);
      return changed(meeting, { status: 'missed' }, { what: 'missed', at: event.at });
    }
  }
}

export interface PairStanding {
  atRisk: boolean;
  held: MeetingNumber[];
  missed: MeetingNumber[];
  shadowingDone: boolean;
}

/** How a pair stands: a pair with a missed quarter is at risk until a late log rescues every missed meeting. */
export function pairStanding(plan: Pick<PairPlan, 'meetings'>): PairStanding {
  const held = plan.meetings.filter((m) => m.status === 'held').map((m) => m.number);
  const missed = plan.meetings.filter((m) => m.status === 'missed').map((m) => m.number);
  return { atRisk: missed.length > 0, held, missed, shadowingDone: held.includes(SHADOWING_MEETING) };
}

/** The meeting to prepare for: the first one neither held nor missed (undefined when the year is done). */
export function nextMeeting(plan: Pick<PairPlan, 'meetings'>): Meeting | undefined {
  return plan.meetings.find((m) => m.status === 'planned' || m.status === 'booked');
}

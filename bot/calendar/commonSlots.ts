import { addDays, isTimeZone, isWorkingDay, localDateOf, localTimeOf, zonedInstant, type DateWindow, type IsoDate, type ProgramCalendar, type WallTime } from './calendarTime';

/**
 * Common free time of two people, from their Microsoft Graph `getSchedule` answers. Pure: no SDK, no I/O.
 *
 * Graph answers `POST /users/{id}/calendar/getSchedule` with `{ value: scheduleInformation[] }`: per person an
 * `availabilityView` (one digit per interval from the requested start: 0 free or working elsewhere, 1 tentative, 2 busy,
 * 3 out of office, 4 working elsewhere on old servers) and `scheduleItems` with a `status` (free, tentative, busy, oof,
 * workingElsewhere, unknown) and `start`/`end` as `{ dateTime, timeZone }` (UTC unless a Prefer header asked otherwise),
 * or an `error` when the calendar cannot be read.
 *
 * How the statuses count: free and workingElsewhere are free (Graph itself shows working elsewhere as 0); busy, oof and
 * unknown are busy; tentative is "busy-ish": a slot that only overlaps tentative items is offered only when there are
 * not enough fully free ones, and is marked tentative. Both the items and the view are read and their union counts, so
 * a schedule whose items are missing, private or in a zone we cannot read still counts through its view.
 *
 * Slots: in the program's working hours, inside the meeting's quarter window and the period asked of Graph, not before
 * `now` plus the notice, on a grid of `stepMinutes` from the start of the working day; up to three, on different days
 * when possible (earliest first), sorted by time.
 */
export interface GraphDateTimeTimeZone {
  dateTime: string;
  timeZone?: string;
}

export interface GraphScheduleItem {
  status?: string;
  start?: GraphDateTimeTimeZone;
  end?: GraphDateTimeTimeZone;
  isPrivate?: boolean;
  subject?: string;
  location?: string;
}

export interface GraphScheduleInformation {
  scheduleId?: string;
  availabilityView?: string;
  scheduleItems?: GraphScheduleItem[];
  error?: { message?: string; responseCode?: string } | null;
}

/** What was asked of Graph: the view's digits count intervals from `start`. */
export interface ScheduleQuery {
  start: Date;
  end: Date;
  intervalMinutes: number;
}

export interface Slot {
  /** ISO instants. */
  start: string;
  end: string;
  /** The local day and time in the program's zone, for cards. */
  date: IsoDate;
  time: WallTime;
  /** True when one of the two has a tentative item in this slot. */
  tentative: boolean;
}

export type SlotSearch = { ok: true; slots: Slot[] } | { ok: false; unreadable: string[] };

export const SLOT_DEFAULTS = { durationMinutes: 60, maxSlots: 3, stepMinutes: 30, noticeMinutes: 24 * 60 } as const;

type Level = 'tentative' | 'busy';

interface Interval {
  start: number;
  end: number;
  level: Level;
}

const UTC_NAMES = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'coordinated universal time', 'greenwich standard time', 'tzone://microsoft/utc']);
const GRAPH_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/;

function levelOfStatus(status: string | undefined): Level | undefined {
  switch ((status ?? 'unknown').toLowerCase()) {
    case 'free':
    case 'workingelsewhere':
      return undefined;
    case 'tentative':
      return 'tentative';
    default:
      return 'busy';
  }
}

function levelOfDigit(digit: string): Level | undefined {
  if (digit === '0' || digit === '4') return undefined;
  return digit === '1' ? 'tentative' : 'busy';
}

/** The instant of a Graph dateTimeTimeZone, or undefined when its zone is not one we can read (a Windows zone name). */
export function graphInstant(value: GraphDateTimeTimeZone | undefined): number | undefined {
  const match = value ? GRAPH_DATE_TIME.exec(value.dateTime) : null;
  if (!value || !match) return undefined;
  const zone = value.timeZone ?? 'UTC';
  const seconds = Math.floor(Number((match[3] ?? ':00').slice(1)));
  if (UTC_NAMES.has(zone.toLowerCase())) return Date.parse(`${match[1]}T${match[2]}:00Z`) + seconds * 1000;
  if (!isTimeZone(zone)) return undefined;
  return zonedInstant(match[1], match[2], zone).getTime() + seconds * 1000;
}

/** A person's busy and tentative intervals, or undefined when their schedule cannot be read at all. */
export function busyIntervals(info: GraphScheduleInformation, query: ScheduleQuery): Interval[] | undefined {
  if (info.error) return undefined;
  const view = typeof info.availabilityView === 'string' && /^\d*$/.test(info.availabilityView) ? info.availabilityView : undefined;
  const intervals: Interval[] = [];
  let unreadableItem = false;
  for (const item of info.scheduleItems ?? []) {
    const level = levelOfStatus(item.status);
    if (!level) continue;
    const start = graphInstant(item.start);
    const end = graphInstant(item.end);
    if (start === undefined || end === undefined || end <= start) unreadableItem = true;
    else intervals.push({ start, end, level });
  }
  if (view === undefined && (unreadableItem || info.scheduleItems === undefined)) return undefined;
  const step = query.intervalMinutes * 60_000;
  [...(view ?? '')].forEach((digit, i) => {
    const level = levelOfDigit(digit);
    if (level) intervals.push({ start: query.start.getTime() + i * step, end: query.start.getTime() + (i + 1) * step, level });
  });
  // Time the view does not cover (a short answer) is unknown, so busy.
  const covered = query.start.getTime() + (view?.length ?? 0) * step;
  if (view !== undefined && covered < query.end.getTime()) intervals.push({ start: covered, end: query.end.getTime(), level: 'busy' });
  return intervals;
}

function levelIn(intervals: readonly Interval[], start: number, end: number): Level | 'free' {
  let level: Level | 'free' = 'free';
  for (const i of intervals) {
    if (i.start < end && start < i.end) {
      if (i.level === 'busy') return 'busy';
      level = 'tentative';
    }
  }
  return level;
}

export interface SlotSearchInput {
  schedules: readonly GraphScheduleInformation[];
  query: ScheduleQuery;
  window: DateWindow;
  calendar: ProgramCalendar;
  now: Date;
  durationMinutes?: number;
  maxSlots?: number;
  stepMinutes?: number;
  noticeMinutes?: number;
}

interface Candidate {
  start: number;
  day: IsoDate;
  tentative: boolean;
}

function candidatesOf(input: SlotSearchInput, intervals: readonly Interval[]): Candidate[] {
  const { calendar, query, window } = input;
  const minutes = input.durationMinutes ?? SLOT_DEFAULTS.durationMinutes;
  const step = (input.stepMinutes ?? SLOT_DEFAULTS.stepMinutes) * 60_000;
  const earliest = Math.max(input.now.getTime() + (input.noticeMinutes ?? SLOT_DEFAULTS.noticeMinutes) * 60_000, query.start.getTime());
  const latest = query.end.getTime();
  const firstDay = [window.opensOn, localDateOf(new Date(earliest), calendar.timeZone)].sort()[1];
  const lastDay = [window.closesOn, localDateOf(new Date(latest), calendar.timeZone)].sort()[0];
  const found: Candidate[] = [];
  for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
    if (!isWorkingDay(day, calendar)) continue;
    const dayStart = zonedInstant(day, calendar.workStart, calendar.timeZone).getTime();
    const dayEnd = zonedInstant(day, calendar.workEnd, calendar.timeZone).getTime();
    for (let start = dayStart; start + minutes * 60_000 <= dayEnd; start += step) {
      const end = start + minutes * 60_000;
      if (start < earliest || end > latest) continue;
      const level = levelIn(intervals, start, end);
      if (level !== 'busy') found.push({ start, day, tentative: level === 'tentative' });
    }
  }
  return found;
}

/** Picks up to `max` non-overlapping slots: fully free before tentative, one per day before a second on any day. */
function pick(candidates: readonly Candidate[], max: number, length: number): Candidate[] {
  const chosen: Candidate[] = [];
  const overlaps = (c: Candidate): boolean => chosen.some((p) => p.start < c.start + length && c.start < p.start + length);
  const passes: ((c: Candidate) => boolean)[] = [
    (c) => !c.tentative && !chosen.some((p) => p.day === c.day),
    (c) => !c.tentative,
    (c) => !chosen.some((p) => p.day === c.day),
    () => true,
  ];
  for (const accepts of passes) {
    for (const c of candidates) {
      if (chosen.length >= max) return chosen;
      if (!chosen.includes(c) && accepts(c) && !overlaps(c)) chosen.push(c);
    }
  }
  return chosen;
}

/** Up to three common free slots of both people; `unreadable` names the schedules that could not be read. */
export function findCommonSlots(input: SlotSearchInput): SlotSearch {
  const unreadable: string[] = [];
  const intervals: Interval[] = [];
  input.schedules.forEach((info, i) => {
    const busy = busyIntervals(info, input.query);
    if (busy) intervals.push(...busy);
    else unreadable.push(info.scheduleId ?? `schedule ${i + 1}`);
  });
  if (unreadable.length > 0 || input.schedules.length === 0) return { ok: false, unreadable };
  const minutes = input.durationMinutes ?? SLOT_DEFAULTS.durationMinutes;
  const chosen = pick(candidatesOf(input, intervals), input.maxSlots ?? SLOT_DEFAULTS.maxSlots, minutes * 60_000);
  const { timeZone } = input.calendar;
  const slots = chosen
    .sort((a, b) => a.start - b.start)
    .map((c) => ({
      start: new Date(c.start).toISOString(),
      end: new Date(c.start + minutes * 60_000).toISOString(),
      date: c.day,
      time: localTimeOf(new Date(c.start), timeZone),
      tentative: c.tentative,
    }));
  return { ok: true, slots };
}

/**
 * Calendar dates, wall-clock times and the program's working hours. Pure: no SDK, no I/O; time zones through Intl.
 *
 * A calendar date is a string "YYYY-MM-DD" and means that day in the program's time zone. An instant is a Date (or an
 * ISO string with "Z"). Everything that turns a date into an instant takes the time zone explicitly, so the rules never
 * depend on the server's own zone.
 */
export type IsoDate = string;
/** A wall-clock time "HH:MM" (24 hours). */
export type WallTime = string;

/** ISO weekday numbers: 1 = Monday ... 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Where and when the program works: the basis of booking checks, free-slot search and nudge times. */
/** A span of calendar days, both ends included (a meeting's quarter window, for example). */
export interface DateWindow {
  opensOn: IsoDate;
  closesOn: IsoDate;
}

export interface ProgramCalendar {
  /** An IANA time zone such as "America/Chicago". */
  timeZone: string;
  workingDays: readonly Weekday[];
  workStart: WallTime;
  workEnd: WallTime;
  /** The local time nudges go out on the day they are due (people read them before a shift). */
  nudgeTime: WallTime;
}

export const DEFAULT_WORKING_WEEK = { workingDays: [1, 2, 3, 4, 5] as Weekday[], workStart: '09:00', workEnd: '17:00', nudgeTime: '08:30' } as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAY_MS = 86_400_000;

export function isCalendarDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function isWallTime(value: unknown): value is WallTime {
  return typeof value === 'string' && TIME.test(value);
}

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function minutesOf(time: WallTime): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function wallTimeOf(minutes: number): WallTime {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The same day n months later; a day the month lacks becomes its last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

export function weekdayOf(date: IsoDate): Weekday {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

interface WallClock {
  date: IsoDate;
  minutes: number;
}

// Building an Intl.DateTimeFormat costs about a hundred times more than using one. Formatters are stateless and the
// set of zones is finite, so keeping one per zone changes no result and only saves time (a year of nudges for
// thousands of pairs converts hundreds of thousands of times).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// en-US with these options always prints "MM/DD/YYYY, HH:MM:SS"; reading that string is four times faster than
// formatToParts.
const PRINTED = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

function wallClockAt(instant: Date, timeZone: string): WallClock & { seconds: number } {
  const printed = PRINTED.exec(formatterFor(timeZone).format(instant));
  if (!printed) throw new Error(`Unexpected date format from Intl for ${timeZone}`);
  const [, month, day, year, hour, minute, second] = printed;
  return { date: `${year}-${month}-${day}`, minutes: Number(hour) * 60 + Number(minute), seconds: Number(second) };
}

/** The calendar date an instant falls on in a time zone. */
export function localDateOf(instant: Date, timeZone: string): IsoDate {
  return wallClockAt(instant, timeZone).date;
}

/** The wall-clock time ("HH:MM") an instant shows in a time zone. */
export function localTimeOf(instant: Date, timeZone: string): WallTime {
  return wallTimeOf(wallClockAt(instant, timeZone).minutes);
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetAt(instantMs: number, timeZone: string): number {
  const clock = wallClockAt(new Date(instantMs), timeZone);
  const asUtc = Date.parse(`${clock.date}T00:00:00Z`) + clock.minutes * 60_000 + clock.seconds * 1000;
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant a wall-clock time shows on a date in a time zone. A time a spring-forward skips is moved forward by the
 * gap (02:30 becomes 03:30); a time a fall-back repeats gives the first of the two.
 */
export function zonedInstant(date: IsoDate, time: WallTime, timeZone: string): Date {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  if (first === second) return new Date(first);
  // Two candidates: keep the earlier one that really shows this wall time, else the later (a skipped hour).
  const [early, late] = first < second ? [first, second] : [second, first];
  const shows = (ms: number): boolean => localDateOf(new Date(ms), timeZone) === date && localTimeOf(new Date(ms), timeZone) === time;
  return new Date(shows(early) ? early : late);
}

export function isWorkingDay(date: IsoDate, calendar: Pick<ProgramCalendar, 'workingDays'>): boolean {
  return calendar.workingDays.includes(weekdayOf(date));
}

/** The date itself when it is a working day, else the next working day. */
export function nextWorkingDay(date: IsoDate, calendar: Pick<ProgramCalendar, 'workingDays'>): IsoDate {
  let day = date;
  for (let i = 0; i < 7 && !isWorkingDay(day, calendar); i++) day = addDays(day, 1);
  return day;
}

/** The date itself when it is a working day, else the working day before it. */
export function previousWorkingDay(date: IsoDate, calendar: Pick<ProgramCalendar, 'workingDays'>): IsoDate {
  let day = date;
  for (let i = 0; i < 7 && !isWorkingDay(day, calendar); i++) day = addDays(day, -1);
  return day;
}

/** Whether a meeting from `start` lasting `minutes` fits inside one working day's hours. */
export function fitsWorkingHours(date: IsoDate, start: WallTime, minutes: number, calendar: ProgramCalendar): boolean {
  const from = minutesOf(start);
  return isWorkingDay(date, calendar) && from >= minutesOf(calendar.workStart) && from + minutes <= minutesOf(calendar.workEnd);
}

/** Problems with a program calendar as configured, as plain sentences (empty when it is usable). */
export function calendarProblems(calendar: ProgramCalendar): string[] {
  const problems: string[] = [];
  if (!isTimeZone(calendar.timeZone)) problems.push(`"${String(calendar.timeZone)}" is not a time zone name such as America/Chicago.`);
  if (calendar.workingDays.length === 0 || calendar.workingDays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    problems.push('Working days must be weekday numbers from 1 (Monday) to 7 (Sunday).');
  }
  if (!isWallTime(calendar.workStart) || !isWallTime(calendar.workEnd) || minutesOf(calendar.workStart) >= minutesOf(calendar.workEnd)) {
    problems.push('Working hours must be two times such as 09:00 and 17:00, the first before the second.');
  }
  if (!isWallTime(calendar.nudgeTime)) problems.push('The nudge time must be a time such as 08:30.');
  return problems;
}

/** A readable day for cards, e.g. "Tuesday 3 March". */
export function readableDay(date: IsoDate): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
}

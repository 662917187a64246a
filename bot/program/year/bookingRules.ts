import { checkText } from '../text/plainText';
import {
  fitsWorkingHours,
  isCalendarDate,
  isWallTime,
  localDateOf,
  readableDay,
  zonedInstant,
  type IsoDate,
  type ProgramCalendar,
  type Weekday,
} from '../../calendar/calendarTime';
import { PLACE_KINDS, SHADOWING_MEETING, type Booking, type Meeting, type PlaceKind, type QuarterWindow } from './yearPlan';

/**
 * Checks a date (and maybe a time) two people agreed for one of their meetings. Pure: no SDK, no I/O.
 *
 * The date must fall inside the meeting's quarter window and not in the past; a time, when given, must not have passed
 * and must fit the program's working hours. The shadowing visit (meeting 2) happens in the mentor's area. A booking in
 * the executive's office is allowed, with a notice: the seed found such meetings slip back into the usual roles.
 */
export const BOOKING_LIMITS = { place: 200, minMinutes: 15, maxMinutes: 240 } as const;
export const DEFAULT_MINUTES = 60;
export const SHADOWING_MINUTES = 90;

export type BookingField = 'date' | 'time' | 'duration' | 'placeKind' | 'place';
export type BookingErrors = Partial<Record<BookingField, string>>;

export type BookingCheck = { ok: true; booking: Booking; notices: string[] } | { ok: false; errors: BookingErrors };

export const EXECUTIVE_OFFICE_NOTICE =
  'Booked in the executive’s office. A common area or the mentor’s area works better: in the office, conversations tend to slip back into the usual roles.';

export const TIME_FOR_CALENDAR = 'This meeting is in both your calendars. Please give a time too, so the invitation moves with it.';

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Monday to Friday", or a list such as "Monday, Wednesday and Friday". */
export function readableDays(days: readonly Weekday[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const contiguous = sorted.every((d, i) => i === 0 || d === sorted[i - 1] + 1);
  if (sorted.length > 2 && contiguous) return `${DAY_NAMES[sorted[0] - 1]} to ${DAY_NAMES[sorted[sorted.length - 1] - 1]}`;
  const names = sorted.map((d) => DAY_NAMES[d - 1]);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function windowSentence(window: QuarterWindow): string {
  return `between ${readableDay(window.opensOn)} and ${readableDay(window.closesOn)}`;
}

export function defaultMinutes(meeting: Pick<Meeting, 'number'>): number {
  return meeting.number === SHADOWING_MEETING ? SHADOWING_MINUTES : DEFAULT_MINUTES;
}

function readMinutes(raw: unknown, fallback: number): number | undefined {
  if (raw === undefined || raw === null || raw === '') return fallback;
  const minutes = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(minutes) || minutes < BOOKING_LIMITS.minMinutes || minutes > BOOKING_LIMITS.maxMinutes) return undefined;
  return minutes;
}

function checkDate(date: unknown, meeting: Pick<Meeting, 'window'>, today: IsoDate): string | undefined {
  if (!isCalendarDate(date)) return 'Please choose the date you agreed.';
  if (date < meeting.window.opensOn || date > meeting.window.closesOn) {
    return `This meeting belongs to quarter ${meeting.window.quarter}: please choose a date ${windowSentence(meeting.window)}.`;
  }
  if (date < today) return 'That date has passed. Please choose a day from today on.';
  return undefined;
}

function checkTime(date: IsoDate, time: string, minutes: number, now: Date, calendar: ProgramCalendar): string | undefined {
  if (!isWallTime(time)) return 'Please give the time as HH:MM, for example 14:30.';
  if (zonedInstant(date, time, calendar.timeZone).getTime() <= now.getTime()) return 'That time has already passed. Please choose a later time.';
  if (!fitsWorkingHours(date, time, minutes, calendar)) {
    return `Please choose a time within working hours: ${calendar.workStart}–${calendar.workEnd}, ${readableDays(calendar.workingDays)}.`;
  }
  return undefined;
}

/**
 * Reads a booking from card or tab inputs (`date`, optional `time`, `duration` in minutes, `placeKind`, optional
 * `place`). Who books comes from the caller (the activity), never from the inputs. A meeting already in both calendars
 * (`calendarEvent`) needs a time: its invitation cannot move to a day alone.
 */
export function readBooking(
  raw: Readonly<Record<string, unknown>>,
  meeting: Pick<Meeting, 'number' | 'window' | 'calendarEvent'>,
  context: { now: Date; calendar: ProgramCalendar; bookedBy: string },
): BookingCheck {
  const errors: BookingErrors = {};
  const today = localDateOf(context.now, context.calendar.timeZone);
  const dateError = checkDate(raw.date, meeting, today);
  if (dateError) errors.date = dateError;

  const minutes = readMinutes(raw.duration, defaultMinutes(meeting));
  if (minutes === undefined) errors.duration = `Please give a length between ${BOOKING_LIMITS.minMinutes} and ${BOOKING_LIMITS.maxMinutes} minutes.`;

  const time = raw.time === undefined || raw.time === null || raw.time === '' ? undefined : raw.time;
  if (time !== undefined && !dateError && minutes !== undefined) {
    const timeError = checkTime(raw.date as IsoDate, String(time), minutes, context.now, context.calendar);
    if (timeError) errors.time = timeError;
  }
  if (time === undefined && meeting.calendarEvent && !dateError) errors.time = TIME_FOR_CALENDAR;

  const placeKind = raw.placeKind;
  if (typeof placeKind !== 'string' || !PLACE_KINDS.includes(placeKind as PlaceKind)) errors.placeKind = 'Please choose where you will meet.';
  else if (meeting.number === SHADOWING_MEETING && placeKind !== 'mentor-area') {
    errors.placeKind = 'The shadowing visit happens where the mentor works. Please choose the mentor’s area.';
  }

  const place = checkText(raw.place, { label: 'The place', max: BOOKING_LIMITS.place });
  if (!place.ok) errors.place = place.error;

  if (Object.keys(errors).length > 0 || !place.ok || minutes === undefined) return { ok: false, errors };
  const booking: Booking = {
    date: raw.date as IsoDate,
    ...(time !== undefined ? { time: String(time) } : {}),
    durationMinutes: minutes,
    placeKind: placeKind as PlaceKind,
    place: place.value,
    bookedBy: context.bookedBy,
    bookedAt: context.now.toISOString(),
  };
  return { ok: true, booking, notices: booking.placeKind === 'executive-office' ? [EXECUTIVE_OFFICE_NOTICE] : [] };
}

/** When a booked meeting starts, as an instant; a booking without a time counts from the start of working hours. */
export function bookingStart(booking: Pick<Booking, 'date' | 'time'>, calendar: ProgramCalendar): Date {
  return zonedInstant(booking.date, booking.time ?? calendar.workStart, calendar.timeZone);
}

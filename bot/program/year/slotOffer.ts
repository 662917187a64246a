import { GRAPH_LIMITS, scheduleQueryFor } from '../../calendar/calendarRequests';
import { localDateOf, localTimeOf, readableDay, type ProgramCalendar } from '../../calendar/calendarTime';
import type { ScheduleQuery, Slot } from '../../calendar/commonSlots';
import { defaultMinutes } from './bookingRules';
import type { Meeting } from './yearPlan';

/**
 * "Find a time": which period of free/busy to read for a meeting, how the common slots read on a card, and how a chosen
 * slot becomes the same booking inputs as the form's. Pure: no SDK, no I/O.
 */

/** From now to the end of the meeting's quarter, as far as one getSchedule call reaches (62 days). */
export function findTimeQuery(meeting: Pick<Meeting, 'window'>, calendar: ProgramCalendar, now: Date): ScheduleQuery | undefined {
  return scheduleQueryFor(meeting.window, calendar, now, { horizonDays: GRAPH_LIMITS.maxScheduleDays });
}

export interface SlotButton {
  /** "Tuesday 5 January, 10:00–11:00", in the program's time zone. */
  title: string;
  /** The slot's start (ISO instant), the only thing the button carries. */
  start: string;
}

/** The buttons of the slot card; a tentative slot says so (one of the two has something pencilled in). */
export function slotButtons(slots: readonly Slot[], calendar: Pick<ProgramCalendar, 'timeZone'>): SlotButton[] {
  return slots.map((slot) => ({
    title: `${readableDay(slot.date)}, ${slot.time}–${localTimeOf(new Date(slot.end), calendar.timeZone)}${slot.tentative ? ' (tentative)' : ''}`,
    start: slot.start,
  }));
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

export type SlotChoice = { ok: true; inputs: { date: string; time: string; duration: number } } | { ok: false };

/**
 * The booking inputs of a chosen slot: its day and time in the program's zone and the meeting's usual length. Not ok
 * when the start is not an instant or has passed (the card is out of date); the booking rules check the rest.
 */
export function slotChoice(start: unknown, meeting: Pick<Meeting, 'number'>, context: { now: Date; calendar: Pick<ProgramCalendar, 'timeZone'> }): SlotChoice {
  if (typeof start !== 'string' || !INSTANT.test(start)) return { ok: false };
  const instant = new Date(start);
  if (Number.isNaN(instant.getTime()) || instant.getTime() <= context.now.getTime()) return { ok: false };
  const { timeZone } = context.calendar;
  return { ok: true, inputs: { date: localDateOf(instant, timeZone), time: localTimeOf(instant, timeZone), duration: defaultMinutes(meeting) } };
}

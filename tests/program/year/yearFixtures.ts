import type { ProgramCalendar } from '../../../bot/calendar/calendarTime';
import { planFor, yearStartingOn, type PairPlan } from '../../../bot/program/year/yearPlan';

/** A hospital in Houston: Monday to Friday, 09:00 to 17:00, nudges at 08:30. Its year starts Monday 7 January 2030. */
export const CALENDAR: ProgramCalendar = {
  timeZone: 'America/Chicago',
  workingDays: [1, 2, 3, 4, 5],
  workStart: '09:00',
  workEnd: '17:00',
  nudgeTime: '08:30',
};

export const YEAR = yearStartingOn('2030-01-07');

export function newPlan(pairId = 'p1'): PairPlan {
  return planFor({ pairId, cohortId: 'c2030', mentorId: 'mentor-1', executiveId: 'exec-1' }, YEAR);
}

/** An instant given as Houston wall-clock time (CST is UTC-6 in winter, CDT UTC-5 in summer). */
export function houston(isoLocal: string, offset = '-06:00'): Date {
  return new Date(`${isoLocal}${offset}`);
}

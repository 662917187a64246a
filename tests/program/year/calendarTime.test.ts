import {
  addDays,
  addMonths,
  calendarProblems,
  fitsWorkingHours,
  isCalendarDate,
  isTimeZone,
  localDateOf,
  localTimeOf,
  nextWorkingDay,
  previousWorkingDay,
  weekdayOf,
  zonedInstant,
} from '../../../bot/calendar/calendarTime';
import { CALENDAR } from './yearFixtures';

describe('calendar dates', () => {
  it('knows real dates from look-alikes', () => {
    expect(isCalendarDate('2030-02-28')).toBe(true);
    expect(isCalendarDate('2030-02-29')).toBe(false);
    expect(isCalendarDate('2032-02-29')).toBe(true);
    expect(isCalendarDate('2030-2-3')).toBe(false);
    expect(isCalendarDate(20300101)).toBe(false);
  });
  it('adds days across months and years, and months with the end of month kept', () => {
    expect(addDays('2030-12-31', 1)).toBe('2031-01-01');
    expect(addDays('2030-03-01', -1)).toBe('2030-02-28');
    expect(addMonths('2030-01-31', 1)).toBe('2030-02-28');
    expect(addMonths('2031-11-30', 3)).toBe('2032-02-29');
    expect(addMonths('2030-05-15', 12)).toBe('2031-05-15');
  });
  it('names weekdays with Monday as 1 and Sunday as 7', () => {
    expect(weekdayOf('2030-01-07')).toBe(1);
    expect(weekdayOf('2030-03-10')).toBe(7);
  });
  it('moves to the next or previous working day only when the day is not one', () => {
    expect(nextWorkingDay('2030-01-05', CALENDAR)).toBe('2030-01-07');
    expect(nextWorkingDay('2030-01-07', CALENDAR)).toBe('2030-01-07');
    expect(previousWorkingDay('2030-01-06', CALENDAR)).toBe('2030-01-04');
  });
});

describe('time zones', () => {
  it('turns a Houston wall-clock time into the right instant in winter and in summer', () => {
    expect(zonedInstant('2030-01-07', '08:30', 'America/Chicago').toISOString()).toBe('2030-01-07T14:30:00.000Z');
    expect(zonedInstant('2030-07-08', '08:30', 'America/Chicago').toISOString()).toBe('2030-07-08T13:30:00.000Z');
    expect(zonedInstant('2030-07-08', '08:30', 'Asia/Kolkata').toISOString()).toBe('2030-07-08T03:00:00.000Z');
  });
  it('moves a time the spring-forward skips past the gap, and takes the first of a repeated hour', () => {
    expect(zonedInstant('2030-03-10', '02:30', 'America/Chicago').toISOString()).toBe('2030-03-10T08:30:00.000Z');
    expect(localTimeOf(zonedInstant('2030-03-10', '02:30', 'America/Chicago'), 'America/Chicago')).toBe('03:30');
    expect(zonedInstant('2030-11-03', '01:30', 'America/Chicago').toISOString()).toBe('2030-11-03T06:30:00.000Z');
  });
  it('reads the local date and time of an instant', () => {
    const lateEvening = new Date('2030-01-08T04:00:00Z');
    expect(localDateOf(lateEvening, 'America/Chicago')).toBe('2030-01-07');
    expect(localTimeOf(lateEvening, 'America/Chicago')).toBe('22:00');
    expect(localDateOf(lateEvening, 'UTC')).toBe('2030-01-08');
  });
  it('recognises IANA zone names only', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('working hours', () => {
  it('fits a meeting that starts and ends inside a working day', () => {
    expect(fitsWorkingHours('2030-01-07', '09:00', 60, CALENDAR)).toBe(true);
    expect(fitsWorkingHours('2030-01-07', '16:00', 60, CALENDAR)).toBe(true);
    expect(fitsWorkingHours('2030-01-07', '16:30', 60, CALENDAR)).toBe(false);
    expect(fitsWorkingHours('2030-01-07', '08:45', 30, CALENDAR)).toBe(false);
    expect(fitsWorkingHours('2030-01-05', '10:00', 60, CALENDAR)).toBe(false);
  });
  it('reports each problem of a configured calendar', () => {
    expect(calendarProblems(CALENDAR)).toEqual([]);
    const bad = calendarProblems({ timeZone: 'Nowhere', workingDays: [0 as never], workStart: '17:00', workEnd: '09:00', nudgeTime: '8am' });
    expect(bad).toHaveLength(4);
  });
});

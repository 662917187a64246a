import { formatDay, formatMoment } from '../../bot/contract/dates';
import { readableDate } from '../../bot/program/cohorts/cohortRules';

/** Cards and the tab write dates one way, through one module both compile. */
describe('the shared date format', () => {
  it('writes a calendar date as day, month and year, whatever the time zone', () => {
    expect(formatDay('2026-03-12')).toBe('12 March 2026');
    expect(formatDay('2026-03-12T23:30:00Z')).toBe('12 March 2026');
    expect(readableDate('2026-03-12')).toBe(formatDay('2026-03-12')); // the cards' dates
    expect(formatDay('not a date')).toBe('not a date');
  });

  it('writes a moment with the same date and a 24-hour time in the zone given', () => {
    expect(formatMoment('2026-03-12T14:05:00Z', 'UTC')).toBe('12 March 2026 at 14:05');
    expect(formatMoment('2026-03-12T14:05:00Z', 'America/Chicago')).toBe('12 March 2026 at 09:05');
    expect(formatMoment('soon')).toBe('soon');
  });
});

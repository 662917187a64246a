import type { MeetingLog } from '../../../bot/program/year/meetingLogRules';
import {
  applyMeetingEvent,
  cohortProgramYear,
  defaultYearStart,
  nextMeeting,
  pairStanding,
  quarterOf,
  quarterWindows,
  readYearStart,
  resolveProgramYear,
  yearStartingOn,
  type Booking,
  type Meeting,
} from '../../../bot/program/year/yearPlan';
import { newPlan, YEAR } from './yearFixtures';

const booking = (date: string, time?: string): Booking => ({
  date,
  ...(time ? { time } : {}),
  durationMinutes: 60,
  placeKind: 'common-area',
  place: 'Café, level 1',
  bookedBy: 'mentor-1',
  bookedAt: '2030-01-10T15:00:00.000Z',
});
const log = (heldOn: string, where: MeetingLog['where'] = 'common-area'): MeetingLog => ({ heldOn, where, note: '', flaggedForTaskforce: where === 'executive-office' });

function apply(meeting: Meeting, ...events: Parameters<typeof applyMeetingEvent>[1][]): Meeting {
  return events.reduce((m, e) => {
    const result = applyMeetingEvent(m, e);
    if (!result.ok) throw new Error(result.message);
    return result.meeting;
  }, meeting);
}

describe('the program year', () => {
  it('starts by default on the first Monday at least two weeks after the pairs are confirmed', () => {
    expect(defaultYearStart('2029-12-12')).toBe('2029-12-31');
    expect(defaultYearStart('2029-12-17')).toBe('2029-12-31');
    expect(defaultYearStart('2029-12-18')).toBe('2030-01-07');
    expect(defaultYearStart('2029-12-12', 0)).toBe('2029-12-17');
  });
  it('prefers the date the taskforce set', () => {
    expect(resolveProgramYear({ taskforceStartsOn: '2030-02-03', pairsConfirmedOn: '2029-12-12' })).toEqual({ startsOn: '2030-02-03', endsOn: '2031-02-02' });
  });
  it('resolves a cohort’s year from its stored start, or from the first confirmation as a date in the program’s zone', () => {
    const timeZone = 'America/Chicago';
    const now = new Date('2030-03-01T12:00:00Z');
    // 03:00 UTC on 18 December is still 17 December in Chicago: the default counts from the 17th (31 December), not
    // from the 18th (which would give 7 January); the later confirmation does not count.
    const confirmedAt = ['2029-12-20T15:00:00Z', '2029-12-18T03:00:00Z'];
    expect(cohortProgramYear({ taskforceStartsOn: null, confirmedAt, timeZone, now })).toEqual({ startsOn: '2029-12-31', endsOn: '2030-12-30' });
    expect(cohortProgramYear({ taskforceStartsOn: '2030-02-04', confirmedAt, timeZone, now })).toEqual({ startsOn: '2030-02-04', endsOn: '2031-02-03' });
    expect(cohortProgramYear({ taskforceStartsOn: null, confirmedAt: [], timeZone, now }).startsOn).toBe(defaultYearStart('2030-03-01'));
  });
  it('splits the year into four back-to-back quarters that end on its last day', () => {
    expect(quarterWindows(YEAR)).toEqual([
      { quarter: 1, opensOn: '2030-01-07', closesOn: '2030-04-06' },
      { quarter: 2, opensOn: '2030-04-07', closesOn: '2030-07-06' },
      { quarter: 3, opensOn: '2030-07-07', closesOn: '2030-10-06' },
      { quarter: 4, opensOn: '2030-10-07', closesOn: '2031-01-06' },
    ]);
    const endOfMonth = quarterWindows(yearStartingOn('2030-11-30'));
    expect(endOfMonth.map((w) => w.opensOn)).toEqual(['2030-11-30', '2031-02-28', '2031-05-30', '2031-08-30']);
    expect(endOfMonth[0].closesOn).toBe('2031-02-27');
    expect(endOfMonth[3].closesOn).toBe('2031-11-29');
  });
  it('finds the quarter of a date, and none outside the year', () => {
    expect(quarterOf(YEAR, '2030-04-06')).toBe(1);
    expect(quarterOf(YEAR, '2030-04-07')).toBe(2);
    expect(quarterOf(YEAR, '2031-01-07')).toBeUndefined();
  });
  it('plans four meetings, one per quarter, with agenda n for meeting n', () => {
    const plan = newPlan();
    expect(plan.meetings.map((m) => [m.number, m.agendaId, m.window.quarter, m.status, m.revision])).toEqual([
      [1, 'agenda1', 1, 'planned', 0],
      [2, 'agenda2', 2, 'planned', 0],
      [3, 'agenda3', 3, 'planned', 0],
      [4, 'agenda4', 4, 'planned', 0],
    ]);
  });
});

describe('the start date the taskforce sets', () => {
  const context = { applicationsCloseOn: '2029-11-30', today: '2029-12-01' };
  it('accepts a date after applications close', () => {
    expect(readYearStart('2030-01-07', context)).toEqual({ ok: true, year: YEAR });
  });
  it.each([
    ['not a date', '7 Jan', 'as a date'],
    ['before applications close', '2029-11-15', 'after applications close'],
    ['too far ahead', '2032-06-01', 'two years'],
  ])('refuses a start %s', (_name, value, message) => {
    const result = readYearStart(value, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
  it('refuses a start in the past even after applications close', () => {
    expect(readYearStart('2030-01-02', { applicationsCloseOn: '2029-11-30', today: '2030-01-05' })).toEqual({
      ok: false,
      error: 'That date has passed. Please choose a start from today on.',
    });
  });
  it('takes the day after applications close and today, but not the closing day itself', () => {
    expect(readYearStart('2029-12-01', context)).toEqual({ ok: true, year: yearStartingOn('2029-12-01') });
    expect(readYearStart('2029-12-02', { applicationsCloseOn: '2029-12-01', today: '2029-11-20' }).ok).toBe(true);
    const closing = readYearStart('2029-12-01', { applicationsCloseOn: '2029-12-01', today: '2029-11-20' });
    expect(closing).toEqual({ ok: false, error: 'The year must start after applications close.' });
  });
  it('takes a start exactly two years ahead, not a day later', () => {
    expect(readYearStart('2031-12-01', context).ok).toBe(true);
    expect(readYearStart('2031-12-02', context)).toEqual({ ok: false, error: 'Please choose a start within the next two years.' });
  });
  it.each([['2030-02-30'], [''], [20300107], [null], ['2030-1-7']])('refuses %p as not a date', (value) => {
    expect(readYearStart(value, context)).toEqual({ ok: false, error: 'Please give the start of the year as a date (YYYY-MM-DD).' });
  });
  it('moves a year that has not started yet', () => {
    expect(readYearStart('2030-02-04', { ...context, current: YEAR })).toEqual({ ok: true, year: yearStartingOn('2030-02-04') });
  });
  it('no longer moves once the year has started', () => {
    const started = { ...context, today: '2030-01-08', current: YEAR };
    const moved = readYearStart('2030-02-04', started);
    expect(moved.ok).toBe(false);
    if (!moved.ok) expect(moved.error).toContain('already started');
  });
});

describe('a meeting’s life', () => {
  const first = (): Meeting => newPlan().meetings[0];
  it('is booked, rescheduled and held, bumping the revision on booking changes only', () => {
    const booked = apply(first(), { type: 'book', booking: booking('2030-01-21', '10:00') });
    expect([booked.status, booked.revision]).toEqual(['booked', 1]);
    const moved = apply(booked, { type: 'book', booking: booking('2030-01-28', '10:00') });
    expect([moved.status, moved.revision, moved.booking?.date]).toEqual(['booked', 2, '2030-01-28']);
    const held = apply(moved, { type: 'log', log: log('2030-01-28'), by: 'exec-1', at: '2030-01-29T15:00:00Z' });
    expect([held.status, held.revision, held.booking?.date]).toEqual(['held', 2, '2030-01-28']);
    expect(held.history.map((h) => h.what)).toEqual(['booked', 'rescheduled', 'held']);
  });
  it('changes nothing on the same booking or the same log twice (a double click)', () => {
    const booked = apply(first(), { type: 'book', booking: booking('2030-01-21') });
    const again = applyMeetingEvent(booked, { type: 'book', booking: { ...booking('2030-01-21'), bookedAt: 'later' } });
    expect(again).toEqual({ ok: true, changed: false, meeting: booked });
    const held = apply(booked, { type: 'log', log: log('2030-01-21'), by: 'm', at: 'x' });
    expect(applyMeetingEvent(held, { type: 'log', log: log('2030-01-21'), by: 'e', at: 'y' })).toMatchObject({ ok: true, changed: false });
  });
  it('unbooks back to planned, and unbooking a planned meeting changes nothing', () => {
    const unbooked = apply(first(), { type: 'book', booking: booking('2030-01-21') }, { type: 'unbook', by: 'exec-1', at: 't' });
    expect([unbooked.status, unbooked.revision, unbooked.booking]).toEqual(['planned', 2, undefined]);
    expect(applyMeetingEvent(unbooked, { type: 'unbook', by: 'x', at: 't' })).toMatchObject({ ok: true, changed: false });
  });
  it('lets the pair correct a log, and keeps the correction in the history', () => {
    const held = apply(first(), { type: 'log', log: log('2030-01-21'), by: 'm', at: 'x' }, { type: 'log', log: log('2030-01-22'), by: 'e', at: 'y' });
    expect(held.log?.heldOn).toBe('2030-01-22');
    expect(held.history.map((h) => h.what)).toEqual(['held', 'logCorrected']);
  });
  it('refuses to book or unbook a held meeting', () => {
    const held = apply(first(), { type: 'log', log: log('2030-01-21'), by: 'm', at: 'x' });
    expect(applyMeetingEvent(held, { type: 'book', booking: booking('2030-02-01') })).toMatchObject({ ok: false, refusal: 'alreadyHeld' });
    expect(applyMeetingEvent(held, { type: 'unbook', by: 'm', at: 'x' })).toMatchObject({ ok: false, refusal: 'alreadyHeld' });
  });
  it('is missed when its quarter closes without a log, not before', () => {
    const booked = apply(first(), { type: 'book', booking: booking('2030-03-30') });
    expect(applyMeetingEvent(booked, { type: 'closeQuarter', today: '2030-04-06', at: 't' })).toMatchObject({ ok: false, refusal: 'quarterOpen' });
    const missed = apply(booked, { type: 'closeQuarter', today: '2030-04-07', at: 't' });
    expect(missed.status).toBe('missed');
    expect(applyMeetingEvent(missed, { type: 'book', booking: booking('2030-04-08') })).toMatchObject({ ok: false, refusal: 'quarterClosed' });
    expect(applyMeetingEvent(missed, { type: 'unbook', by: 'm', at: 't' })).toMatchObject({ ok: false, refusal: 'notBooked' });
    expect(applyMeetingEvent(missed, { type: 'closeQuarter', today: '2030-04-08', at: 't' })).toMatchObject({ ok: true, changed: false });
  });
  it('keeps a held meeting held when its quarter closes', () => {
    const held = apply(first(), { type: 'log', log: log('2030-01-21'), by: 'm', at: 'x' });
    expect(applyMeetingEvent(held, { type: 'closeQuarter', today: '2030-05-01', at: 't' })).toMatchObject({ ok: true, changed: false });
  });
  it('is rescued from missed by a late log of a meeting held inside the window', () => {
    const rescued = apply(first(), { type: 'closeQuarter', today: '2030-04-07', at: 't' }, { type: 'log', log: log('2030-04-05'), by: 'm', at: 'x' });
    expect(rescued.status).toBe('held');
  });
});

describe('a pair’s standing', () => {
  it('is at risk while a quarter is missed, and knows when the shadowing visit is done', () => {
    const plan = newPlan();
    plan.meetings[0] = apply(plan.meetings[0], { type: 'log', log: log('2030-01-21'), by: 'm', at: 'x' });
    plan.meetings[1] = apply(plan.meetings[1], { type: 'closeQuarter', today: '2030-07-07', at: 't' });
    expect(pairStanding(plan)).toEqual({ atRisk: true, held: [1], missed: [2], shadowingDone: false });
    expect(nextMeeting(plan)?.number).toBe(3);
    plan.meetings[1] = apply(plan.meetings[1], { type: 'log', log: log('2030-07-01', 'mentor-area'), by: 'm', at: 'x' });
    expect(pairStanding(plan)).toEqual({ atRisk: false, held: [1, 2], missed: [], shadowingDone: true });
  });
  it('has no next meeting once all four are held or missed', () => {
    const plan = newPlan();
    plan.meetings = plan.meetings.map((m) => apply(m, { type: 'closeQuarter', today: '2031-02-01', at: 't' }));
    expect(nextMeeting(plan)).toBeUndefined();
  });
});

import { DEFAULT_SURVEY_ITEMS, itemsFor } from '../../../bot/program/outcomes/surveyItems';
import { readAnswers, roundDates, roundState } from '../../../bot/program/surveys/surveyRounds';
import { cohortProgramYear } from '../../../bot/program/year/yearPlan';

const calendar = { timeZone: 'America/Chicago', nudgeTime: '08:30' };

describe('survey rounds: when they run, and what counts as an answer', () => {
  it('opens the pre survey at confirmation, the post survey on the last day of the program year at the nudge time', () => {
    // Confirmed on Wednesday 4 March 2026 (Chicago): the year starts on the first Monday at least 14 days later,
    // 23 March 2026, and its last day is 22 March 2027; 08:30 in Chicago is 13:30 UTC then (daylight time since 14 March).
    const pairsConfirmedAt = new Date('2026-03-04T15:00:00Z');
    const year = cohortProgramYear({ taskforceStartsOn: null, confirmedAt: [pairsConfirmedAt.toISOString()], timeZone: calendar.timeZone, now: pairsConfirmedAt });
    expect(year).toEqual({ startsOn: '2026-03-23', endsOn: '2027-03-22' });
    expect(roundDates('pre', { pairsConfirmedAt, year }, calendar)).toEqual({
      opensAt: '2026-03-04T15:00:00.000Z',
      remindAt: '2026-03-11T15:00:00.000Z',
      closesAt: '2026-03-18T15:00:00.000Z',
    });
    expect(roundDates('post', { pairsConfirmedAt, year }, calendar)).toEqual({
      opensAt: '2027-03-22T13:30:00.000Z',
      remindAt: '2027-03-29T13:30:00.000Z',
      closesAt: '2027-04-05T13:30:00.000Z',
    });
  });

  it('opens the post survey at the end of the year the taskforce set, whatever the confirmation date', () => {
    // The taskforce set Monday 4 January 2027: the year ends on Monday 3 January 2028; 08:30 in Chicago is 14:30 UTC.
    const pairsConfirmedAt = new Date('2026-03-04T15:00:00Z');
    const year = cohortProgramYear({ taskforceStartsOn: '2027-01-04', confirmedAt: [pairsConfirmedAt.toISOString()], timeZone: calendar.timeZone, now: pairsConfirmedAt });
    expect(year).toEqual({ startsOn: '2027-01-04', endsOn: '2028-01-03' });
    expect(roundDates('pre', { pairsConfirmedAt, year }, calendar).opensAt).toBe('2026-03-04T15:00:00.000Z');
    expect(roundDates('post', { pairsConfirmedAt, year }, calendar)).toEqual({
      opensAt: '2028-01-03T14:30:00.000Z',
      remindAt: '2028-01-10T14:30:00.000Z',
      closesAt: '2028-01-17T14:30:00.000Z',
    });
  });

  it('is open from its opening (inclusive) to its close (exclusive), and closed once the close job ran', () => {
    const round = { opensAt: '2026-03-04T15:00:00.000Z', remindAt: '2026-03-11T15:00:00.000Z', closesAt: '2026-03-18T15:00:00.000Z', closedAt: null };
    expect(roundState(round, new Date('2026-03-04T14:59:59.999Z'))).toBe('scheduled');
    expect(roundState(round, new Date('2026-03-04T15:00:00.000Z'))).toBe('open');
    expect(roundState(round, new Date('2026-03-18T14:59:59.999Z'))).toBe('open');
    expect(roundState(round, new Date('2026-03-18T15:00:00.000Z'))).toBe('closed');
    expect(roundState({ ...round, closedAt: '2026-03-10T00:00:00.000Z' }, new Date('2026-03-11T00:00:00.000Z'))).toBe('closed');
  });

  it('takes a point of the scale for every item of the role, from a card ("4") or the tab (4), and nothing else', () => {
    const items = itemsFor('mentor', DEFAULT_SURVEY_ITEMS);
    const all = (value: unknown) => Object.fromEntries(items.map((item) => [item.id, value]));
    expect(readAnswers(all('4'), items)).toEqual({ ok: true, scores: all(4) });
    expect(readAnswers({ ...all(5), employeePulse: '1', cohortId: 'demo' }, items)).toEqual({ ok: true, scores: all(5) });
    for (const bad of ['0', '6', 3.5, 'agree', ' ', true]) expect(readAnswers(all(bad), items).ok).toBe(false);
    expect(readAnswers({ ...all(4), feelValued: undefined }, items)).toEqual({ ok: false, error: 'Please answer every question: choose one point of the scale for each.' });
  });
});

import { fillNudgeText, NUDGE_TEXTS, type NudgeTextId } from '../../../bot/program/year/nudgeTexts';
import { PAUSE_LIMITS, firstDayOutsidePauses, readPause } from '../../../bot/program/year/pauseRules';
import { CALENDAR } from './yearFixtures';

const values = { meeting: 2, other: 'Angela Brooks', closesOn: 'Saturday 6 July', when: 'tomorrow at 10:00', pair: 'Jordan Lee and Angela Brooks', place: 'the atrium' };

describe('nudge texts', () => {
  const ids = Object.keys(NUDGE_TEXTS) as NudgeTextId[];
  it('fill every placeholder and stay short enough for a phone', () => {
    for (const id of ids) {
      const text = fillNudgeText(id, values);
      expect(`${text.title} ${text.text}`).not.toMatch(/\{\w+\}/);
      expect(text.title.length).toBeLessThanOrEqual(70);
      expect(text.text.length).toBeLessThanOrEqual(160);
    }
  });
  it('are about logistics (book, agenda, meet, log), never relationship advice', () => {
    for (const id of ids) {
      const { title, text } = NUDGE_TEXTS[id];
      expect(`${title} ${text}`).toMatch(/\b(book|agenda|meet|met|log|logged|ice breaker)\b/i);
      expect(`${title} ${text}`).not.toMatch(/\b(trust|rapport|relationship|tip|open up|vulnerab|feelings?|bond)\b/i);
    }
  });
  it('leave a placeholder with no value visible rather than inventing one', () => {
    expect(fillNudgeText('book', { meeting: 1 }).title).toBe('Time to book meeting 1 with {other}');
  });
  it('insert names as given, without reading placeholders inside them', () => {
    expect(fillNudgeText('didYouMeet', { ...values, other: '{meeting} <b>x</b>' }).title).toBe('Did you meet {meeting} <b>x</b>?');
  });
});

describe('pauses', () => {
  const context = { today: '2030-01-07', existing: [] };
  it('start today when no start is given', () => {
    expect(readPause({ until: '2030-01-20' }, context)).toEqual({ ok: true, pause: { from: '2030-01-07', until: '2030-01-20' } });
  });
  it.each([
    ['no end', { from: '2030-01-08' }, 'last day'],
    ['a start in the past', { from: '2030-01-01', until: '2030-01-20' }, 'in the past'],
    ['an end before the start', { from: '2030-01-10', until: '2030-01-09' }, 'on or after'],
    ['more than 120 days', { until: '2030-05-07' }, `up to ${PAUSE_LIMITS.maxDays} days`],
  ])('refuse %s', (_name, raw, message) => {
    const result = readPause(raw, context);
    expect(result.ok ? '' : result.error).toContain(message);
  });
  it('accept exactly 120 days', () => {
    expect(readPause({ until: '2030-05-06' }, context).ok).toBe(true);
  });
  it('are limited in number, counting only those not over yet', () => {
    const old = Array.from({ length: 20 }, () => ({ from: '2029-01-01', until: '2029-01-02' }));
    expect(readPause({ until: '2030-01-08' }, { today: '2030-01-07', existing: old }).ok).toBe(true);
    const planned = Array.from({ length: PAUSE_LIMITS.perPerson }, () => ({ from: '2030-02-01', until: '2030-02-02' }));
    expect(readPause({ until: '2030-01-08' }, { today: '2030-01-07', existing: planned }).ok).toBe(false);
  });
  it('move a day out of a pause to the next working day after it', () => {
    expect(firstDayOutsidePauses([{ from: '2030-01-07', until: '2030-01-09' }], '2030-01-08', CALENDAR)).toBe('2030-01-10');
    expect(firstDayOutsidePauses([{ from: '2030-01-07', until: '2030-01-11' }], '2030-01-08', CALENDAR)).toBe('2030-01-14');
    expect(firstDayOutsidePauses([{ from: '2030-01-07', until: '2030-01-11' }], '2030-01-12', CALENDAR)).toBe('2030-01-12');
  });
});

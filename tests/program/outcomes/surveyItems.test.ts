import {
  AGREEMENT_SCALE,
  DEFAULT_SURVEY_ITEMS,
  itemsFor,
  readScore,
  readSurveyItems,
  SURVEY_LIMITS,
  SurveyItemsInputError,
  type SurveyItem,
} from '../../../bot/program/outcomes/surveyItems';

const asSent = (items: readonly SurveyItem[]) => items.map((i) => ({ id: i.id, text: i.text, roles: [...i.roles] }));

describe('default survey items', () => {
  it('ask executives and mentors the seed’s items and both the two institution-wide questions', () => {
    expect(itemsFor('executive', DEFAULT_SURVEY_ITEMS).map((i) => i.text)).toEqual([
      'I feel connected to the employee pulse.',
      'I am aware of the major challenges employees face.',
      'Mentoring is valued and encouraged here.',
      'Executive leaders are aware of the major challenges employees face.',
    ]);
    expect(itemsFor('mentor', DEFAULT_SURVEY_ITEMS).map((i) => i.text)).toEqual([
      'I feel valued.',
      'My leaders inspire high performance through their leadership.',
      'Mentoring is valued and encouraged here.',
      'Executive leaders are aware of the major challenges employees face.',
    ]);
  });

  it('pass their own validation unchanged', () => {
    expect(readSurveyItems(asSent(DEFAULT_SURVEY_ITEMS))).toEqual(DEFAULT_SURVEY_ITEMS);
  });

  it('use a 5-point agreement scale with a label on every point', () => {
    expect(AGREEMENT_SCALE.map((p) => p.value)).toEqual([1, 2, 3, 4, 5]);
    for (const point of AGREEMENT_SCALE) expect(point.label.length).toBeGreaterThan(0);
    expect(new Set(AGREEMENT_SCALE.map((p) => p.label)).size).toBe(5);
  });
});

describe('readScore', () => {
  it.each([
    ['4', 4],
    [' 5 ', 5],
    [1, 1],
  ])('reads %p as %p', (raw, score) => {
    expect(readScore(raw)).toBe(score);
  });
  it.each([['0'], ['6'], ['4.0'], [4.5], [''], [undefined], ['four'], [null], [['4']]])('refuses %p', (raw) => {
    expect(readScore(raw)).toBeUndefined();
  });
});

describe('readSurveyItems', () => {
  const defaults = asSent(DEFAULT_SURVEY_ITEMS);

  it('keeps the id of every item sent back with it and gives new items the next free id', () => {
    const first = readSurveyItems([...defaults, { text: 'I know who to ask for help.', roles: ['mentor'] }]);
    expect(first.at(-1)).toEqual({ id: 'q1', text: 'I know who to ask for help.', roles: ['mentor'] });
    const second = readSurveyItems([...asSent(first), { text: 'Our leaders listen.', roles: ['executive', 'mentor'] }], first);
    expect(second.map((i) => i.id)).toEqual([...DEFAULT_SURVEY_ITEMS.map((i) => i.id), 'q1', 'q2']);
  });

  it('lets a removed default come back under its own id', () => {
    const without = readSurveyItems(defaults.filter((i) => i.id !== 'feelValued'));
    const again = readSurveyItems([...asSent(without), { id: 'feelValued', text: 'I feel valued.', roles: ['mentor'] }], without);
    expect(again.find((i) => i.text === 'I feel valued.')?.id).toBe('feelValued');
  });

  it('normalises spaces and keeps roles in a fixed order', () => {
    const items = readSurveyItems([{ text: '  Our   leaders  listen. ', roles: ['mentor', 'executive'] }]);
    expect(items).toEqual([{ id: 'q1', text: 'Our leaders listen.', roles: ['executive', 'mentor'] }]);
  });

  it.each([
    ['no list', undefined, 'at least one question'],
    ['an empty list', [], 'at least one question'],
    ['too many questions', Array.from({ length: SURVEY_LIMITS.items + 1 }, (_, k) => ({ text: `Statement number ${k}.`, roles: ['mentor'] })), 'at most 20'],
    ['too many for one role', Array.from({ length: 13 }, (_, k) => ({ text: `Statement number ${k}.`, roles: ['executive', 'mentor'] })), 'at most 12'],
    ['no question for mentors', [{ text: 'I feel connected.', roles: ['executive'] }], 'Ask mentors at least one'],
    ['a question for nobody', [{ text: 'I feel connected.', roles: [] }], 'executives, mentors or both'],
    ['an unknown role', [{ text: 'I feel connected.', roles: ['executive', 'mentor', 'manager'] }], 'executives, mentors or both'],
    ['an empty statement', [{ text: '  ', roles: ['executive', 'mentor'] }], 'fill in'],
    ['a statement too short', [{ text: 'Yes?', roles: ['executive', 'mentor'] }], 'too short'],
    ['a statement too long', [{ text: 'x'.repeat(201), roles: ['executive', 'mentor'] }], 'too long'],
    ['HTML', [{ text: 'I feel <b>valued</b>.', roles: ['executive', 'mentor'] }], 'HTML'],
    ['an id the survey does not have', [{ id: 'q9', text: 'I feel valued.', roles: ['executive', 'mentor'] }], 'does not have'],
    [
      'the same id twice',
      [
        { id: 'feelValued', text: 'I feel valued.', roles: ['mentor'] },
        { id: 'feelValued', text: 'I feel heard.', roles: ['executive'] },
      ],
      'same question twice',
    ],
    [
      'the same statement twice',
      [
        { text: 'I feel valued.', roles: ['mentor'] },
        { text: 'i feel  VALUED.', roles: ['executive'] },
      ],
      'say the same thing',
    ],
    ['an item that is not an object', ['I feel valued.'], 'its statement'],
  ])('refuses %s', (_name, raw, message) => {
    expect(() => readSurveyItems(raw)).toThrow(SurveyItemsInputError);
    expect(() => readSurveyItems(raw)).toThrow(message);
  });

  describe('once the pre survey has opened', () => {
    it('accepts the same items, in any order', () => {
      expect(readSurveyItems([...defaults].reverse(), DEFAULT_SURVEY_ITEMS, true)).toHaveLength(DEFAULT_SURVEY_ITEMS.length);
    });
    it.each([
      ['a new item', [...defaults, { text: 'I feel heard.', roles: ['mentor'] }]],
      ['a removed item', defaults.slice(1)],
      ['a reworded item', defaults.map((i) => (i.id === 'feelValued' ? { ...i, text: 'I feel appreciated.' } : i))],
      ['a changed audience', defaults.map((i) => (i.id === 'feelValued' ? { ...i, roles: ['executive', 'mentor'] } : i))],
    ])('refuses %s', (_name, raw) => {
      expect(() => readSurveyItems(raw, DEFAULT_SURVEY_ITEMS, true)).toThrow('pre survey has opened');
    });
  });
});

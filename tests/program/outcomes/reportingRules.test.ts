import { seededRandom } from '../../../bot/seededRandom';
import { minimumGroupSize, suppressGroups, type ReportGroup, type Respondent } from '../../../bot/program/outcomes/reportingRules';

/** `count` respondents keyed prefix1…prefixN, each in the given reporting lines. */
function people(prefix: string, count: number, lines: string[] = []): Respondent[] {
  return Array.from({ length: count }, (_, i) => ({ key: `${prefix}${i + 1}`, lines }));
}

const shownIds = (result: ReturnType<typeof suppressGroups>) => Object.keys(result).filter((id) => result[id].shown);
const reasonOf = (result: ReturnType<typeof suppressGroups>, id: string) => {
  const visibility = result[id];
  return visibility.shown ? 'shown' : visibility.reason;
};

describe('minimumGroupSize', () => {
  it('is 5 unless configured, never below 3, and rounds a fraction up', () => {
    expect(minimumGroupSize()).toBe(5);
    expect(minimumGroupSize(8)).toBe(8);
    expect(minimumGroupSize(3)).toBe(3);
    expect(minimumGroupSize(2)).toBe(3);
    expect(minimumGroupSize(-1)).toBe(3);
    expect(minimumGroupSize(4.2)).toBe(5);
  });
  it('refuses a value that is not a number', () => {
    expect(() => minimumGroupSize(Number.NaN)).toThrow(RangeError);
    expect(() => minimumGroupSize(Infinity)).toThrow(RangeError);
  });
});

describe('suppressGroups: each group on its own', () => {
  const mixed = (prefix: string, count: number) => people(prefix, count).map((p, i) => ({ ...p, lines: [`line${i}`] }));

  it('hides a group of 4 and shows a group of 5', () => {
    const result = suppressGroups([
      { id: 'four', members: mixed('a', 4) },
      { id: 'five', members: mixed('b', 5) },
    ]);
    expect(result.four).toEqual({ shown: false, reason: 'too-few', message: 'Fewer than 5 people answered, so results are not shown.' });
    expect(result.five).toEqual({ shown: true });
  });

  it('uses the configured k, but never below 3', () => {
    expect(reasonOf(suppressGroups([{ id: 'g', members: mixed('a', 4) }], { minimumGroupSize: 3 }), 'g')).toBe('shown');
    expect(reasonOf(suppressGroups([{ id: 'g', members: mixed('a', 2) }], { minimumGroupSize: 1 }), 'g')).toBe('too-few');
    expect(reasonOf(suppressGroups([{ id: 'g', members: mixed('a', 7) }], { minimumGroupSize: 8 }), 'g')).toBe('too-few');
  });

  it('hides a group that sits inside one executive’s reporting line, however large', () => {
    const nursing = [...people('n', 6, ['cno']), ...people('m', 6, ['cno', 'vpNursing'])];
    const result = suppressGroups([{ id: 'nursing', members: nursing }]);
    expect(result.nursing).toMatchObject({ shown: false, reason: 'one-reporting-line' });
  });

  it('shows a group as soon as one member is outside that line', () => {
    const members = [...people('n', 6, ['cno']), { key: 'x', lines: ['cfo'] }];
    expect(reasonOf(suppressGroups([{ id: 'g', members }]), 'g')).toBe('shown');
  });

  it('ignores the institution-wide line it is told about, and only that one', () => {
    const members = [...people('n', 3, ['ceo', 'cno']), ...people('f', 3, ['ceo', 'cfo'])];
    expect(reasonOf(suppressGroups([{ id: 'g', members }], { institutionWideLines: ['ceo'] }), 'g')).toBe('shown');
    expect(reasonOf(suppressGroups([{ id: 'g', members }]), 'g')).toBe('one-reporting-line');
    const allNursing = people('n', 6, ['ceo', 'cno']);
    expect(reasonOf(suppressGroups([{ id: 'g', members: allNursing }], { institutionWideLines: ['ceo'] }), 'g')).toBe('one-reporting-line');
  });

  it('refuses duplicate group ids and a respondent listed twice in a group', () => {
    expect(() =>
      suppressGroups([
        { id: 'g', members: [] },
        { id: 'g', members: [] },
      ]),
    ).toThrow('id "g"');
    expect(() => suppressGroups([{ id: 'g', members: [...people('a', 3), ...people('a', 1)] }])).toThrow('twice');
  });
});

describe('suppressGroups: what can be worked out from several groups', () => {
  const nursing = people('n', 3, ['cno']);
  const others = [...people('f', 14, ['cfo']), ...people('c', 13, ['coo'])];
  const everyone = [...nursing, ...others];

  it('stops the differencing attack: "all" and "all minus one reporting line"', () => {
    const result = suppressGroups([
      { id: 'all', members: everyone },
      { id: 'allButNursing', members: others },
    ]);
    expect(reasonOf(result, 'all')).toBe('shown');
    expect(result.allButNursing).toMatchObject({ shown: false, reason: 'reveals-another-group' });
  });

  it('stops it when the difference is large enough but all in one line', () => {
    const bigNursing = people('n', 8, ['cno']);
    const result = suppressGroups([
      { id: 'all', members: [...bigNursing, ...others] },
      { id: 'allButNursing', members: others },
    ]);
    expect(shownIds(result)).toEqual(['all']);
  });

  it('allows a difference of k or more people from several lines', () => {
    const leaving = [...people('x', 3, ['cno']), ...people('y', 3, ['cfo'])];
    const result = suppressGroups([
      { id: 'all', members: [...leaving, ...others] },
      { id: 'most', members: others },
    ]);
    expect(shownIds(result)).toEqual(['all', 'most']);
  });

  it('stops a difference of two people, whoever they are', () => {
    const result = suppressGroups([
      { id: 'all', members: everyone },
      { id: 'allButTwo', members: everyone.slice(2) },
    ]);
    expect(shownIds(result)).toEqual(['all']);
  });

  it('hides a second part when a total and all but one part are shown (complement)', () => {
    const executives = people('e', 4, ['x']).map((p, i) => ({ ...p, lines: [`e${i}`] }));
    const mentors = [...people('m', 6, ['cno']), ...people('k', 6, ['cfo'])];
    const result = suppressGroups([
      { id: 'everyone', members: [...executives, ...mentors] },
      { id: 'executives', members: executives },
      { id: 'mentors', members: mentors },
    ]);
    expect(reasonOf(result, 'executives')).toBe('too-few');
    expect(reasonOf(result, 'mentors')).toBe('reveals-another-group');
    expect(reasonOf(result, 'everyone')).toBe('shown');
  });

  it('in a breakdown of three, hides the next-smallest part so the hidden ones add up to k', () => {
    const a = people('a', 10, ['l1']).map((p, i) => ({ ...p, lines: [`a${i}`] }));
    const b = people('b', 6).map((p, i) => ({ ...p, lines: [`b${i}`] }));
    const c = people('c', 2);
    const result = suppressGroups([
      { id: 'total', members: [...a, ...b, ...c] },
      { id: 'a', members: a },
      { id: 'b', members: b },
      { id: 'c', members: c },
    ]);
    expect(Object.fromEntries(Object.keys(result).map((id) => [id, reasonOf(result, id)]))).toEqual({
      total: 'shown',
      a: 'shown',
      b: 'reveals-another-group',
      c: 'too-few',
    });
  });

  it('keeps the group with higher precedence: answered twice over answered once', () => {
    const matched = people('m', 20).map((p, i) => ({ ...p, lines: [`l${i % 4}`] }));
    const result = suppressGroups([
      { id: 'preAll', members: [...matched, { key: 'only-pre', lines: [] }] },
      { id: 'matched', members: matched, precedence: 1 },
    ]);
    expect(reasonOf(result, 'preAll')).toBe('reveals-another-group');
    expect(reasonOf(result, 'matched')).toBe('shown');
  });

  it('hides the one group that resolves the problem rather than several', () => {
    // "all but two" would reveal two people; hiding it alone is enough, and the two halves stay.
    const first = people('a', 10).map((p, i) => ({ ...p, lines: [`a${i}`] }));
    const second = people('b', 10).map((p, i) => ({ ...p, lines: [`b${i}`] }));
    const all = [...first, ...second];
    const result = suppressGroups([
      { id: 'total', members: all },
      { id: 'allButTwo', members: all.slice(2) },
      { id: 'first', members: first },
      { id: 'second', members: second },
    ]);
    expect(shownIds(result)).toEqual(['total', 'first', 'second']);
  });

  it('shows two groups with the same people: nothing new can be worked out', () => {
    const members = people('a', 6).map((p, i) => ({ ...p, lines: [`l${i}`] }));
    const groups: ReportGroup[] = [
      { id: 'pre', members },
      { id: 'post', members },
    ];
    expect(shownIds(suppressGroups(groups))).toEqual(['pre', 'post']);
  });

  it('leaves a crossing breakdown shown when every cell is large enough', () => {
    const cells = ['ex-u1', 'ex-u2', 'me-u1', 'me-u2'].map((name) => people(name, 5).map((p, i) => ({ ...p, lines: [`${name}${i}`] })));
    const [exU1, exU2, meU1, meU2] = cells;
    const result = suppressGroups([
      { id: 'executives', members: [...exU1, ...exU2] },
      { id: 'mentors', members: [...meU1, ...meU2] },
      { id: 'unit1', members: [...exU1, ...meU1] },
      { id: 'unit2', members: [...exU2, ...meU2] },
    ]);
    expect(shownIds(result)).toHaveLength(4);
  });
});

describe('suppressGroups against an attacker who adds and subtracts', () => {
  /** Every set obtained as Σ cᵢ·groupᵢ with cᵢ ∈ {−1, 0, 1} over the shown groups that is a plain set of people. */
  function derivableSets(shown: readonly ReportGroup[]): Respondent[][] {
    const everyone = new Map(shown.flatMap((g) => g.members.map((m) => [m.key, m] as const)));
    const sets: Respondent[][] = [];
    for (let code = 1; code < 3 ** shown.length; code++) {
      const weights = shown.map((_, i) => (Math.floor(code / 3 ** i) % 3) - 1);
      const total = new Map<string, number>();
      shown.forEach((group, i) => group.members.forEach((m) => total.set(m.key, (total.get(m.key) ?? 0) + weights[i])));
      const values = [...total.values()];
      if (values.every((v) => v === 0 || v === 1) && values.includes(1)) {
        sets.push([...total].filter(([, v]) => v === 1).map(([key]) => everyone.get(key) as Respondent));
      }
    }
    return sets;
  }

  it('never lets 200 random reports reveal fewer than k people or one reporting line', () => {
    const random = seededRandom(11);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    let hiddenForOthers = 0;
    for (let round = 0; round < 200; round++) {
      const respondents = Array.from({ length: 8 + Math.floor(random() * 25) }, (_, i) => ({
        key: `r${i}`,
        lines: ['ceo', pick(['cno', 'cfo', 'coo', 'cmo'])],
      }));
      const groups: ReportGroup[] = [{ id: 'all', members: respondents }];
      const groupCount = 1 + Math.floor(random() * 4);
      for (let g = 0; g < groupCount; g++) {
        const base = pick(groups).members;
        const keepShare = 0.3 + random() * 0.7;
        groups.push({ id: `g${g}`, members: base.filter(() => random() < keepShare) });
      }
      const k = 3 + Math.floor(random() * 3);
      const result = suppressGroups(groups, { minimumGroupSize: k, institutionWideLines: ['ceo'] });
      hiddenForOthers += Object.values(result).filter((v) => !v.shown && v.reason === 'reveals-another-group').length;
      for (const set of derivableSets(groups.filter((g) => result[g.id].shown))) {
        expect(set.length).toBeGreaterThanOrEqual(k);
        expect(new Set(set.map((m) => m.lines[1])).size).toBeGreaterThan(1);
      }
    }
    // The random reports did exercise the second rule, not only the first.
    expect(hiddenForOthers).toBeGreaterThan(20);
  });
});

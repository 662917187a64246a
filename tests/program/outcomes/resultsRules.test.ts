import { surveyResults, type ResultsInput, type ShownItemResult, type SurveyAnswer } from '../../../bot/program/outcomes/resultsRules';
import { mcnemarExact, wilcoxonSignedRank } from '../../../bot/program/outcomes/statistics';
import { DEFAULT_SURVEY_ITEMS, type Score, type SurveyRole } from '../../../bot/program/outcomes/surveyItems';

const challenges = DEFAULT_SURVEY_ITEMS.filter((i) => i.id === 'employeeChallenges');
const shared = DEFAULT_SURVEY_ITEMS.filter((i) => i.id === 'mentoringValued');
const LINES = ['cno', 'cfo', 'coo', 'cmo'];

/** Answers to one item: key `${prefix}${i}` gives scores[i]. */
function answers(prefix: string, role: SurveyRole, itemId: string, scores: Score[]): SurveyAnswer[] {
  return scores.map((score, i) => ({ key: `${prefix}${i}`, role, itemId, score }));
}

/** Every key in the answers, spread over four executives' lines. */
function spreadLines(...lists: SurveyAnswer[][]): Map<string, string[]> {
  const keys = [...new Set(lists.flat().map((a) => a.key))].sort();
  return new Map(keys.map((key, i) => [key, ['ceo', LINES[i % LINES.length]]]));
}

function input(pre: SurveyAnswer[], post: SurveyAnswer[], extra: Partial<ResultsInput> = {}): ResultsInput {
  return { items: challenges, pre, post, linesByKey: spreadLines(pre, post), reporting: { institutionWideLines: ['ceo'] }, ...extra };
}

function shown(result: ReturnType<typeof surveyResults>[number]): ShownItemResult {
  if (!result.shown) throw new Error(`expected figures, got the warning: ${result.warning.message}`);
  return result;
}

// The example: 20 executives, 8 favorable before; 5 of the other 12 move up; nobody moves down.
const before: Score[] = [4, 5, 4, 4, 5, 4, 4, 5, 2, 3, 3, 2, 3, 1, 3, 2, 3, 3, 2, 3];
const after: Score[] = [4, 5, 5, 4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 1, 3, 3, 3, 3, 2, 3];

describe('surveyResults', () => {
  it('gives the issue’s example: +25 points, 5 of 20 up and none down, p = 0.06', () => {
    const [result] = surveyResults(input(answers('e', 'executive', 'employeeChallenges', before), answers('e', 'executive', 'employeeChallenges', after)));
    const figures = shown(result);
    expect(figures).toMatchObject({ itemId: 'employeeChallenges', role: 'executive', matchedPeople: 20, up: 5, down: 0, mcnemarP: 0.0625 });
    expect(figures.pre).toEqual({ favorable: 8, n: 20, share: 0.4 });
    expect(figures.post).toEqual({ favorable: 13, n: 20, share: 0.65 });
    expect(figures.pointsChange).toBeCloseTo(25, 12);
    expect(figures.sentence).toBe('+25 points, 5 of 20 moved up and none down; with 20 people this could still be chance, p = 0.06');
    expect(figures.verdict).toBe('could-be-chance');
    // Newcombe's interval for (both 8, up 5, down 0, neither 7); the scipy reference is in statistics.test.ts.
    expect(figures.ci95Points[0]).toBeCloseTo(3.301159685021507, 10);
    expect(figures.ci95Points[1]).toBeCloseTo(42.66925855856962, 10);
  });

  it('runs the signed-rank test on the raw score changes, post − pre', () => {
    const [result] = surveyResults(input(answers('e', 'executive', 'employeeChallenges', before), answers('e', 'executive', 'employeeChallenges', after)));
    const figures = shown(result);
    const direct = wilcoxonSignedRank(after.map((a, i) => a - before[i]));
    expect(figures.wilcoxon).toEqual(direct);
    // Seven rose (by 1, 2, 1, 2, 2, 1, 1), thirteen did not move: W+ = 28, every sign positive, exact p = 2/2⁷.
    expect(figures.wilcoxon).toMatchObject({ n: 7, zeros: 13, statistic: 28, p: 0.015625, method: 'exact' });
    expect(figures.effectSize).toBe(direct.r);
    expect(figures.effectSize).toBeGreaterThan(0);
  });

  it('pairs pre and post by key only: people who answered once are not matched', () => {
    const pre = answers('e', 'executive', 'employeeChallenges', before);
    const post = [...answers('e', 'executive', 'employeeChallenges', after).slice(0, 15), ...answers('late', 'executive', 'employeeChallenges', [5, 5, 5])];
    const figures = shown(surveyResults(input(pre, post))[0]);
    expect(figures.matchedPeople).toBe(15);
    expect(figures).toMatchObject({ up: 5, down: 0, mcnemarP: mcnemarExact(5, 0) });
    expect(figures.pre.n).toBe(15);
  });

  it('shows a group of 4 as a warning with no figures', () => {
    const pre = answers('e', 'executive', 'employeeChallenges', [2, 3, 4, 5]);
    const post = answers('e', 'executive', 'employeeChallenges', [4, 4, 4, 5]);
    const [result] = surveyResults(input(pre, post));
    expect(result).toEqual({
      shown: false,
      itemId: 'employeeChallenges',
      itemText: 'I am aware of the major challenges employees face.',
      role: 'executive',
      warning: { reason: 'too-few', message: 'Fewer than 5 people answered, so results are not shown.' },
    });
  });

  it('hides a group whose matched respondents all sit in one executive’s reporting line', () => {
    const pre = answers('n', 'mentor', 'mentoringValued', [2, 3, 3, 4, 2, 3, 3, 2]);
    const post = answers('n', 'mentor', 'mentoringValued', [4, 4, 3, 4, 4, 4, 3, 2]);
    const linesByKey = new Map([...new Set([...pre, ...post].map((a) => a.key))].map((key) => [key, ['ceo', 'cno']]));
    const results = surveyResults(input(pre, post, { items: shared, linesByKey }));
    expect(results.map((r) => [r.role, r.shown ? 'shown' : r.warning.reason])).toEqual([
      ['executive', 'too-few'],
      ['mentor', 'one-reporting-line'],
    ]);
  });

  it('leaves out "everyone who answered before" when it would reveal the one person who answered only then', () => {
    const pre = [...answers('e', 'executive', 'employeeChallenges', before), ...answers('once', 'executive', 'employeeChallenges', [1])];
    const post = answers('e', 'executive', 'employeeChallenges', after);
    const figures = shown(surveyResults(input(pre, post))[0]);
    expect(figures.everyone.pre).toBeUndefined();
    expect(figures.everyone.post).toEqual({ favorable: 13, n: 20, share: 0.65 });
  });

  it('shows "everyone who answered before" when those who answered once are k or more from several lines', () => {
    const pre = [...answers('e', 'executive', 'employeeChallenges', before), ...answers('once', 'executive', 'employeeChallenges', [1, 2, 4, 5, 5, 3])];
    const post = answers('e', 'executive', 'employeeChallenges', after);
    const figures = shown(surveyResults(input(pre, post))[0]);
    expect(figures.everyone.pre).toEqual({ favorable: 11, n: 26, share: 11 / 26 });
  });

  it('gives a group between k and the verdict threshold the warning, not a verdict', () => {
    const pre = answers('e', 'executive', 'employeeChallenges', [2, 3, 2, 3, 4, 5]);
    const post = answers('e', 'executive', 'employeeChallenges', [4, 4, 5, 4, 4, 5]);
    const figures = shown(surveyResults(input(pre, post))[0]);
    expect(figures.verdict).toBe('too-few-to-tell');
    expect(figures.sentence).toBe('+67 points, 4 of 6 moved up and none down; 6 people are too few to tell a change from chance');
  });

  it('reports each role of a shared item from that role’s answers only', () => {
    const scoresBefore: Score[] = [2, 2, 2, 2, 2, 4, 4, 4, 4, 4];
    const scoresAfter: Score[] = [4, 4, 4, 4, 2, 4, 4, 4, 4, 4];
    const pre = [...answers('x', 'executive', 'mentoringValued', scoresBefore), ...answers('m', 'mentor', 'mentoringValued', scoresBefore)];
    const post = [...answers('x', 'executive', 'mentoringValued', scoresAfter), ...answers('m', 'mentor', 'mentoringValued', scoresBefore)];
    const [executives, mentors] = surveyResults(input(pre, post, { items: shared }));
    expect(shown(executives)).toMatchObject({ role: 'executive', up: 4, pointsChange: 40 });
    expect(shown(mentors)).toMatchObject({ role: 'mentor', up: 0, down: 0, pointsChange: 0, mcnemarP: 1 });
  });

  it('applies the configured minimum group size', () => {
    const pre = answers('e', 'executive', 'employeeChallenges', before.slice(0, 7));
    const post = answers('e', 'executive', 'employeeChallenges', after.slice(0, 7));
    expect(surveyResults(input(pre, post))[0].shown).toBe(true);
    expect(surveyResults(input(pre, post, { reporting: { minimumGroupSize: 8, institutionWideLines: ['ceo'] } }))[0].shown).toBe(false);
  });

  it('refuses two answers to one item from one person, and a respondent without reporting lines', () => {
    const pre = answers('e', 'executive', 'employeeChallenges', before);
    const post = answers('e', 'executive', 'employeeChallenges', after);
    expect(() => surveyResults(input([...pre, pre[0]], post))).toThrow('two answers');
    expect(() => surveyResults({ ...input(pre, post), linesByKey: new Map() })).toThrow('No reporting lines');
  });
});

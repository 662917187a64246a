import { changeVerdict, describeChange, MIN_PEOPLE_FOR_VERDICT, type ChangeVerdict } from './changeSentence';
import { suppressGroups, type ReportingOptions, type Respondent, type SuppressionReason } from './reportingRules';
import { favorability, mcnemarExact, pairedChangeInterval, wilcoxonSignedRank, type Favorability, type Interval, type WilcoxonResult } from './statistics';
import type { Score, SurveyItem, SurveyRole } from './surveyItems';

/**
 * Pre/post survey results per item and role. Pure: no SDK, no I/O.
 *
 * Pre and post answers are paired by pseudonymous key. The headline figures are on the matched respondents (those who
 * answered the item both times): favorability before and after, the change in points, who moved up (not favorable →
 * favorable) and down, McNemar's exact test on favorable/not, Wilcoxon's signed-rank test on the raw score changes
 * (post − pre) with its effect size r, Newcombe's 95% interval for the change, and the plain sentence. Favorability among
 * everyone who answered each survey is added only when the reporting rule allows it beside the matched group (it must
 * not reveal the few who answered once).
 *
 * Each item and role is one report for the reporting rule: "pre, everyone", "post, everyone" and "matched", with matched
 * kept first. A hidden matched group gives a warning and no figures at all.
 */
export interface SurveyAnswer {
  /** Pseudonymous key of the respondent. */
  key: string;
  role: SurveyRole;
  itemId: string;
  score: Score;
}

export interface ResultsInput {
  items: readonly SurveyItem[];
  pre: readonly SurveyAnswer[];
  post: readonly SurveyAnswer[];
  /** The reporting lines of every respondent, by pseudonymous key ([] for someone in no executive's line). */
  linesByKey: ReadonlyMap<string, readonly string[]>;
  reporting?: ReportingOptions;
  minimumPeopleForVerdict?: number;
}

export interface ShownItemResult {
  shown: true;
  itemId: string;
  itemText: string;
  role: SurveyRole;
  /** People who answered the item in both surveys. */
  matchedPeople: number;
  /** Favorability of the matched people before and after. */
  pre: Favorability;
  post: Favorability;
  /** (post − pre) favorability in points (not rounded). */
  pointsChange: number;
  up: number;
  down: number;
  /** McNemar's exact two-sided p on favorable/not. */
  mcnemarP: number;
  /** Signed-rank test on post − pre scores. */
  wilcoxon: WilcoxonResult;
  /** Wilcoxon's r = z/√n. */
  effectSize: number;
  /** Newcombe's 95% interval of the change, in points. */
  ci95Points: Interval;
  verdict: ChangeVerdict;
  sentence: string;
  /** Favorability of everyone who answered each survey, when it may be shown. */
  everyone: { pre?: Favorability; post?: Favorability };
}

export interface SuppressedItemResult {
  shown: false;
  itemId: string;
  itemText: string;
  role: SurveyRole;
  warning: { reason: SuppressionReason; message: string };
}

export type ItemResult = ShownItemResult | SuppressedItemResult;

type ScoresByKey = Map<string, Score>;

/** answers grouped as "role/itemId" → key → score, refusing a second answer to the same item in one survey. */
function index(answers: readonly SurveyAnswer[], survey: string): Map<string, ScoresByKey> {
  const byItem = new Map<string, ScoresByKey>();
  for (const answer of answers) {
    const slot = `${answer.role}/${answer.itemId}`;
    const scores = byItem.get(slot) ?? new Map<string, Score>();
    if (scores.has(answer.key)) throw new RangeError(`The ${survey} survey holds two answers from one respondent to item "${answer.itemId}".`);
    scores.set(answer.key, answer.score);
    byItem.set(slot, scores);
  }
  return byItem;
}

function respondents(keys: Iterable<string>, linesByKey: ReadonlyMap<string, readonly string[]>): Respondent[] {
  return [...keys].map((key) => {
    const lines = linesByKey.get(key);
    if (!lines) throw new RangeError('No reporting lines were given for a respondent: the reporting rule cannot be applied.');
    return { key, lines };
  });
}

function matchedFigures(pre: ScoresByKey, post: ScoresByKey, matched: readonly string[], minimumPeople: number) {
  const before = matched.map((key) => pre.get(key) as Score);
  const after = matched.map((key) => post.get(key) as Score);
  const table = { both: 0, up: 0, down: 0, neither: 0 };
  before.forEach((b, i) => {
    const wasFavorable = b >= 4;
    const isFavorable = after[i] >= 4;
    if (wasFavorable && isFavorable) table.both++;
    else if (isFavorable) table.up++;
    else if (wasFavorable) table.down++;
    else table.neither++;
  });
  const preFavorability = favorability(before);
  const postFavorability = favorability(after);
  const mcnemarP = mcnemarExact(table.up, table.down);
  const wilcoxon = wilcoxonSignedRank(after.map((a, i) => a - before[i]));
  const [low, high] = pairedChangeInterval(table);
  const facts = { pre: preFavorability.share, post: postFavorability.share, people: matched.length, up: table.up, down: table.down, p: mcnemarP };
  return {
    matchedPeople: matched.length,
    pre: preFavorability,
    post: postFavorability,
    pointsChange: (postFavorability.share - preFavorability.share) * 100,
    up: table.up,
    down: table.down,
    mcnemarP,
    wilcoxon,
    effectSize: wilcoxon.r,
    ci95Points: [low * 100, high * 100] as Interval,
    verdict: changeVerdict(matched.length, mcnemarP, minimumPeople),
    sentence: describeChange(facts, minimumPeople),
  };
}

function itemResult(item: SurveyItem, role: SurveyRole, pre: ScoresByKey, post: ScoresByKey, input: ResultsInput): ItemResult {
  const matched = [...pre.keys()].filter((key) => post.has(key));
  const visibility = suppressGroups(
    [
      { id: 'matched', members: respondents(matched, input.linesByKey), precedence: 1 },
      { id: 'pre', members: respondents(pre.keys(), input.linesByKey) },
      { id: 'post', members: respondents(post.keys(), input.linesByKey) },
    ],
    input.reporting,
  );
  const heading = { itemId: item.id, itemText: item.text, role };
  const matchedVisibility = visibility.matched;
  if (!matchedVisibility.shown) return { shown: false, ...heading, warning: { reason: matchedVisibility.reason, message: matchedVisibility.message } };
  const everyone: ShownItemResult['everyone'] = {};
  if (visibility.pre.shown) everyone.pre = favorability([...pre.values()]);
  if (visibility.post.shown) everyone.post = favorability([...post.values()]);
  return { shown: true, ...heading, ...matchedFigures(pre, post, matched, input.minimumPeopleForVerdict ?? MIN_PEOPLE_FOR_VERDICT), everyone };
}

/** One result per item and each role it is asked of, in the order of the items. */
export function surveyResults(input: ResultsInput): ItemResult[] {
  const pre = index(input.pre, 'pre');
  const post = index(input.post, 'post');
  const empty: ScoresByKey = new Map();
  return input.items.flatMap((item) => item.roles.map((role) => itemResult(item, role, pre.get(`${role}/${item.id}`) ?? empty, post.get(`${role}/${item.id}`) ?? empty, input)));
}

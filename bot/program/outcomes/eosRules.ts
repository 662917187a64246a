import { waveKey, type EosWave } from './eosCsv';
import { twoSidedP, Z_95 } from './normalDistribution';
import { twoProportionZ, type Interval } from './statistics';

/**
 * What the institution-wide survey says about the program. Pure: no SDK, no I/O.
 *
 * 1. The change between consecutive waves of each question, institution-wide, judged two ways side by side: by the
 *    two-proportion z-test (pooled SE for the test, Wald interval) and by the seed's rule ("with more than 15,000
 *    respondents, a difference of 5 points is considered significant and meaningful"). With thousands of respondents the
 *    test calls 2 points significant; with a hundred it misses 7; the page shows both so nobody mistakes one for the other.
 *    The institution-wide figure is the row without a unit; when a wave has only unit rows it is their
 *    respondent-weighted average.
 * 2. Where units are given, the difference in differences: the change in the participating executives' units minus the
 *    change in the other units, so the program is not credited with the whole institution's drift. Each side is the
 *    respondent-weighted favorability of its units, over the units reported in both waves (a unit in one wave only is
 *    left out, or the two sides would not compare like with like). Its variance treats each unit's favorable count as
 *    binomial and the waves as independent samples:
 *        Var(p̂_side,wave) = Σ_units n_u·p_u·(1 − p_u) / (Σ_units n_u)²
 *        Var(DiD) = the sum of the four, z = DiD / √Var(DiD), 95% interval DiD ± 1.96·√Var(DiD).
 *    Many people answer both waves, which makes the changes positively correlated within a side; ignoring that
 *    overstates the variance, so the test errs on the cautious side.
 */
export const MEANINGFUL_POINTS = 5;
export const SIGNIFICANCE_LEVEL = 0.05;

export interface WavePoint {
  waveDate: string;
  /** 0–100. */
  percentFavorable: number;
  respondents: number;
}

/** A change in points, judged by the test and by the seed's rule. */
export interface JudgedChange {
  points: number;
  z: number;
  /** Two-sided. */
  p: number;
  ci95Points: Interval;
  significantByTest: boolean;
  meaningfulByRule: boolean;
}

export interface WaveChange extends JudgedChange {
  question: string;
  from: WavePoint;
  to: WavePoint;
}

export interface SideChange {
  units: string[];
  from: WavePoint;
  to: WavePoint;
  points: number;
}

/** In an available comparison, points is the participating units' change minus the rest's. */
export type UnitComparison =
  | ({ available: true; question: string; fromDate: string; toDate: string; participating: SideChange; rest: SideChange } & JudgedChange)
  | { available: false; question: string; fromDate: string; toDate: string; reason: string };

/** The interval comes in as fractions and goes out in points. */
function judged(points: number, z: number, p: number, ci95: Interval): JudgedChange {
  return {
    points,
    z,
    p,
    ci95Points: [ci95[0] * 100, ci95[1] * 100],
    significantByTest: p < SIGNIFICANCE_LEVEL,
    // Percentages arrive with decimals (65.6 − 60.6 is 4.999…): compare with a margin far below any reported precision.
    meaningfulByRule: Math.abs(points) >= MEANINGFUL_POINTS - 1e-9,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Respondent-weighted favorability of some rows, with its stratified variance (as a fraction). */
function pooled(rows: readonly EosWave[]): { point: WavePoint; variance: number } {
  const respondents = rows.reduce((sum, r) => sum + r.respondents, 0);
  const favorable = rows.reduce((sum, r) => sum + r.respondents * r.favorable, 0) / respondents;
  const variance = rows.reduce((sum, r) => sum + r.respondents * r.favorable * (1 - r.favorable), 0) / respondents ** 2;
  return { point: { waveDate: rows[0].waveDate, percentFavorable: favorable * 100, respondents }, variance };
}

/** The questions, each with its waves in date order (rows of one wave together). */
function byQuestion(waves: readonly EosWave[]): { question: string; waves: EosWave[][] }[] {
  const unique = new Map(waves.map((w) => [waveKey(w), w]));
  return [...groupBy([...unique.values()], (w) => w.question.toLowerCase()).values()].map((rows) => ({
    question: rows[0].question,
    waves: [...groupBy(rows, (w) => w.waveDate).values()].sort((a, b) => (a[0].waveDate < b[0].waveDate ? -1 : 1)),
  }));
}

function institutionPoint(rows: readonly EosWave[]): WavePoint {
  const whole = rows.find((r) => r.unit === undefined);
  return whole ? { waveDate: whole.waveDate, percentFavorable: whole.percentFavorable, respondents: whole.respondents } : pooled(rows).point;
}

/** Institution-wide change between each pair of consecutive waves of each question. */
export function waveChanges(waves: readonly EosWave[]): WaveChange[] {
  return byQuestion(waves).flatMap(({ question, waves: series }) =>
    series.slice(1).map((rows, i) => {
      const from = institutionPoint(series[i]);
      const to = institutionPoint(rows);
      const test = twoProportionZ(from.percentFavorable / 100, from.respondents, to.percentFavorable / 100, to.respondents);
      return { question, from, to, ...judged(to.percentFavorable - from.percentFavorable, test.z, test.p, test.ci95) };
    }),
  );
}

function side(before: readonly EosWave[], after: readonly EosWave[]): { change: SideChange; variance: number } {
  const from = pooled(before);
  const to = pooled(after);
  const units = before.map((r) => r.unit as string).sort((a, b) => a.localeCompare(b));
  return { change: { units, from: from.point, to: to.point, points: to.point.percentFavorable - from.point.percentFavorable }, variance: from.variance + to.variance };
}

function compareUnits(question: string, before: readonly EosWave[], after: readonly EosWave[], participating: ReadonlySet<string>): UnitComparison {
  const heading = { question, fromDate: before[0].waveDate, toDate: after[0].waveDate };
  const unitOf = (r: EosWave) => (r.unit as string).toLowerCase();
  const inBoth = new Set(before.filter((r) => r.unit !== undefined).map(unitOf));
  const laterUnits = new Set(after.filter((r) => r.unit !== undefined).map(unitOf));
  for (const unit of inBoth) if (!laterUnits.has(unit)) inBoth.delete(unit);
  const pick = (rows: readonly EosWave[], wanted: boolean) => rows.filter((r) => r.unit !== undefined && inBoth.has(unitOf(r)) && participating.has(unitOf(r)) === wanted);
  const [beforeP, afterP, beforeR, afterR] = [pick(before, true), pick(after, true), pick(before, false), pick(after, false)];
  if (beforeP.length === 0) return { available: false, ...heading, reason: 'No participating executive’s unit has results in both waves.' };
  if (beforeR.length === 0) return { available: false, ...heading, reason: 'No other unit has results in both waves to compare with.' };
  const mine = side(beforeP, afterP);
  const rest = side(beforeR, afterR);
  const difference = (mine.change.points - rest.change.points) / 100;
  const se = Math.sqrt(mine.variance + rest.variance);
  // A zero variance (every unit at 0% or 100%) leaves the Wald z at its limit.
  const z = se > 0 ? difference / se : difference === 0 ? 0 : Math.sign(difference) * Infinity;
  const ci95: Interval = [difference - Z_95 * se, difference + Z_95 * se];
  return { available: true, ...heading, participating: mine.change, rest: rest.change, ...judged(difference * 100, z, twoSidedP(z), ci95) };
}

/** For each question and pair of consecutive waves with unit rows: the participating units against the rest. */
export function participatingUnitsChange(waves: readonly EosWave[], participatingUnits: readonly string[]): UnitComparison[] {
  const participating = new Set(participatingUnits.map((u) => u.trim().toLowerCase()));
  return byQuestion(waves).flatMap(({ question, waves: series }) =>
    series
      .slice(1)
      .map((after, i) => ({ before: series[i], after }))
      .filter(({ before, after }) => before.some((r) => r.unit !== undefined) && after.some((r) => r.unit !== undefined))
      .map(({ before, after }) => compareUnits(question, before, after, participating)),
  );
}

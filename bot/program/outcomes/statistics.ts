import { fairCoinLowerTail } from './binomial';
import { twoSidedP, Z_95 } from './normalDistribution';

export { wilcoxonSignedRank, type WilcoxonResult, type WilcoxonOptions } from './wilcoxon';

/**
 * The tests behind the Outcomes page. Pure: no SDK, no I/O. Proportions are fractions from 0 to 1 everywhere (52% is
 * 0.52); changes are returned as fractions too, and shown as points (×100) by the caller.
 */

/** An interval [lower, upper]. */
export type Interval = [number, number];

function requireCount(value: number, label: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${label} must be a whole number ≥ 0, not ${value}.`);
}

/**
 * McNemar's exact test for paired yes/no answers: `up` people moved from no to yes, `down` from yes to no. Under "no
 * change" each of the up + down movers is equally likely to go either way, so the two-sided p is
 * min(1, 2·P(X ≤ min(up, down))) for X ~ Binomial(up + down, ½), computed exactly. This is the exact conditional test
 * (scipy.stats.binomtest(up, up + down, 0.5), R's binom.test); the mid-p variant is not used: it is less conservative,
 * but the exact p is the one a reader can check against any textbook table. No movers: p = 1.
 */
export function mcnemarExact(up: number, down: number): number {
  requireCount(up, 'The number who moved up');
  requireCount(down, 'The number who moved down');
  const movers = up + down;
  if (movers === 0) return 1;
  return Math.min(1, 2 * fairCoinLowerTail(movers, Math.min(up, down)));
}

export interface TwoProportionResult {
  /** (p2 − p1) / pooled standard error: positive when the second proportion is higher. */
  z: number;
  /** Two-sided p-value of z. */
  p: number;
  /** p2 − p1 (a fraction; ×100 for points). */
  difference: number;
  /** Wald 95% interval of p2 − p1 with the unpooled standard error, clipped to [−1, 1]. */
  ci95: Interval;
}

function requireProportion(value: number, label: string): void {
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new RangeError(`${label} must be a fraction from 0 to 1, not ${value}.`);
}

function requireRespondents(value: number, label: string): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${label} must be a whole number of respondents ≥ 1, not ${value}.`);
}

/**
 * Two independent proportions (two survey waves): the z-test uses the pooled standard error
 * √(p̄(1 − p̄)(1/n1 + 1/n2)), p̄ = (p1·n1 + p2·n2)/(n1 + n2), as the test assumes no difference; the interval uses the
 * unpooled √(p1(1 − p1)/n1 + p2(1 − p2)/n2), as it estimates the difference (Wald). Both proportions at 0 or both at 1
 * leave nothing to test: z = 0, p = 1. The Wald interval is fine for the thousands of respondents an institution-wide
 * survey has; for small paired groups use pairedChangeInterval.
 */
export function twoProportionZ(p1: number, n1: number, p2: number, n2: number): TwoProportionResult {
  requireProportion(p1, 'The first proportion');
  requireProportion(p2, 'The second proportion');
  requireRespondents(n1, 'The first group');
  requireRespondents(n2, 'The second group');
  const difference = p2 - p1;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = pooledSe === 0 ? 0 : difference / pooledSe;
  const unpooledSe = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const ci95: Interval = [Math.max(-1, difference - Z_95 * unpooledSe), Math.min(1, difference + Z_95 * unpooledSe)];
  return { z, p: twoSidedP(z), difference, ci95 };
}

export interface Favorability {
  /** Answers of 4 or 5 on the 5-point scale (the "top-2 box"). */
  favorable: number;
  n: number;
  /** favorable / n, a fraction. */
  share: number;
}

/** The share of 4s and 5s among 5-point answers. */
export function favorability(scores: readonly number[]): Favorability {
  if (scores.length === 0) throw new RangeError('Favorability needs at least one answer.');
  for (const s of scores) if (!Number.isInteger(s) || s < 1 || s > 5) throw new RangeError(`An answer must be a whole number from 1 to 5, not ${s}.`);
  const favorable = scores.filter((s) => s >= 4).length;
  return { favorable, n: scores.length, share: favorable / scores.length };
}

/** The 2×2 table of paired favorable/not answers. */
export interface PairedTable {
  /** Favorable before and after. */
  both: number;
  /** Not favorable before, favorable after. */
  up: number;
  /** Favorable before, not after. */
  down: number;
  /** Not favorable before or after. */
  neither: number;
}

/** Wilson's score interval for x successes in n at 95%. */
export function wilsonInterval(x: number, n: number): Interval {
  const z2 = Z_95 * Z_95;
  const centre = (x + z2 / 2) / (n + z2);
  const half = (Z_95 * Math.sqrt((x * (n - x)) / n + z2 / 4)) / (n + z2);
  return [centre - half, centre + half];
}

/**
 * 95% interval for the change in a paired proportion, post − pre = (up − down)/n: Newcombe's hybrid score
 * ("square-and-add") interval, method 10 of Newcombe (1998, Stat Med 17:2635). It combines the Wilson intervals of the
 * two margins with their correlation φ, taken as 0 when a margin is empty and with Newcombe's continuity adjustment
 * (ad − bc reduced by n/2 when it exceeds n/2, 0 when between 0 and n/2). Unlike the Wald interval it stays inside
 * [−1, 1] and does not collapse when nobody moved down, which is the common case in a small group.
 */
export function pairedChangeInterval(table: PairedTable): Interval {
  const { both, up, down, neither } = table;
  for (const [value, label] of [
    [both, 'both'],
    [up, 'up'],
    [down, 'down'],
    [neither, 'neither'],
  ] as const)
    requireCount(value, `The count "${label}"`);
  const n = both + up + down + neither;
  if (n === 0) throw new RangeError('The paired interval needs at least one pair.');
  const postFavorable = both + up;
  const preFavorable = both + down;
  const post = postFavorable / n;
  const pre = preFavorable / n;
  const [postLow, postHigh] = wilsonInterval(postFavorable, n);
  const [preLow, preHigh] = wilsonInterval(preFavorable, n);
  const margins = postFavorable * (n - postFavorable) * preFavorable * (n - preFavorable);
  let phi = 0;
  if (margins > 0) {
    const crossProduct = both * neither - up * down;
    const adjusted = crossProduct > n / 2 ? crossProduct - n / 2 : crossProduct >= 0 ? 0 : crossProduct;
    phi = adjusted / Math.sqrt(margins);
  }
  const change = post - pre;
  const belowPost = post - postLow;
  const abovePre = preHigh - pre;
  const abovePost = postHigh - post;
  const belowPre = pre - preLow;
  const lower = change - Math.sqrt(belowPost ** 2 - 2 * phi * belowPost * abovePre + abovePre ** 2);
  const upper = change + Math.sqrt(abovePost ** 2 - 2 * phi * abovePost * belowPre + belowPre ** 2);
  return [Math.max(-1, lower), Math.min(1, upper)];
}

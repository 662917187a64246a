import { twoSidedP } from './normalDistribution';

/**
 * Wilcoxon's signed-rank test for paired scores (post − pre), two-sided. Pure: no SDK, no I/O.
 *
 * - Zeros are dropped before ranking (Wilcoxon's own method; scipy `zero_method="wilcox"`, R's wilcox.test); n counts
 *   the non-zero differences.
 * - |d| is ranked with average ranks for ties.
 * - The statistic is V = W+, the sum of the ranks of the positive differences, as R reports it (scipy's two-sided
 *   `statistic` is min(W+, W−) instead; W− is returned too).
 * - p, when n ≤ 50 ("exact"): the exact distribution of W+ under random signs, counted by dynamic programming over the
 *   ranks actually observed. Without ties this is Wilcoxon's table (scipy method="exact"); with ties it is the exact
 *   conditional (permutation) distribution of the mid-ranks, the same p as scipy's exhaustive permutation method.
 *   Survey scores are whole numbers 1–5, so their differences almost always tie; the normal approximation is poor for
 *   the small groups a program has, and this is why ties do not send small samples to it.
 * - p, when n > 50 ("normal"): the normal approximation with the tie correction of the variance,
 *   σ² = n(n+1)(2n+1)/24 − Σ(t³ − t)/48, and a continuity correction of ½ towards the mean (scipy method="asymptotic",
 *   correction=True).
 * - Effect size r = z/√n, where z = (W+ − n(n+1)/4)/σ is the tie-corrected z without continuity correction, signed so
 *   that r > 0 when scores went up.
 */
export type WilcoxonMethod = 'exact' | 'normal' | 'no-change';

export interface WilcoxonResult {
  /** V = W+: the sum of the ranks of the positive differences. */
  statistic: number;
  /** W−: the sum of the ranks of the negative differences. */
  negativeRankSum: number;
  /** Non-zero differences (the ones ranked). */
  n: number;
  /** Zero differences, dropped. */
  zeros: number;
  /** Whether two or more |d| share a rank. */
  ties: boolean;
  /** Two-sided p-value. */
  p: number;
  /** Tie-corrected z without continuity correction (the basis of r). */
  z: number;
  /** Effect size r = z/√n. */
  r: number;
  method: WilcoxonMethod;
}

export interface WilcoxonOptions {
  /** "auto" (default): exact up to MAX_EXACT_N non-zero differences, normal beyond. "normal" forces the approximation. */
  method?: 'auto' | 'normal';
}

export const MAX_EXACT_N = 50;

interface Ranking {
  /** Ranks of |d| (average ranks for ties), in the order of the input. */
  ranks: number[];
  /** Σ (t³ − t) over groups of t tied values. */
  tieTerm: number;
}

function rankAbsolute(values: readonly number[]): Ranking {
  const order = values.map((v, i) => ({ size: Math.abs(v), i })).sort((a, b) => a.size - b.size);
  const ranks = new Array<number>(values.length);
  let tieTerm = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].size === order[start].size) end++;
    const t = end - start + 1;
    const averageRank = (start + end) / 2 + 1;
    for (let j = start; j <= end; j++) ranks[order[j].i] = averageRank;
    tieTerm += t * t * t - t;
    start = end + 1;
  }
  return { ranks, tieTerm };
}

/**
 * P-value from the exact distribution of W+ when each rank is added with probability ½. Ranks are doubled so that
 * average ranks (multiples of ½) index an array.
 */
function exactTwoSidedP(ranks: readonly number[], positiveRankSum: number): number {
  const doubled = ranks.map((r) => Math.round(2 * r));
  const total = doubled.reduce((a, b) => a + b, 0);
  let pmf = new Float64Array(total + 1);
  pmf[0] = 1;
  let reach = 0;
  for (const step of doubled) {
    const next = new Float64Array(total + 1);
    for (let w = 0; w <= reach; w++) {
      if (pmf[w] === 0) continue;
      next[w] += pmf[w] / 2;
      next[w + step] += pmf[w] / 2;
    }
    reach += step;
    pmf = next;
  }
  const observed = Math.round(2 * positiveRankSum);
  let lower = 0;
  let upper = 0;
  for (let w = 0; w <= total; w++) {
    if (w <= observed) lower += pmf[w];
    if (w >= observed) upper += pmf[w];
  }
  return Math.min(1, 2 * Math.min(lower, upper));
}

export function wilcoxonSignedRank(differences: readonly number[], options: WilcoxonOptions = {}): WilcoxonResult {
  if (differences.length === 0) throw new RangeError('The Wilcoxon test needs at least one paired difference.');
  if (differences.some((d) => !Number.isFinite(d))) throw new RangeError('Every paired difference must be a finite number.');
  const nonZero = differences.filter((d) => d !== 0);
  const zeros = differences.length - nonZero.length;
  const n = nonZero.length;
  if (n === 0) {
    return { statistic: 0, negativeRankSum: 0, n: 0, zeros, ties: false, p: 1, z: 0, r: 0, method: 'no-change' };
  }
  const { ranks, tieTerm } = rankAbsolute(nonZero);
  let statistic = 0;
  nonZero.forEach((d, i) => {
    if (d > 0) statistic += ranks[i];
  });
  const negativeRankSum = (n * (n + 1)) / 2 - statistic;
  const mean = (n * (n + 1)) / 4;
  const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
  const z = (statistic - mean) / sd;
  const method: WilcoxonMethod = options.method !== 'normal' && n <= MAX_EXACT_N ? 'exact' : 'normal';
  const p = method === 'exact' ? exactTwoSidedP(ranks, statistic) : twoSidedP((statistic - mean - 0.5 * Math.sign(statistic - mean)) / sd);
  return { statistic, negativeRankSum, n, zeros, ties: tieTerm > 0, p, z, r: z / Math.sqrt(n), method };
}

import { wilcoxonSignedRank } from '../../../bot/program/outcomes/statistics';
import { relativeError } from './relativeError';

/**
 * References from scipy 1.17.1 (numpy 2.4.6), with the call that gave each. scipy reports min(W+, W−) as its two-sided
 * statistic; we report V = W+ (as R does), so W+ is checked as "statistic" and min(W+, W−) through negativeRankSum.
 * `zNoCorrection` is scipy.stats.wilcoxon(d, method='asymptotic', correction=False).zstatistic, which scipy signs −|z|.
 */
const spread = (count: number): number[] => Array.from({ length: count }, (_, k) => (((k + 1) * 37) % 101) - 50 + (k + 1) / 1000);

describe('wilcoxonSignedRank', () => {
  // Hollander & Wolfe (1973), p. 29: Hamilton depression scale before (x) and after (y) the first treatment; the example
  // of R's wilcox.test, which prints V = 40, p-value = 0.01953 for alternative = "greater" (so 0.0390625 two-sided).
  const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
  const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
  const depression = x.map((value, i) => value - y[i]);

  it('reproduces the published depression-scale example exactly', () => {
    const result = wilcoxonSignedRank(depression);
    expect(result).toMatchObject({ statistic: 40, negativeRankSum: 5, n: 9, zeros: 0, ties: false, method: 'exact' });
    // 2 · #{subsets of 1..9 with sum ≤ 5} / 2⁹ = 2 · 10/512; scipy.stats.wilcoxon(x, y) gives 0.0390625 too.
    expect(result.p).toBeCloseTo(0.0390625, 15);
  });

  it('matches scipy’s normal approximation with continuity correction on the same data', () => {
    // scipy.stats.wilcoxon(x, y, method='asymptotic', correction=True).pvalue; the z without correction, -2.0732...
    const result = wilcoxonSignedRank(depression, { method: 'normal' });
    expect(result.method).toBe('normal');
    expect(relativeError(result.p, 0.04401098401295143)).toBeLessThan(1e-12);
    expect(relativeError(result.z, 2.073221072156823)).toBeLessThan(1e-12);
    expect(relativeError(result.r, 2.073221072156823 / 3)).toBeLessThan(1e-12);
  });

  // [name, differences, W+, two-sided p, scipy call, |z| without continuity correction]
  const references: [string, number[], number, number, string, number][] = [
    ['small survey answers with ties and zeros', [1, 1, 2, 0, -1, 1, 3, 1, 0, 2], 33, 0.046875, 'wilcoxon(d) (auto: exhaustive permutation, n ≤ 13)', 2.156655464068768],
    ['all tied', [1, 1, 1, 1, 1], 15, 0.0625, 'wilcoxon(d) (auto: exhaustive permutation)', 2.23606797749979],
    ['a single difference', [2], 1, 1, 'wilcoxon(d) (auto: exhaustive permutation)', 1],
    [
      '20 survey differences with ties and zeros',
      [4, 2, 0, -2, 5, 3, 1, -1, -3, 4, 2, 0, -2, 5, 3, 1, -1, -3, 4, 2],
      129,
      0.058135986328125,
      'permutation_test((d,), W+, permutation_type="samples", n_resamples=np.inf) (exhaustive, 2²⁰)',
      1.9046275328318112,
    ],
    ['12 without ties', spread(12), 34, 0.7333984375, "wilcoxon(d, method='exact')", 0.3922322702763681],
    ['50 without ties (the largest exact)', spread(50), 656, 0.8632650227005474, 'wilcoxon(d) (auto: exact)', 0.17858565547786243],
  ];
  it.each(references)('%s: exact p matches scipy', (_name, differences, statistic, p, _call, z) => {
    const result = wilcoxonSignedRank(differences);
    expect(result.method).toBe('exact');
    expect(result.statistic).toBe(statistic);
    expect(relativeError(result.p, p)).toBeLessThan(1e-12);
    expect(relativeError(Math.abs(result.z), z)).toBeLessThan(1e-12);
  });

  // [name, differences, W+, min(W+, W−), scipy.stats.wilcoxon(d, method='asymptotic', correction=True).pvalue, |z| without
  // continuity correction]. scipy's own default is correction=False; with it the p-values would be 0.78575, 0.00031725, 0.79075.
  const normal: [string, number[], number, number, number, number][] = [
    ['51 without ties (the first approximated)', spread(51), 692, 634, 0.7893584406725448, 0.2718305391679488],
    ['60 survey differences with ties and zeros', Array.from({ length: 60 }, (_, k) => (((k + 1) * 5) % 7) - 2), 1080.5, 297.5, 0.00032291063734521657, 3.6007897960977915],
    ['300 without ties', spread(300), 22974, 22176, 0.7910061894774132, 0.26533675002601415],
  ];
  it.each(normal)('%s: normal approximation matches scipy', (_name, differences, statistic, smaller, p, z) => {
    const result = wilcoxonSignedRank(differences);
    expect(result.method).toBe('normal');
    expect(result.statistic).toBe(statistic);
    expect(Math.min(result.statistic, result.negativeRankSum)).toBe(smaller);
    expect(relativeError(result.p, p)).toBeLessThan(1e-12);
    expect(relativeError(Math.abs(result.z), z)).toBeLessThan(1e-12);
  });

  it('drops zeros (Wilcoxon’s method) and counts them', () => {
    const result = wilcoxonSignedRank([0, 0, 3, -1, 2, 0]);
    expect(result).toMatchObject({ n: 3, zeros: 3, statistic: 5, negativeRankSum: 1 });
    expect(result.p).toBe(wilcoxonSignedRank([3, -1, 2]).p);
  });

  it('signs z and r by direction: positive when scores went up', () => {
    const up = wilcoxonSignedRank([1, 2, 1, 3, -1, 2]);
    const down = wilcoxonSignedRank([-1, -2, -1, -3, 1, -2]);
    expect(up.r).toBeGreaterThan(0);
    expect(down.r).toBeCloseTo(-up.r, 15);
    expect(down.p).toBe(up.p);
  });

  it('reports no change, p = 1, when every difference is zero', () => {
    expect(wilcoxonSignedRank([0, 0, 0])).toEqual({ statistic: 0, negativeRankSum: 0, n: 0, zeros: 3, ties: false, p: 1, z: 0, r: 0, method: 'no-change' });
  });

  it('is exact where the normal approximation would overstate a small all-tied group', () => {
    // Five people each up one point: exact p = 2/2⁵; the tie-corrected normal approximation says 0.037.
    expect(wilcoxonSignedRank([1, 1, 1, 1, 1]).p).toBe(0.0625);
    expect(wilcoxonSignedRank([1, 1, 1, 1, 1], { method: 'normal' }).p).toBeLessThan(0.05);
  });

  it('refuses no differences and values that are not finite', () => {
    expect(() => wilcoxonSignedRank([])).toThrow('at least one');
    expect(() => wilcoxonSignedRank([1, Number.NaN])).toThrow('finite');
    expect(() => wilcoxonSignedRank([1, Infinity])).toThrow('finite');
  });
});

import { fairCoinLowerTail, MAX_EXACT_TRIALS } from '../../../bot/program/outcomes/binomial';
import { favorability, mcnemarExact, pairedChangeInterval, twoProportionZ, wilsonInterval } from '../../../bot/program/outcomes/statistics';
import { relativeError } from './relativeError';

/**
 * Published worked examples, and references computed with scipy 1.17.1 (numpy 2.4.6); each scipy call is written beside
 * its value. Regenerate them with `python3 tests/program/outcomes/scipyReferences.py`.
 */
describe('mcnemarExact', () => {
  it('matches the published exact p of the airway hyper-responsiveness example (1 and 7 discordant pairs)', () => {
    // Bentur et al. (2009) via Fagerland, Lydersen & Laake (2013), BMC Med Res Methodol 13:91: exact conditional
    // McNemar p = 0.070 (mid-p 0.039, which we do not use). 2·(1 + 8)/2⁸ = 0.0703125 exactly.
    expect(mcnemarExact(7, 1)).toBe(0.0703125);
    expect(mcnemarExact(1, 7)).toBe(0.0703125);
  });

  it('gives the issue example: 5 up and none down is p = 2/2⁵', () => {
    expect(mcnemarExact(5, 0)).toBe(0.0625);
  });

  // [up, down, scipy.stats.binomtest(min(up, down), up + down, 0.5).pvalue]
  const references: [number, number, number][] = [
    [150, 86, 3.7159361395713866e-5], // Agresti's presidential approval ratings (discordant cells)
    [1200, 1050, 0.001676668278150276],
    [2000, 3000, 1.3002310005205326e-45],
    [60, 0, 1.734723475976807e-18], // = 2/2⁶⁰
  ];
  it.each(references)('up %p, down %p matches scipy binomtest to a relative 1e-12', (up, down, expected) => {
    expect(relativeError(mcnemarExact(up, down), expected)).toBeLessThan(1e-12);
  });

  it('gives p = 1 with no movers, equal movers, or a single mover', () => {
    expect(mcnemarExact(0, 0)).toBe(1);
    expect(mcnemarExact(10, 10)).toBe(1);
    expect(mcnemarExact(1, 0)).toBe(1);
  });

  it('refuses counts that are negative or not whole', () => {
    expect(() => mcnemarExact(-1, 2)).toThrow(RangeError);
    expect(() => mcnemarExact(1.5, 2)).toThrow('whole number');
    expect(() => mcnemarExact(Number.NaN, 2)).toThrow(RangeError);
  });
});

describe('fairCoinLowerTail', () => {
  it('is exact: the sum of binomial coefficients over 2ⁿ', () => {
    expect(fairCoinLowerTail(4, 1)).toBe(5 / 16);
    expect(fairCoinLowerTail(10, 5)).toBe(638 / 1024);
    expect(fairCoinLowerTail(10, -1)).toBe(0);
    expect(fairCoinLowerTail(10, 10)).toBe(1);
    expect(fairCoinLowerTail(0, 0)).toBe(1);
  });

  it('is symmetric, P(X ≤ k) + P(X ≤ n − k − 1) = 1, for thousands of trials', () => {
    expect(Math.abs(fairCoinLowerTail(5001, 2400) + fairCoinLowerTail(5001, 2600) - 1)).toBeLessThan(1e-15);
    expect(fairCoinLowerTail(5000, 2499) + fairCoinLowerTail(5000, 2500)).toBeCloseTo(1, 15);
  });

  it('underflows to 0 only below the smallest double', () => {
    expect(fairCoinLowerTail(1000, 0)).toBe(2 ** -1000);
    expect(fairCoinLowerTail(1100, 0)).toBe(0);
  });

  it('refuses more trials than it can count quickly', () => {
    expect(() => fairCoinLowerTail(MAX_EXACT_TRIALS + 1, 3)).toThrow('limited');
  });
});

describe('twoProportionZ', () => {
  it('reproduces the published Physicians’ Health Study interval (Agresti, Categorical Data Analysis, §2.2)', () => {
    // Myocardial infarction: 104 of 11,037 on aspirin, 189 of 11,034 on placebo. Published: difference 0.0077,
    // 95% CI (0.005, 0.011); Pearson X² = 25.01, which is z² for the pooled z.
    const result = twoProportionZ(104 / 11037, 11037, 189 / 11034, 11034);
    expect(result.difference).toBeCloseTo(0.0077, 4);
    expect(result.ci95[0]).toBeCloseTo(0.005, 3);
    expect(result.ci95[1]).toBeCloseTo(0.011, 3);
    expect(result.z ** 2).toBeCloseTo(25.01, 2);
  });

  // References: d = p2 − p1; pooled z = d / sqrt(pb(1 − pb)(1/n1 + 1/n2)); p = 2·scipy.stats.norm.sf(|z|);
  // interval d ∓ scipy.stats.norm.ppf(0.975)·sqrt(p1(1 − p1)/n1 + p2(1 − p2)/n2).
  const references: [string, [number, number, number, number], { z: number; p: number; difference: number; ci95: [number, number] }][] = [
    [
      'the seed’s 45% → 52% of 15,000',
      [0.45, 15000, 0.52, 15000],
      { z: 12.12981529856327, p: 7.341483363922854e-34, difference: 0.07, ci95: [0.0587170063672001, 0.08128299363279992] },
    ],
    [
      'the seed’s 58% → 69% of 15,000',
      [0.58, 15000, 0.69, 15000],
      { z: 19.787458725492595, p: 3.8181427103892106e-87, difference: 0.11, ci95: [0.09917574510503513, 0.12082425489496484] },
    ],
    [
      'aspirin',
      [104 / 11037, 11037, 189 / 11034, 11034],
      { z: 5.001388204008378, p: 5.691896973740836e-7, difference: 0.0077060239760047815, ci95: [0.004687750675049439, 0.010724297276960124] },
    ],
    ['30% → 70% of 20', [0.3, 20, 0.7, 20], { z: 2.529822128134703, p: 0.011412036386001658, difference: 0.4, ci95: [0.1159742349106746, 0.6840257650893253] }],
    ['45% → 46% of 15,000', [0.45, 15000, 0.46, 15000], { z: 1.7391085179891677, p: 0.0820156766434112, difference: 0.01, ci95: [-0.0012693668239234998, 0.021269366823923518] }],
  ];
  it.each(references)('%s matches the scipy reference', (_name, [p1, n1, p2, n2], expected) => {
    const result = twoProportionZ(p1, n1, p2, n2);
    expect(relativeError(result.z, expected.z)).toBeLessThan(1e-12);
    expect(relativeError(result.p, expected.p)).toBeLessThan(1e-11);
    expect(relativeError(result.difference, expected.difference)).toBeLessThan(1e-12);
    expect(relativeError(result.ci95[0], expected.ci95[0])).toBeLessThan(1e-12);
    expect(relativeError(result.ci95[1], expected.ci95[1])).toBeLessThan(1e-12);
  });

  it('finds nothing when the proportions are equal, and an interval around 0', () => {
    const result = twoProportionZ(0.5, 100, 0.5, 300);
    expect(result).toMatchObject({ z: 0, p: 1, difference: 0 });
    expect(relativeError(result.ci95[1], 0.11315857340761717)).toBeLessThan(1e-12);
    expect(result.ci95[0]).toBe(-result.ci95[1]);
  });

  it('treats both at 0% or both at 100% as no evidence, without dividing by zero', () => {
    expect(twoProportionZ(0, 10, 0, 12)).toEqual({ z: 0, p: 1, difference: 0, ci95: [0, 0] });
    expect(twoProportionZ(1, 10, 1, 12)).toEqual({ z: 0, p: 1, difference: 0, ci95: [0, 0] });
  });

  it('keeps the Wald interval inside [−1, 1]', () => {
    const result = twoProportionZ(0.05, 3, 0.95, 3);
    expect(result.ci95[1]).toBe(1);
    expect(result.ci95[0]).toBeGreaterThan(-1);
  });

  it.each([
    ['no respondents', [0.5, 0, 0.5, 10]],
    ['a fraction of a respondent', [0.5, 10.5, 0.5, 10]],
    ['a percentage instead of a fraction', [45, 100, 52, 100]],
    ['a negative proportion', [-0.1, 100, 0.5, 100]],
    ['NaN', [Number.NaN, 100, 0.5, 100]],
  ])('refuses %s', (_name, [p1, n1, p2, n2]) => {
    expect(() => twoProportionZ(p1, n1, p2, n2)).toThrow(RangeError);
  });
});

describe('favorability', () => {
  it('counts 4s and 5s', () => {
    expect(favorability([5, 4, 3, 2, 1, 4, 4, 3])).toEqual({ favorable: 4, n: 8, share: 0.5 });
    expect(favorability([3])).toEqual({ favorable: 0, n: 1, share: 0 });
    expect(favorability([5, 5])).toEqual({ favorable: 2, n: 2, share: 1 });
  });

  it('refuses no answers and answers off the scale', () => {
    expect(() => favorability([])).toThrow('at least one');
    expect(() => favorability([0, 4])).toThrow('1 to 5');
    expect(() => favorability([6])).toThrow('1 to 5');
    expect(() => favorability([4.5])).toThrow('1 to 5');
  });
});

describe('pairedChangeInterval (Newcombe’s hybrid score interval)', () => {
  it('reproduces the published interval for the complete-response example', () => {
    // Cavo et al. (2012), in Fagerland, Lydersen & Laake, Statistical Analysis of Contingency Tables (2017), ch. 8:
    // table [[59, 6], [16, 80]], Newcombe square-and-add: estimate −0.0621, 95% CI −0.1186 to −0.0046.
    const [lower, upper] = pairedChangeInterval({ both: 59, up: 6, down: 16, neither: 80 });
    expect(lower).toBeCloseTo(-0.1186, 4);
    expect(upper).toBeCloseTo(-0.0046, 4);
  });

  // [table, scipy reference]: Wilson limits from scipy.stats.binomtest(x, n).proportion_ci(0.95, method='wilson'),
  // combined with Newcombe's formula (method 10) in scipyReferences.py.
  const references: [string, { both: number; up: number; down: number; neither: number }, [number, number]][] = [
    ['complete response (Cavo)', { both: 59, up: 6, down: 16, neither: 80 }, [-0.11862119563870996, -0.00462511393305004]],
    ['airway hyper-responsiveness (Bentur)', { both: 1, up: 1, down: 7, neither: 12 }, [-0.506920226686141, -0.025559124164859837]],
    ['the issue example, 5 of 20 up and none down', { both: 8, up: 5, down: 0, neither: 7 }, [0.03301159685021507, 0.4266925855856962]],
    ['nobody moved', { both: 10, up: 0, down: 0, neither: 10 }, [-0.08975665937768049, 0.08975665937768049]],
    ['everyone moved up', { both: 0, up: 10, down: 0, neither: 0 }, [0.6075093504305242, 1]],
    ['as many up as down', { both: 12, up: 3, down: 3, neither: 2 }, [-0.2507670920553039, 0.2507670920553039]],
  ];
  it.each(references)('%s matches the scipy reference to 1e-12', (_name, table, [lower, upper]) => {
    const interval = pairedChangeInterval(table);
    expect(Math.abs(interval[0] - lower)).toBeLessThan(1e-12);
    expect(Math.abs(interval[1] - upper)).toBeLessThan(1e-12);
  });

  it('uses Wilson intervals that match scipy', () => {
    // scipy.stats.binomtest(5, 20).proportion_ci(0.95, method='wilson') and binomtest(0, 10)...
    const [low, high] = wilsonInterval(5, 20);
    expect(relativeError(low, 0.11186170140766571)).toBeLessThan(1e-12);
    expect(relativeError(high, 0.468700877618744)).toBeLessThan(1e-12);
    expect(wilsonInterval(0, 10)[0]).toBeCloseTo(0, 15);
    expect(relativeError(wilsonInterval(0, 10)[1], 0.27753279986288926)).toBeLessThan(1e-12);
  });

  it('refuses an empty table and negative counts', () => {
    expect(() => pairedChangeInterval({ both: 0, up: 0, down: 0, neither: 0 })).toThrow('at least one pair');
    expect(() => pairedChangeInterval({ both: 1, up: -1, down: 0, neither: 0 })).toThrow(RangeError);
  });
});

import { erfc, normalCdf, normalUpperTail, twoSidedP, Z_95 } from '../../../bot/program/outcomes/normalDistribution';
import { relativeError } from './relativeError';

/**
 * References from scipy 1.17.1 (numpy 2.4.6): scipy.special.erfc(x), scipy.stats.norm.sf(z), norm.cdf(z),
 * norm.ppf(0.975), printed with repr (17 significant digits).
 */
describe('erfc', () => {
  // [x, scipy.special.erfc(x)]
  const references: [number, number][] = [
    [-3, 1.9999779095030015],
    [-1, 1.8427007929497148],
    [-0.5, 1.5204998778130465],
    [0, 1.0],
    [1e-8, 0.9999999887162083],
    [0.1, 0.8875370839817152],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028516],
    [1.4999, 0.033906748337704726], // last point of the series
    [1.5, 0.03389485352468927], // first point of the continued fraction
    [2, 0.004677734981047266],
    [3, 2.2090496998585445e-5],
    [5, 1.5374597944280347e-12],
    [10, 2.0884875837625446e-45],
    [20, 5.395865611607901e-176],
    [26.5, 2.2109076642637343e-307],
  ];
  it.each(references)('erfc(%p) matches scipy to a relative 1e-14', (x, expected) => {
    expect(relativeError(erfc(x), expected)).toBeLessThan(1e-14);
  });

  it('is continuous where the series hands over to the continued fraction', () => {
    const below = erfc(1.5 - 1e-12);
    const at = erfc(1.5);
    expect(relativeError(below, at)).toBeLessThan(1e-10);
  });

  it('reaches 0 and 2 at the ends and passes NaN through', () => {
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erfc(40)).toBe(0);
    expect(erfc(Number.NaN)).toBeNaN();
  });
});

describe('normal tails', () => {
  // [z, scipy.stats.norm.sf(z), scipy.stats.norm.cdf(z)]
  const references: [number, number, number][] = [
    [-2.5, 0.9937903346742238, 0.006209665325776132],
    [0, 0.5, 0.5],
    [1, 0.15865525393145707, 0.8413447460685429],
    [1.959963984540054, 0.025, 0.975],
    [3, 0.0013498980316300933, 0.9986501019683699],
    [6, 9.865876450376946e-10, 0.9999999990134123],
    [12.13, 3.6624718810663132e-34, 1.0],
    [19.79, 1.8152088977260989e-87, 1.0],
    [30, 4.906713927147908e-198, 1.0],
  ];
  // z/√2 is rounded before erfc sees it; erfc's relative sensitivity to its argument is 2x, so the far tail can lose a
  // few digits more (about z²·1e-16): 1e-12 covers z = 30.
  it.each(references)('at z = %p the upper tail and the CDF match scipy', (z, sf, cdf) => {
    expect(relativeError(normalUpperTail(z), sf)).toBeLessThan(1e-12);
    expect(relativeError(normalCdf(z), cdf)).toBeLessThan(1e-14);
  });

  it('gives two-sided p-values, symmetric in z and at most 1', () => {
    expect(relativeError(twoSidedP(Z_95), 0.05)).toBeLessThan(1e-14);
    expect(twoSidedP(-Z_95)).toBe(twoSidedP(Z_95));
    expect(twoSidedP(0)).toBe(1);
    expect(relativeError(twoSidedP(12.13), 2 * 3.6624718810663132e-34)).toBeLessThan(1e-12);
  });

  it('has Z_95 equal to scipy.stats.norm.ppf(0.975)', () => {
    expect(Z_95).toBe(1.959963984540054);
    expect(relativeError(normalUpperTail(Z_95), 0.025)).toBeLessThan(1e-14);
  });
});

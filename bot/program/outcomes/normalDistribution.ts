/**
 * The standard normal distribution, to near machine precision in the tails, because survey p-values for 15,000
 * respondents are as small as 1e-80 and must not round to 0 or lose their digits. Pure: no SDK, no I/O.
 *
 * erfc uses two expansions with no fitted constants, so its accuracy can be argued rather than trusted:
 * - below 1.5, the all-positive series erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)), then 1 − erf
 *   (erfc ≥ 0.034 there, so the subtraction costs no relative precision worth naming);
 * - from 1.5, the continued fraction erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + 3⁄2/(x + …)))), evaluated by Lentz's
 *   method (under 100 terms at 1.5, a handful in the far tail).
 * e^(−x²) is computed as e^(−h²)·e^(−(x−h)(x+h)) with h = x rounded to 1/16, so x² is not rounded at large x.
 * Checked against scipy.special.erfc to a relative 1e-14 (tests/program/outcomes/normalDistribution.test.ts).
 */

/** The 97.5th percentile of the standard normal: scipy.stats.norm.ppf(0.975). */
export const Z_95 = 1.959963984540054;

const SERIES_LIMIT = 1.5;
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);

/** e^(−x²) without the rounding of x² (see above). */
function expMinusSquare(x: number): number {
  const h = Math.round(x * 16) / 16;
  return Math.exp(-h * h) * Math.exp(-(x - h) * (x + h));
}

function erfSeriesSum(x: number): number {
  const twoXSquared = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 1; term > sum * 1e-17; n++) {
    term *= twoXSquared / (2 * n + 1);
    sum += term;
  }
  return sum;
}

/** 1 / (x + ½/(x + 1/(x + …))) by the modified Lentz method. */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 1000; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / f;
}

/** The complementary error function, erfc(x) = 1 − erf(x). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x === Infinity) return 0;
  if (x < SERIES_LIMIT) return 1 - TWO_OVER_SQRT_PI * expMinusSquare(x) * erfSeriesSum(x);
  return expMinusSquare(x) * ONE_OVER_SQRT_PI * erfcContinuedFraction(x);
}

/** P(Z > z) for a standard normal Z. */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** P(Z ≤ z) for a standard normal Z. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** The two-sided p-value of a z statistic: P(|Z| ≥ |z|). */
export function twoSidedP(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

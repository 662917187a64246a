/** |actual − expected| / |expected| (or the absolute error when expected is 0): how the outcome tests state tolerance. */
export function relativeError(actual: number, expected: number): number {
  if (expected === 0) return Math.abs(actual);
  return Math.abs(actual - expected) / Math.abs(expected);
}

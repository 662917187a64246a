/**
 * The plain sentence under each survey result, e.g. "+25 points, 5 of 20 moved up and none down; with 20 people this
 * could still be chance, p = 0.06". Pure: no SDK, no I/O.
 *
 * A verdict needs enough people: below MIN_PEOPLE_FOR_VERDICT matched respondents the sentence gives the change and a
 * warning, never a p-value, because a test on a handful of people can neither confirm nor rule out a change (with fewer
 * than six movers McNemar's exact p cannot even reach 0.05). Otherwise p < 0.05 reads "unlikely to be chance alone".
 */
export const MIN_PEOPLE_FOR_VERDICT = 10;
export const SIGNIFICANCE_LEVEL = 0.05;

export type ChangeVerdict = 'too-few-to-tell' | 'could-be-chance' | 'unlikely-to-be-chance';

export interface ChangeFacts {
  /** Favorability before and after, as fractions (0.4 is 40%). */
  pre: number;
  post: number;
  /** People who answered both surveys. */
  people: number;
  /** Moved from not favorable to favorable, and back. */
  up: number;
  down: number;
  /** The two-sided p of the change (McNemar's exact test). */
  p: number;
}

export function changeVerdict(people: number, p: number, minimumPeople = MIN_PEOPLE_FOR_VERDICT): ChangeVerdict {
  if (people < minimumPeople) return 'too-few-to-tell';
  return p < SIGNIFICANCE_LEVEL ? 'unlikely-to-be-chance' : 'could-be-chance';
}

/** Whole points, rounded half away from zero so +2.5 and −2.5 read alike: "+25 points", "-3 points", "no change". */
export function formatPoints(change: number): string {
  const points = Math.sign(change) * Math.round(Math.abs(change * 100));
  if (points === 0) return 'no change';
  const unit = Math.abs(points) === 1 ? 'point' : 'points';
  return `${points > 0 ? '+' : ''}${points} ${unit}`;
}

/**
 * Two decimals, three below 0.01, "< 0.001" below that; never a rounding that lands on the other side of 0.05
 * (0.0496 reads 0.050, not 0.05).
 */
export function formatP(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  if (p < 0.01) return `p = ${p.toFixed(3)}`;
  const two = p.toFixed(2);
  if (p < SIGNIFICANCE_LEVEL && Number(two) >= SIGNIFICANCE_LEVEL) return `p = ${p.toFixed(3)}`;
  return `p = ${two === '1.00' ? '1' : two}`;
}

function people(count: number): string {
  return count === 1 ? '1 person' : `${count} people`;
}

function movers(up: number, down: number, total: number): string {
  if (up === 0 && down === 0) return `none of ${total} moved up or down`;
  return `${up === 0 ? 'none' : up} of ${total} moved up and ${down === 0 ? 'none' : down} down`;
}

export function describeChange(facts: ChangeFacts, minimumPeople = MIN_PEOPLE_FOR_VERDICT): string {
  const { pre, post, up, down, p } = facts;
  const total = facts.people;
  if (!Number.isInteger(total) || total < 1 || !Number.isInteger(up) || !Number.isInteger(down) || up < 0 || down < 0 || up + down > total) {
    throw new RangeError(`Inconsistent change: ${up} up and ${down} down of ${total} people.`);
  }
  const head = `${formatPoints(post - pre)}, ${movers(up, down, total)}`;
  switch (changeVerdict(total, p, minimumPeople)) {
    case 'too-few-to-tell':
      return `${head}; ${people(total)} ${total === 1 ? 'is' : 'are'} too few to tell a change from chance`;
    case 'could-be-chance':
      return `${head}; with ${people(total)} this could still be chance, ${formatP(p)}`;
    case 'unlikely-to-be-chance':
      return `${head}; with ${people(total)} this is unlikely to be chance alone, ${formatP(p)}`;
  }
}

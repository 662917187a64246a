import type { Rule, Violation } from './api';
import { FORBIDDEN } from './solver/assignment';

export type { Rule, Violation };

/**
 * Who may be paired with whom, and how well: the mutual-interest score and the hard rules. Pure: no SDK, no I/O.
 *
 * Score of an executive × mentor pair (integers, so ties stay exact in the solver):
 *   perSharedTopic × (topics both chose) + differentDepartmentBonus when both departments are known and differ.
 * The bonus rewards cross-functional knowledge sharing, which the program values.
 *
 * Hard rules (a pair breaking one is never proposed; the taskforce may place it by hand only with a written reason):
 * - chainOfCommand: the mentor is one of the executive's managers at any level, or reports up to the executive;
 * - pairedBefore: the two were a confirmed pair in an earlier cohort;
 * - banned: the taskforce banned the pair.
 */
export interface ScoringRules {
  perSharedTopic: number;
  differentDepartmentBonus: number;
}

export const DEFAULT_SCORING: ScoringRules = { perSharedTopic: 10, differentDepartmentBonus: 3 };

export function formulaText(scoring: ScoringRules): string {
  return `${scoring.perSharedTopic} points for each topic both chose, plus ${scoring.differentDepartmentBonus} when they work in different departments.`;
}

/** An accepted applicant as matching sees them. */
export interface Participant {
  id: string;
  department?: string | null;
  topicIds: readonly string[];
}

export interface PairRef {
  executiveId: string;
  mentorId: string;
}

/** The part of the directory the chain-of-command rule needs (the OrgIndex). */
export interface Hierarchy {
  /** The managers above a person up to the top (a loop of managers listed once). */
  chainOf(id: string): readonly { id: string }[];
  isInChainOfCommand(personId: string, executiveId: string): boolean;
}

export interface HardRules {
  hierarchy: Hierarchy;
  /** Confirmed pairs of earlier cohorts. */
  pairedBefore: readonly PairRef[];
  bans: readonly PairRef[];
}

export function pairKey(executiveId: string, mentorId: string): string {
  return `${executiveId}|${mentorId}`;
}

/** Every rule a single pair breaks (for a pair placed by hand, and for the tab's check before placing). */
export function violationsOf(executiveId: string, mentorId: string, rules: HardRules): Violation[] {
  const violations: Violation[] = [];
  if (executiveId === mentorId || rules.hierarchy.isInChainOfCommand(mentorId, executiveId)) {
    violations.push({ rule: 'chainOfCommand', message: 'The mentor is in the executive’s chain of command.' });
  }
  const key = pairKey(executiveId, mentorId);
  if (rules.pairedBefore.some((p) => pairKey(p.executiveId, p.mentorId) === key)) {
    violations.push({ rule: 'pairedBefore', message: 'The two were paired in an earlier cohort.' });
  }
  if (rules.bans.some((p) => pairKey(p.executiveId, p.mentorId) === key)) {
    violations.push({ rule: 'banned', message: 'The taskforce banned this pair.' });
  }
  return violations;
}

/** Score and shared topics of one pair, whatever the rules say. */
export function pairScore(executive: Participant, mentor: Participant, scoring: ScoringRules): { score: number; sharedTopicIds: string[] } {
  const mentorTopics = new Set(mentor.topicIds);
  const sharedTopicIds = [...new Set(executive.topicIds)].filter((id) => mentorTopics.has(id));
  const differ = !!executive.department && !!mentor.department && executive.department !== mentor.department;
  return { score: scoring.perSharedTopic * sharedTopicIds.length + (differ ? scoring.differentDepartmentBonus : 0), sharedTopicIds };
}

/** Scores of every executive (row) × mentor (column), with the hard rules applied, and per executive what they excluded. */
export interface ScoreMatrix {
  rows: number;
  cols: number;
  /** Row-major; FORBIDDEN where a hard rule makes the pair impossible. */
  scores: Float64Array;
  /** Per row: mentors in the executive's chain of command, and of those how many report up to the executive. */
  chainExcluded: Int32Array;
  chainBelow: Int32Array;
  /** Per row: mentors excluded by an earlier pairing or a ban (not counted again when already in the chain). */
  pairedBeforeExcluded: Int32Array;
  bannedExcluded: Int32Array;
  /** Per row: mentors no rule excludes. */
  eligible: Int32Array;
}

const CHAIN_BELOW = 1;
const CHAIN_ABOVE = 2;
const PAIRED_BEFORE = 3;
const BANNED = 4;

/**
 * Builds the score matrix. Fast enough for 1,000 × 5,000 in well under a second: topics are bitsets (up to 64 topics
 * in two 32-bit words), departments small integers, and the chain-of-command rule is found by walking each person's
 * managers once (O((rows + cols) × depth)) instead of asking the directory for every cell.
 */
export function scoreMatrix(
  executives: readonly Participant[],
  mentors: readonly Participant[],
  topicIds: readonly string[],
  rules: HardRules,
  scoring: ScoringRules,
): ScoreMatrix {
  const rows = executives.length;
  const cols = mentors.length;
  const bit = new Map(topicIds.slice(0, 64).map((id, i) => [id, i]));
  const departments = new Map<string, number>();
  const departmentOf = (d: string | null | undefined) => {
    if (!d) return -1;
    let k = departments.get(d);
    if (k === undefined) departments.set(d, (k = departments.size));
    return k;
  };
  const bits = (people: readonly Participant[]) => {
    const lo = new Int32Array(people.length);
    const hi = new Int32Array(people.length);
    const dept = new Int32Array(people.length);
    people.forEach((p, i) => {
      for (const id of p.topicIds) {
        const b = bit.get(id);
        if (b === undefined) continue;
        if (b < 32) lo[i] |= 1 << b;
        else hi[i] |= 1 << (b - 32);
      }
      dept[i] = departmentOf(p.department);
    });
    return { lo, hi, dept };
  };
  const e = bits(executives);
  const m = bits(mentors);
  const per = scoring.perSharedTopic;
  const bonus = scoring.differentDepartmentBonus;

  const scores = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const lo = e.lo[r];
    const hi = e.hi[r];
    const d = e.dept[r];
    const base = r * cols;
    for (let c = 0; c < cols; c++) {
      const md = m.dept[c];
      scores[base + c] = per * (popcount(lo & m.lo[c]) + popcount(hi & m.hi[c])) + (d >= 0 && md >= 0 && d !== md ? bonus : 0);
    }
  }

  // Why each impossible cell is impossible (0 = allowed); the first rule found wins, chain of command first.
  const excluded = new Uint8Array(rows * cols);
  const rowOf = new Map(executives.map((p, i) => [p.id, i]));
  const colOf = new Map(mentors.map((p, i) => [p.id, i]));
  mentors.forEach((mentor, c) => {
    for (const manager of rules.hierarchy.chainOf(mentor.id)) {
      const r = rowOf.get(manager.id);
      if (r !== undefined) excluded[r * cols + c] = CHAIN_BELOW;
    }
    const self = rowOf.get(mentor.id);
    if (self !== undefined) excluded[self * cols + c] = CHAIN_BELOW;
  });
  executives.forEach((executive, r) => {
    for (const manager of rules.hierarchy.chainOf(executive.id)) {
      const c = colOf.get(manager.id);
      if (c !== undefined && excluded[r * cols + c] === 0) excluded[r * cols + c] = CHAIN_ABOVE;
    }
  });
  const mark = (pairs: readonly PairRef[], why: number) => {
    for (const p of pairs) {
      const r = rowOf.get(p.executiveId);
      const c = colOf.get(p.mentorId);
      if (r !== undefined && c !== undefined && excluded[r * cols + c] === 0) excluded[r * cols + c] = why;
    }
  };
  mark(rules.pairedBefore, PAIRED_BEFORE);
  mark(rules.bans, BANNED);

  const chainExcluded = new Int32Array(rows);
  const chainBelow = new Int32Array(rows);
  const pairedBeforeExcluded = new Int32Array(rows);
  const bannedExcluded = new Int32Array(rows);
  const eligible = new Int32Array(rows).fill(cols);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) {
      const why = excluded[base + c];
      if (why === 0) continue;
      scores[base + c] = FORBIDDEN;
      eligible[r]--;
      if (why === CHAIN_BELOW || why === CHAIN_ABOVE) chainExcluded[r]++;
      if (why === CHAIN_BELOW) chainBelow[r]++;
      else if (why === PAIRED_BEFORE) pairedBeforeExcluded[r]++;
      else if (why === BANNED) bannedExcluded[r]++;
    }
  }
  return { rows, cols, scores, chainExcluded, chainBelow, pairedBeforeExcluded, bannedExcluded, eligible };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

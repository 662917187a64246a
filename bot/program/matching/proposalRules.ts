import { scoreMatrix, pairScore, type HardRules, type Participant, type PairRef, type ScoreMatrix, type ScoringRules } from './matchingRules';
import { solveAssignment } from './solver/assignment';
import type { MatchingStatus, Override, UnmatchedReason } from './api';

export type { MatchingStatus, Override, UnmatchedReason };

/**
 * A cohort's matching proposal and the taskforce's edits to it: run (keeping locks, honouring bans), lock, ban, place
 * by hand. Pure: no SDK, no I/O; the store keeps the state, the service checks who may do what.
 */
export interface ProposedPair extends PairRef {
  score: number;
  sharedTopicIds: string[];
  /** Accepted mentors the chain-of-command rule excluded for this executive. */
  chainExcluded: number;
  locked: boolean;
  source: 'solver' | 'manual';
  override: Override | null;
}

export interface UnmatchedExecutive {
  executiveId: string;
  reason: UnmatchedReason;
  explanation: string;
  chainExcluded: number;
  eligibleMentors: number;
}

export interface Ban extends PairRef {
  reason: string;
  by: string;
  byName: string;
  at: string;
}

export interface ProposalState {
  status: MatchingStatus;
  runAt: string | null;
  runBy: string | null;
  runByName: string | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
  pairs: ProposedPair[];
  unmatched: UnmatchedExecutive[];
  bans: Ban[];
}

export const EMPTY_PROPOSAL: ProposalState = {
  status: 'none',
  runAt: null,
  runBy: null,
  runByName: null,
  confirmedAt: null,
  confirmedBy: null,
  pairs: [],
  unmatched: [],
  bans: [],
};

export interface MatchingInput {
  executives: readonly Participant[];
  mentors: readonly Participant[];
  /** The cohort's topic ids, in order. */
  topicIds: readonly string[];
  rules: HardRules;
  scoring: ScoringRules;
  /** Pairs kept as they are (locked earlier); those whose people are no longer in the pool are dropped. */
  locks: readonly ProposedPair[];
}

export interface MatchingResult {
  pairs: ProposedPair[];
  unmatched: UnmatchedExecutive[];
  totalScore: number;
}

/**
 * The best proposal: locked pairs stay; the other executives and mentors are assigned by the solver (most pairs first,
 * then the highest total score), never on a pair a hard rule forbids. Every executive left out gets a reason.
 */
export function runMatching(input: MatchingInput): MatchingResult {
  const { executives, mentors } = input;
  const matrix = scoreMatrix(executives, mentors, input.topicIds, input.rules, input.scoring);
  const rowOf = new Map(executives.map((p, i) => [p.id, i]));
  const colOf = new Map(mentors.map((p, i) => [p.id, i]));

  const lockedRow = new Uint8Array(matrix.rows);
  const lockedCol = new Uint8Array(matrix.cols);
  const pairs: ProposedPair[] = [];
  for (const lock of input.locks) {
    const r = rowOf.get(lock.executiveId);
    const c = colOf.get(lock.mentorId);
    if (r === undefined || c === undefined || lockedRow[r] || lockedCol[c]) continue;
    lockedRow[r] = 1;
    lockedCol[c] = 1;
    const { score, sharedTopicIds } = pairScore(executives[r], mentors[c], input.scoring);
    pairs.push({ ...lock, score, sharedTopicIds, chainExcluded: matrix.chainExcluded[r], locked: true });
  }

  const freeRows = indexesOf(lockedRow, 0);
  const freeCols = indexesOf(lockedCol, 0);
  const solved = solveAssignment(subMatrix(matrix, freeRows, freeCols), freeRows.length, freeCols.length);
  const matchedRow = new Uint8Array(matrix.rows);
  freeRows.forEach((r, i) => {
    const k = solved.rowToCol[i];
    if (k < 0) return;
    const c = freeCols[k];
    matchedRow[r] = 1;
    const { score, sharedTopicIds } = pairScore(executives[r], mentors[c], input.scoring);
    pairs.push({
      executiveId: executives[r].id,
      mentorId: mentors[c].id,
      score,
      sharedTopicIds,
      chainExcluded: matrix.chainExcluded[r],
      locked: false,
      source: 'solver',
      override: null,
    });
  });

  const unmatched: UnmatchedExecutive[] = [];
  for (const r of freeRows) {
    if (matchedRow[r]) continue;
    let eligibleFree = 0;
    for (const c of freeCols) if (matrix.scores[r * matrix.cols + c] !== -Infinity) eligibleFree++;
    unmatched.push(unmatchedExecutive(executives[r].id, matrix, r, eligibleFree));
  }
  return { pairs, unmatched, totalScore: pairs.reduce((sum, p) => sum + p.score, 0) };
}

function unmatchedExecutive(executiveId: string, matrix: ScoreMatrix, r: number, eligibleFree: number): UnmatchedExecutive {
  const chainExcluded = matrix.chainExcluded[r];
  const eligibleMentors = matrix.eligible[r];
  let reason: UnmatchedReason;
  if (matrix.cols === 0) reason = 'noMentors';
  else if (eligibleMentors === 0) reason = chainExcluded === matrix.cols ? 'chainOfCommand' : 'allExcluded';
  else if (eligibleFree === 0) reason = 'lockedAway';
  else reason = 'outscored';
  const counts = {
    mentors: matrix.cols,
    chainExcluded,
    chainBelow: matrix.chainBelow[r],
    pairedBefore: matrix.pairedBeforeExcluded[r],
    banned: matrix.bannedExcluded[r],
    eligibleMentors,
  };
  return { executiveId, reason, explanation: explain(reason, counts), chainExcluded, eligibleMentors };
}

interface ExclusionCounts {
  mentors: number;
  chainExcluded: number;
  chainBelow: number;
  pairedBefore: number;
  banned: number;
  eligibleMentors: number;
}

/** A sentence the Pairs page shows as is. */
export function explain(reason: UnmatchedReason, counts: ExclusionCounts): string {
  const mentors = (n: number) => `${n} accepted mentor${n === 1 ? '' : 's'}`;
  switch (reason) {
    case 'noMentors':
      return 'The cohort has no accepted mentors yet.';
    case 'chainOfCommand':
      return counts.chainBelow === counts.mentors ? 'Every accepted mentor reports up to this executive.' : 'Every accepted mentor is in this executive’s chain of command.';
    case 'allExcluded': {
      const parts = [
        counts.chainExcluded > 0 ? `${counts.chainExcluded} in the chain of command` : '',
        counts.pairedBefore > 0 ? `${counts.pairedBefore} paired with them in an earlier cohort` : '',
        counts.banned > 0 ? `${counts.banned} banned by the taskforce` : '',
      ].filter(Boolean);
      return `No accepted mentor is allowed for this executive (of ${mentors(counts.mentors)}: ${parts.join(', ')}).`;
    }
    case 'lockedAway':
      return `No accepted mentor is left once locks are kept: all ${mentors(counts.eligibleMentors)} allowed for this executive are in locked pairs.`;
    case 'outscored':
      return `All ${mentors(counts.eligibleMentors)} allowed for this executive are matched with others, where the total is higher (or where they are the only option).`;
    case 'changedByHand':
      return 'Its mentor was moved, removed or banned by hand. Run matching again to find another, or place one by hand.';
  }
}

/** The state after a run: the new pairs and reasons, the bans kept. */
export function withRun(state: ProposalState, result: MatchingResult, by: { id: string; name: string }, at: string): ProposalState {
  return { ...state, status: 'proposed', runAt: at, runBy: by.id, runByName: by.name, pairs: result.pairs, unmatched: result.unmatched };
}

export function withLock(state: ProposalState, executiveId: string, locked: boolean): ProposalState | undefined {
  if (!state.pairs.some((p) => p.executiveId === executiveId)) return undefined;
  return { ...state, pairs: state.pairs.map((p) => (p.executiveId === executiveId ? { ...p, locked } : p)) };
}

/** Adds the ban (once); the banned pair, if proposed, is taken out and its executive waits for a re-run. */
export function withBan(state: ProposalState, ban: Ban): ProposalState {
  const same = (p: PairRef) => p.executiveId === ban.executiveId && p.mentorId === ban.mentorId;
  const bans = state.bans.some(same) ? state.bans : [...state.bans, ban];
  const proposed = state.pairs.find(same);
  if (!proposed) return { ...state, bans };
  return { ...withoutPairOf(state, ban.executiveId, proposed.chainExcluded), bans };
}

export function withoutBan(state: ProposalState, executiveId: string, mentorId: string): ProposalState {
  return { ...state, bans: state.bans.filter((b) => !(b.executiveId === executiveId && b.mentorId === mentorId)) };
}

/**
 * Places a pair by hand (locked, so re-runs keep it): the executive's former mentor becomes free, and an executive who
 * had this mentor waits for a re-run. `pair` null clears the executive's pair.
 */
export function withAssignment(state: ProposalState, executiveId: string, pair: ProposedPair | null, chainExcluded: number): ProposalState {
  let next = withoutPairOf(state, executiveId, chainExcluded);
  if (!pair) return next;
  const other = next.pairs.find((p) => p.mentorId === pair.mentorId);
  if (other) next = withoutPairOf(next, other.executiveId, other.chainExcluded);
  return { ...next, pairs: [...next.pairs, pair], unmatched: next.unmatched.filter((u) => u.executiveId !== executiveId) };
}

function withoutPairOf(state: ProposalState, executiveId: string, chainExcluded: number): ProposalState {
  if (!state.pairs.some((p) => p.executiveId === executiveId)) return state;
  const reason: UnmatchedReason = 'changedByHand';
  const unmatched = state.unmatched.filter((u) => u.executiveId !== executiveId);
  const previous = state.unmatched.find((u) => u.executiveId === executiveId);
  unmatched.push({
    executiveId,
    reason,
    explanation: explain(reason, { mentors: 0, chainExcluded, chainBelow: 0, pairedBefore: 0, banned: 0, eligibleMentors: 0 }),
    chainExcluded,
    eligibleMentors: previous?.eligibleMentors ?? 0,
  });
  return { ...state, pairs: state.pairs.filter((p) => p.executiveId !== executiveId), unmatched };
}

function indexesOf(flags: Uint8Array, value: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < flags.length; i++) if (flags[i] === value) out.push(i);
  return out;
}

/** The scores of the free rows and columns (the whole matrix, uncopied, when nothing is locked). */
function subMatrix(matrix: ScoreMatrix, rows: readonly number[], cols: readonly number[]): Float64Array {
  if (rows.length === matrix.rows && cols.length === matrix.cols) return matrix.scores;
  const out = new Float64Array(rows.length * cols.length);
  rows.forEach((r, i) => {
    const base = r * matrix.cols;
    const at = i * cols.length;
    cols.forEach((c, k) => (out[at + k] = matrix.scores[base + c]));
  });
  return out;
}

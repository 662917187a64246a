import { z } from 'zod';
import { endpoint, returns } from '../../contract/endpoint';
import { fields, id, optionalText, yesNo } from '../../contract/fields';

/**
 * The matching stage's wire contract (SDK-free; the tab compiles it): the taskforce's review of a cohort's proposal, its
 * confirmed pairs, and each participant's own pair. API.md in this folder explains the rules and lists the routes.
 * Missing optional values arrive as null.
 */

/** The hard rules: a pair breaking one is never proposed, and placed by hand only with a written reason. */
export type Rule = 'chainOfCommand' | 'pairedBefore' | 'banned';

export type MatchingStatus = 'none' | 'proposed' | 'confirmed';

export type UnmatchedReason = 'noMentors' | 'chainOfCommand' | 'allExcluded' | 'lockedAway' | 'outscored' | 'changedByHand';

/** `kept`: they have not opened Mentoring Up yet, and the card reaches them when they do; `unreachable`: it could not be sent. */
export type IntroductionStatus = 'sent' | 'kept' | 'unreachable' | 'pending';

export type AuditAction = 'run' | 'lock' | 'unlock' | 'ban' | 'unban' | 'assign' | 'unassign' | 'override' | 'confirm';

export const OVERRIDE_REASON = { label: 'The reason for the override', min: 10, max: 500 } as const;
export const BAN_REASON = { label: 'The reason for the ban', max: 500 } as const;

export interface PersonSummary {
  id: string;
  name: string;
  jobTitle: string | null;
  department: string | null;
}

export interface Override {
  rules: Rule[];
  reason: string;
  by: string;
  byName: string;
  at: string;
}

export interface ProposedPairJson {
  executive: PersonSummary;
  mentor: PersonSummary;
  /** The formula's score (also for an overridden pair). */
  score: number;
  /** Topic titles both chose. */
  sharedTopics: string[];
  /** Accepted mentors the chain-of-command rule excluded for this executive. */
  chainExcluded: number;
  /** Kept as is by every re-run. */
  locked: boolean;
  /** Manual = placed by hand (placed pairs are locked). */
  source: 'solver' | 'manual';
  override: Override | null;
}

export interface UnmatchedExecutiveJson {
  executive: PersonSummary;
  reason: UnmatchedReason;
  /** A sentence to show as is. */
  explanation: string;
  chainExcluded: number;
  eligibleMentors: number;
}

export interface BanJson {
  executiveId: string;
  mentorId: string;
  executiveName: string;
  mentorName: string;
  reason: string;
  by: string;
  byName: string;
  at: string;
}

export interface Proposal {
  cohortId: string;
  status: MatchingStatus;
  /** Sent back as `If-Match` by every change; a stale one answers 409. */
  etag: string;
  runAt: string | null;
  runBy: string | null;
  runByName: string | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
  formula: { perSharedTopic: number; differentDepartmentBonus: number; text: string };
  counts: { executives: number; mentors: number; matched: number; unmatched: number; freeMentors: number; totalScore: number };
  /** By executive name. */
  pairs: ProposedPairJson[];
  unmatched: UnmatchedExecutiveJson[];
  /** Accepted mentors without an executive. */
  freeMentors: PersonSummary[];
  bans: BanJson[];
}

export interface Violation {
  rule: Rule;
  message: string;
}

export interface PairCheck {
  allowed: boolean;
  violations: Violation[];
  score: number;
  sharedTopics: string[];
}

/** A confirmed pair (taskforce view). */
export interface Pair {
  cohortId: string;
  executive: PersonSummary;
  mentor: PersonSummary;
  sharedTopics: string[];
  score: number;
  status: 'confirmed';
  confirmedAt: string;
  confirmedBy: string;
  introductions: { executive: IntroductionStatus; mentor: IntroductionStatus };
  override: { rules: Rule[]; reason: string } | null;
}

export interface ConfirmedPairs {
  cohort: { id: string; name: string };
  status: MatchingStatus;
  pairs: Pair[];
}

export interface ConfirmAnswer {
  pairs: Pair[];
  /** People whose introduction card could not be delivered: tell them another way. */
  unreachable: Omit<PersonSummary, 'id'>[];
  /** Confirmed before (by this or another call): nothing was sent again. */
  alreadyConfirmed: boolean;
}

/** What sending the introductions again did: of those tried, how many arrived, wait for them, or failed again. */
export interface ResendAnswer {
  tried: number;
  sent: number;
  kept: number;
  failed: number;
  pairs: Pair[];
}

export interface AuditEntry {
  at: string;
  by: string;
  byName: string;
  action: AuditAction;
  executiveId: string | null;
  mentorId: string | null;
  /** For 'override': the rules overridden (and the written reason below). */
  rules: Rule[];
  reason: string;
}

/** A participant's own confirmed pair: never scores, bans, override reasons or ids of other people. */
export interface MyPair {
  cohortId: string;
  cohortName: string;
  myRole: 'mentor' | 'executive';
  partner: { name: string; jobTitle: string | null; department: string | null; role: 'mentor' | 'executive' };
  sharedTopics: string[];
  confirmedAt: string;
  /** Orientation, ice-breaker, four meetings (the second a shadowing visit), where to meet. */
  nextSteps: string[];
}

const executiveId = id('Choose the executive of the pair.');
const mentorId = id('Choose the mentor of the pair.');

export const pairQuery = z.object({ executiveId, mentorId });

const matching = '/api/cohorts/:cohortId/matching';
const proposalAnswer = returns<{ proposal: Proposal }>();

/** `status: 'none'` and empty lists before the first run; 404 for an unknown cohort. */
export const getProposal = endpoint({ method: 'get', path: matching, response: proposalAnswer });

/** Runs (or re-runs) matching, keeping locked pairs and bans. */
export const runMatching = endpoint({ method: 'post', path: `${matching}/run`, ifMatch: true, response: proposalAnswer });

/** The rules a pair breaks and its score, before placing it by hand. */
export const checkPair = endpoint({ method: 'get', path: `${matching}/check`, query: pairQuery, response: returns<PairCheck>() });

/** Locks or unlocks the executive's proposed pair (400 when it has none). */
export const setLocked = endpoint({
  method: 'put',
  path: `${matching}/lock`,
  body: fields({ executiveId, locked: yesNo('Say whether the pair is locked (true or false).') }),
  ifMatch: true,
  response: proposalAnswer,
});

/** The pair is never proposed again; if it is proposed now it is removed (the executive becomes `changedByHand`). */
export const banPair = endpoint({
  method: 'post',
  path: `${matching}/bans`,
  body: fields({ executiveId, mentorId, reason: optionalText(BAN_REASON.label, BAN_REASON.max) }),
  ifMatch: true,
  response: proposalAnswer,
});

export const unbanPair = endpoint({ method: 'del', path: `${matching}/bans/:executiveId/:mentorId`, ifMatch: true, response: proposalAnswer });

/**
 * Places a mentor by hand (the pair is locked; the mentor leaves any other executive), or `null` clears the
 * executive's pair. A pair that breaks a rule needs `overrideReason` (10 to 500 characters), which is audited.
 */
export const assignMentor = endpoint({
  method: 'put',
  path: `${matching}/assignments/:executiveId`,
  body: fields({
    mentorId: id('Give a mentor (mentorId), or null to clear the pair.').nullable(),
    overrideReason: optionalText(OVERRIDE_REASON.label, OVERRIDE_REASON.max),
  }),
  ifMatch: true,
  response: proposalAnswer,
});

/** Confirms once: confirming again, or two people at once, answers the same pairs with `alreadyConfirmed: true`. */
export const confirmPairs = endpoint({ method: 'post', path: `${matching}/confirm`, ifMatch: true, response: returns<ConfirmAnswer>() });

/** Newest first. */
export const getAudit = endpoint({ method: 'get', path: `${matching}/audit`, response: returns<{ entries: AuditEntry[] }>() });

/** Every confirmed pair with where its introductions stand, by executive name. */
export const getConfirmedPairs = endpoint({ method: 'get', path: '/api/cohorts/:cohortId/pairs', response: returns<ConfirmedPairs>() });

/**
 * Sends the introductions again to everyone they did not reach (failed sends); those whose card waits for them to open
 * Mentoring Up are left as they are, so nobody gets it twice.
 */
export const resendIntroductions = endpoint({ method: 'post', path: '/api/cohorts/:cohortId/pairs/introductions/resend', response: returns<ResendAnswer>() });

/** The caller's confirmed pairs, newest cohort first (usually one; empty when none). Anyone signed in. */
export const getMyPairs = endpoint({ method: 'get', path: '/api/me/pair', response: returns<{ pairs: MyPair[] }>() });

/** The tab's copy of the matching API's JSON shapes (bot/program/matching/API.md). Missing optional values arrive as null. */

export type Rule = 'chainOfCommand' | 'pairedBefore' | 'banned';

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

export interface ProposedPair {
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

export type UnmatchedReason = 'noMentors' | 'chainOfCommand' | 'allExcluded' | 'lockedAway' | 'outscored' | 'changedByHand';

export interface UnmatchedExecutive {
  executive: PersonSummary;
  reason: UnmatchedReason;
  /** A sentence to show as is. */
  explanation: string;
  chainExcluded: number;
  eligibleMentors: number;
}

export interface Ban {
  executiveId: string;
  mentorId: string;
  executiveName: string;
  mentorName: string;
  reason: string;
  by: string;
  byName: string;
  at: string;
}

export type MatchingStatus = 'none' | 'proposed' | 'confirmed';

export interface Proposal {
  cohortId: string;
  status: MatchingStatus;
  /** Sent back on changes; a stale one answers 409. */
  etag: string;
  runAt: string | null;
  runBy: string | null;
  runByName: string | null;
  confirmedAt: string | null;
  confirmedBy: string | null;
  formula: { perSharedTopic: number; differentDepartmentBonus: number; text: string };
  counts: { executives: number; mentors: number; matched: number; unmatched: number; freeMentors: number; totalScore: number };
  /** By executive name. */
  pairs: ProposedPair[];
  unmatched: UnmatchedExecutive[];
  /** Accepted mentors without an executive. */
  freeMentors: PersonSummary[];
  bans: Ban[];
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

export type IntroductionStatus = 'sent' | 'unreachable' | 'pending';

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
  unreachable: PersonSummary[];
  alreadyConfirmed: boolean;
}

export type AuditAction = 'run' | 'lock' | 'unlock' | 'ban' | 'unban' | 'assign' | 'unassign' | 'override' | 'confirm';

export interface AuditEntry {
  at: string;
  by: string;
  byName: string;
  action: AuditAction;
  executiveId: string | null;
  mentorId: string | null;
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
  nextSteps: string[];
}

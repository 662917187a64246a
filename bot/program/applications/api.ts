import { endpoint, returns } from '../../contract/endpoint';
import { choice, fields, id, optionalText } from '../../contract/fields';
import type { RubricCriterion, Topic } from '../cohorts/api';

/**
 * The applications' wire contract (SDK-free; the tab compiles it). Taskforce only. bot/program/API.md lists the routes.
 * Missing optional values arrive as null.
 */

export type ApplicationKind = 'mentor' | 'executive';

/**
 * Mentors: nominated -> managerApproved | managerDeclined; managerApproved -> interviewed; interviewed -> accepted |
 * waitlisted | declined; waitlisted -> accepted | declined.
 * Executives: applied -> accepted | waitlisted | declined; waitlisted -> accepted | declined.
 */
export const STAGES = ['nominated', 'managerApproved', 'managerDeclined', 'interviewed', 'applied', 'accepted', 'waitlisted', 'declined'] as const;
export type Stage = (typeof STAGES)[number];

/** Why an application needs the taskforce's attention. */
export type FlagReason = 'noManager' | 'managerUnreachable' | 'managerNoAnswer';

export const DECISIONS = ['accept', 'waitlist', 'decline'] as const;
export type Decision = (typeof DECISIONS)[number];

export const APPLICATION_LIMITS = { motivation: 1000, otherTopics: 300, declineReason: 500, decisionNote: 500, topics: 10 } as const;

/** An application as the taskforce sees it (no scores: those come with the interview). */
export interface ApplicationJson {
  cohortId: string;
  personId: string;
  kind: ApplicationKind;
  stage: Stage;
  stageLabel: string;
  name: string;
  jobTitle: string | null;
  department: string | null;
  topicIds: string[];
  otherTopics: string;
  /** "Why" for a mentor, "what they hope to gain" for an executive. */
  motivation: string;
  agreedToExpectations: boolean;
  submittedAt: string;
  updatedAt: string;
  managerId: string | null;
  managerName: string | null;
  approvalSentAt: string | null;
  reminderSentAt: string | null;
  managerDecidedAt: string | null;
  managerDeclineReason: string | null;
  interviewerId: string | null;
  interviewerName: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
  flag: FlagReason | null;
  flaggedAt: string | null;
  /** Sent back as `If-Match` by the interviewer assignment and the decision. */
  etag: string;
}

/** A candidate's interview: for the assigned interviewer and the taskforce only (the interviews contract reuses it). */
export interface InterviewJson {
  cohortId: string;
  candidateId: string;
  interviewerId?: string;
  interviewerName?: string;
  /** Criterion id -> 1..5; empty until scored. */
  scores: Record<string, number>;
  notes: string;
  mentorAreas: string;
  assignedAt?: string;
  submittedAt?: string;
  /** Once an interviewer is assigned: sent back as `If-Match` with the scores. */
  etag?: string;
}

export interface FlaggedNomination {
  personId: string;
  name: string;
  reason: FlagReason;
  flaggedAt: string | null;
  managerId: string | null;
  managerName: string | null;
  approvalSentAt: string | null;
  reminderSentAt: string | null;
}

export interface ApplicantDetail {
  application: ApplicationJson;
  interview: InterviewJson;
  rubric: RubricCriterion[];
  topics: Topic[];
}

export interface TaskforceMember {
  id: string;
  name: string;
  jobTitle: string | null;
}

const applicant = '/api/cohorts/:cohortId/applications/:personId';

/** Nominations waiting on the taskforce: no manager, a manager out of reach, or no answer. */
export const listFlags = endpoint({ method: 'get', path: '/api/cohorts/:cohortId/flags', response: returns<{ flags: FlaggedNomination[] }>() });

export const getApplicant = endpoint({ method: 'get', path: applicant, response: returns<ApplicantDetail>() });

/** Assigns (or reassigns) a taskforce member to interview a nominee the manager approved; they get the rubric card. */
export const assignInterviewer = endpoint({
  method: 'put',
  path: `${applicant}/interviewer`,
  body: fields({ interviewerId: id('Choose an interviewer from the program taskforce.') }),
  ifMatch: true,
  response: returns<{ application: ApplicationJson; rubricCardDelivered: boolean }>(),
});

/** The taskforce's decision; the candidate hears it in chat. Deciding again answers 409. */
export const decideApplication = endpoint({
  method: 'post',
  path: `${applicant}/decision`,
  body: fields({
    decision: choice(DECISIONS, 'Choose accept, waitlist or decline.'),
    note: optionalText('The note', APPLICATION_LIMITS.decisionNote),
  }),
  ifMatch: true,
  response: returns<{ application: ApplicationJson }>(),
});

/**
 * Sends a flagged nomination's approval request again (to the manager the directory names now). A command rather than
 * an edit, so no If-Match: the service checks the nomination still waits for its manager (409 otherwise).
 */
export const resendApprovalRequest = endpoint({
  method: 'post',
  path: `${applicant}/approval-request`,
  response: returns<{ application: ApplicationJson }>(),
});

export const listTaskforceMembers = endpoint({ method: 'get', path: '/api/taskforce/members', response: returns<{ members: TaskforceMember[] }>() });

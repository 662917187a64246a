/** The tab's copy of the intake API's JSON shapes (bot/program/API.md). Missing optional values arrive as null. */

export interface Topic {
  id: string;
  title: string;
}

/** anchors[0] describes a score of 1, anchors[4] a score of 5. */
export interface RubricCriterion {
  id: string;
  title: string;
  anchors: string[];
}

export type CohortStatus = 'draft' | 'open' | 'closed';

export interface Cohort {
  id: string;
  name: string;
  programYear: number;
  /** Calendar dates, YYYY-MM-DD. */
  opensOn: string;
  closesOn: string;
  status: CohortStatus;
  /** Open, and the closing day has not passed. */
  acceptingApplications: boolean;
  topics: Topic[];
  rubric: RubricCriterion[];
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
  etag: string;
}

export interface CohortInput {
  name: string;
  programYear: number;
  opensOn: string;
  closesOn: string;
  /** Existing ids are sent back to keep them; new topics have none. */
  topics: { id?: string; title: string }[];
  rubric?: { id?: string; title: string; anchors: string[] }[];
}

export type Stage =
  | 'nominated'
  | 'managerApproved'
  | 'managerDeclined'
  | 'interviewed'
  | 'applied'
  | 'accepted'
  | 'waitlisted'
  | 'declined';

export type ApplicationKind = 'mentor' | 'executive';

export type Flag = 'noManager' | 'managerUnreachable' | 'managerNoAnswer';

export type Decision = 'accept' | 'waitlist' | 'decline';

export interface Application {
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
  flag: Flag | null;
  flaggedAt: string | null;
  etag: string;
}

export interface Interview {
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
}

export interface BatchStatus {
  key: string;
  label: string;
  state: 'running' | 'done';
  total: number;
  sent: number;
  unreachable: number;
  failed: number;
  createdAt: string;
  finishedAt?: string;
}

export interface PipelineRow {
  personId: string;
  name: string;
  jobTitle: string | null;
  department: string | null;
  kind: ApplicationKind;
  stage: Stage;
  stageLabel: string;
  /** Topic titles. */
  topics: string[];
  otherTopics: string;
  submittedAt: string;
  managerName: string | null;
  interviewerId: string | null;
  interviewerName: string | null;
  /** Mean of the rubric scores, one decimal. */
  averageScore: number | null;
  flag: Flag | null;
}

export interface Pipeline {
  cohort: { id: string; name: string; status: CohortStatus };
  counts: Record<Stage, number>;
  countsByKind: Record<ApplicationKind, number>;
  applicants: PipelineRow[];
}

export interface PipelineFilter {
  stage?: Stage;
  kind?: ApplicationKind;
}

export interface FlaggedNomination {
  personId: string;
  name: string;
  reason: Flag;
  flaggedAt: string;
  managerId: string | null;
  managerName: string | null;
  approvalSentAt: string | null;
  reminderSentAt: string | null;
}

export interface ApplicantDetail {
  application: Application;
  interview: Interview;
  rubric: RubricCriterion[];
  topics: Topic[];
}

export interface TaskforceMember {
  id: string;
  name: string;
  jobTitle?: string | null;
}

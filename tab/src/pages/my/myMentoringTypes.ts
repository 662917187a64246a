import type { ApplicationKind, Stage } from '../cohorts/intakeTypes';

/** The signed-in person's own part in the program (`GET /api/me/mentoring`); never scores, reasons or notes. */
export interface MyApplication {
  cohortId: string;
  cohortName: string;
  kind: ApplicationKind;
  stage: Stage;
  /** The stage in plain words, as "status" says it in chat. */
  status: string;
  topics: string[];
  otherTopics: string;
  submittedAt: string;
}

export interface ApprovalWaiting {
  cohortId: string;
  cohortName: string;
  nomineeId: string;
  nomineeName: string;
  submittedAt: string;
}

export interface InterviewToDo {
  cohortId: string;
  cohortName: string;
  candidateId: string;
  candidateName: string;
  scored: boolean;
}

export interface OpenCohort {
  id: string;
  name: string;
  closesOn: string;
  canNominate: boolean;
  canApply: boolean;
}

export interface MyMentoring {
  applications: MyApplication[];
  approvalsWaiting: ApprovalWaiting[];
  interviewsToDo: InterviewToDo[];
  /** The cohort taking applications, when this person has not applied to it. */
  openCohort?: OpenCohort;
}

import { z } from 'zod';
import { endpoint, returns } from '../../contract/endpoint';
import { choice } from '../../contract/fields';
import { STAGES, type ApplicationKind, type FlagReason, type Stage } from '../applications/api';
import type { CohortStatus } from '../cohorts/api';

/**
 * The pipeline's wire contract (SDK-free; the tab compiles it): a cohort's applicants by stage for the taskforce, and
 * "My mentoring" for anyone signed in. bot/program/API.md lists the routes.
 */

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
  flag: FlagReason | null;
}

export interface Pipeline {
  cohort: { id: string; name: string; status: CohortStatus };
  /** Over the whole cohort, whatever the filter. */
  counts: Record<Stage, number>;
  countsByKind: Record<ApplicationKind, number>;
  applicants: PipelineRow[];
}

export const pipelineFilter = z.object({
  stage: choice(STAGES, `Stage must be one of ${STAGES.join(', ')}.`).optional(),
  kind: choice(['mentor', 'executive'], 'Kind must be mentor or executive.').optional(),
});

export type PipelineFilter = z.output<typeof pipelineFilter>;

/** The signed-in person's own part in the program; never scores, reasons or notes. */
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
  /** The cohort taking applications now, when this person has not applied to it, and whether they could. */
  openCohort?: OpenCohort;
}

const pipeline = '/api/cohorts/:cohortId/pipeline';

export const getPipeline = endpoint({ method: 'get', path: pipeline, query: pipelineFilter, response: returns<Pipeline>() });

/** The same rows as CSV (`text/csv`), safe to open in a spreadsheet. */
export const downloadPipelineCsv = endpoint({ method: 'get', path: `${pipeline}/csv`, query: pipelineFilter, response: returns<string>() });

export const getMyMentoring = endpoint({ method: 'get', path: '/api/me/mentoring', response: returns<MyMentoring>() });

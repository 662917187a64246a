import { z } from 'zod';
import { endpoint, returns } from '../../contract/endpoint';
import { fields } from '../../contract/fields';
import type { ApplicationJson, InterviewJson, Stage } from '../applications/api';
import type { RubricCriterion, Topic } from '../cohorts/api';

/**
 * The interviews' wire contract (SDK-free; the tab compiles it). Taskforce only, since interviewers are taskforce
 * members; only the assigned interviewer scores. bot/program/API.md lists the routes.
 */

export type { InterviewJson };

export const INTERVIEW_LIMITS = { notes: 2000, mentorAreas: 500 } as const;

export interface MyInterview {
  cohortId: string;
  cohortName: string;
  candidateId: string;
  candidateName: string;
  stage: Stage;
  assignedAt: string;
  submittedAt: string | null;
}

export interface InterviewSheet {
  candidate: ApplicationJson;
  rubric: RubricCriterion[];
  topics: Topic[];
  interview: InterviewJson;
  /** Only the assigned interviewer scores, and only until the taskforce decides. */
  canScore: boolean;
}

/**
 * The interviewer's answers. Only their shape is checked here: the rubric rules (a score of 1 to 5 for each criterion
 * of this cohort, plain-text notes) are the same for the chat card and live in rubricRules.ts.
 */
export const rubricAnswers = fields({
  scores: z.record(z.string().max(40), z.number(), { invalid_type_error: 'Send the scores as criterion and score pairs.' }).default({}),
  notes: z.string({ invalid_type_error: 'Notes must be text.' }).optional(),
  mentorAreas: z.string({ invalid_type_error: 'Areas they would mentor on must be text.' }).optional(),
});

export type RubricAnswersInput = z.input<typeof rubricAnswers>;

const sheet = '/api/cohorts/:cohortId/interviews/:personId';

export const listMyInterviews = endpoint({ method: 'get', path: '/api/interviews/mine', response: returns<{ interviews: MyInterview[] }>() });

export const getInterviewSheet = endpoint({ method: 'get', path: sheet, response: returns<InterviewSheet>() });

/** The assigned interviewer's scores (again until the decision); If-Match is the interview's etag. */
export const submitScores = endpoint({
  method: 'post',
  path: sheet,
  body: rubricAnswers,
  ifMatch: true,
  response: returns<{ interview: InterviewJson }>(),
});

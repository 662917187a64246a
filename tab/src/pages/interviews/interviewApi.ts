import { request, type TokenSource } from '../../api';
import type { Application, Interview, RubricCriterion, Stage, Topic } from '../cohorts/intakeTypes';

/** The interviewer's calls (bot/program/API.md, "Interviews"). */

export interface MyInterview {
  cohortId: string;
  cohortName: string;
  candidateId: string;
  candidateName: string;
  stage: Stage;
  assignedAt: string | null;
  submittedAt: string | null;
}

export interface InterviewSheet {
  candidate: Application;
  rubric: RubricCriterion[];
  topics: Topic[];
  interview: Interview;
  /** Only the assigned interviewer scores, and only until the taskforce decides. */
  canScore: boolean;
}

export interface RubricAnswers {
  scores: Record<string, number>;
  notes: string;
  mentorAreas: string;
}

const sheetPath = (cohortId: string, personId: string): string =>
  `cohorts/${encodeURIComponent(cohortId)}/interviews/${encodeURIComponent(personId)}`;

export async function listMyInterviews(token: TokenSource, signal?: AbortSignal): Promise<MyInterview[]> {
  return (await request<{ interviews: MyInterview[] }>('interviews/mine', { token, signal })).interviews;
}

export function getInterviewSheet(token: TokenSource, cohortId: string, personId: string, signal?: AbortSignal): Promise<InterviewSheet> {
  return request<InterviewSheet>(sheetPath(cohortId, personId), { token, signal });
}

export async function submitScores(token: TokenSource, cohortId: string, personId: string, answers: RubricAnswers): Promise<Interview> {
  return (await request<{ interview: Interview }>(sheetPath(cohortId, personId), { method: 'POST', body: answers, token })).interview;
}

export function interviewHref(cohortId: string, personId: string): string {
  return `#/interviews/${encodeURIComponent(cohortId)}/${encodeURIComponent(personId)}`;
}

/** `#/interviews/<cohortId>/<personId>` names one interview; `#/interviews` is the list. */
export function parseInterviewHash(hash: string): { cohortId: string; personId: string } | undefined {
  const segments = (hash.replace(/^#\/?/, '').split('?')[0] ?? '').split('/').filter((s) => s.length > 0);
  if (segments[0] !== 'interviews' || segments.length < 3) return undefined;
  try {
    return { cohortId: decodeURIComponent(segments[1] ?? ''), personId: decodeURIComponent(segments[2] ?? '') };
  } catch {
    return undefined;
  }
}

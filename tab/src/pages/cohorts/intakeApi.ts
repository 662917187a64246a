import { downloadFile, request, type TokenSource } from '../../api';
import type {
  ApplicantDetail,
  Application,
  BatchStatus,
  Cohort,
  CohortInput,
  Decision,
  FlaggedNomination,
  Pipeline,
  PipelineFilter,
  RubricCriterion,
  TaskforceMember,
} from './intakeTypes';

/** The taskforce's calls for cohorts, their pipeline and applicants (bot/program/API.md). */

const cohortPath = (cohortId: string): string => `cohorts/${encodeURIComponent(cohortId)}`;
const applicantPath = (cohortId: string, personId: string): string =>
  `${cohortPath(cohortId)}/applications/${encodeURIComponent(personId)}`;

export async function listCohorts(token: TokenSource, signal?: AbortSignal): Promise<Cohort[]> {
  return (await request<{ cohorts: Cohort[] }>('cohorts', { token, signal })).cohorts;
}

export function getCohort(token: TokenSource, cohortId: string, signal?: AbortSignal): Promise<Cohort> {
  return request<Cohort>(cohortPath(cohortId), { token, signal });
}

export async function getDefaultRubric(token: TokenSource, signal?: AbortSignal): Promise<RubricCriterion[]> {
  return (await request<{ rubric: RubricCriterion[] }>('cohort-defaults', { token, signal })).rubric;
}

export function createCohort(token: TokenSource, input: CohortInput): Promise<Cohort> {
  return request<Cohort>('cohorts', { method: 'POST', body: input, token });
}

/** Answers 409 when `etag` is stale: someone else saved the cohort since it was read. */
export function updateCohort(token: TokenSource, cohortId: string, input: CohortInput, etag: string): Promise<Cohort> {
  return request<Cohort>(cohortPath(cohortId), { method: 'PUT', body: { ...input, etag }, token });
}

export function openCohort(
  token: TokenSource,
  cohortId: string,
  announce: boolean,
): Promise<{ cohort: Cohort; announcement?: BatchStatus }> {
  return request(`${cohortPath(cohortId)}/open`, { method: 'POST', body: { announce }, token });
}

export function closeCohort(token: TokenSource, cohortId: string): Promise<{ cohort: Cohort }> {
  return request(`${cohortPath(cohortId)}/close`, { method: 'POST', body: {}, token });
}

/** Idempotent on the server: a second call returns the same batch and sends nothing twice. */
export async function announceCohort(token: TokenSource, cohortId: string): Promise<BatchStatus> {
  return (await request<{ announcement: BatchStatus }>(`${cohortPath(cohortId)}/announce`, { method: 'POST', body: {}, token }))
    .announcement;
}

export async function getAnnouncement(token: TokenSource, cohortId: string, signal?: AbortSignal): Promise<BatchStatus | null> {
  return (await request<{ announcement: BatchStatus | null }>(`${cohortPath(cohortId)}/announcement`, { token, signal }))
    .announcement;
}

function filterQuery(filter: PipelineFilter): string {
  const query = new URLSearchParams();
  if (filter.stage) query.set('stage', filter.stage);
  if (filter.kind) query.set('kind', filter.kind);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export function getPipeline(token: TokenSource, cohortId: string, filter: PipelineFilter, signal?: AbortSignal): Promise<Pipeline> {
  return request<Pipeline>(`${cohortPath(cohortId)}/pipeline${filterQuery(filter)}`, { token, signal });
}

export function downloadPipelineCsv(token: TokenSource, cohortId: string, filter: PipelineFilter, fileName: string): Promise<void> {
  return downloadFile(`${cohortPath(cohortId)}/pipeline/csv${filterQuery(filter)}`, fileName, token);
}

export async function getFlags(token: TokenSource, cohortId: string, signal?: AbortSignal): Promise<FlaggedNomination[]> {
  return (await request<{ flags: FlaggedNomination[] }>(`${cohortPath(cohortId)}/flags`, { token, signal })).flags;
}

export function getApplicant(token: TokenSource, cohortId: string, personId: string, signal?: AbortSignal): Promise<ApplicantDetail> {
  return request<ApplicantDetail>(applicantPath(cohortId, personId), { token, signal });
}

export function assignInterviewer(
  token: TokenSource,
  cohortId: string,
  personId: string,
  interviewerId: string,
): Promise<{ application: Application; rubricCardDelivered: boolean }> {
  return request(`${applicantPath(cohortId, personId)}/interviewer`, { method: 'PUT', body: { interviewerId }, token });
}

export function decide(
  token: TokenSource,
  cohortId: string,
  personId: string,
  decision: Decision,
  note: string,
): Promise<{ application: Application }> {
  const body = note.trim() ? { decision, note: note.trim() } : { decision };
  return request(`${applicantPath(cohortId, personId)}/decision`, { method: 'POST', body, token });
}

export function resendApprovalRequest(token: TokenSource, cohortId: string, personId: string): Promise<{ application: Application }> {
  return request(`${applicantPath(cohortId, personId)}/approval-request`, { method: 'POST', body: {}, token });
}

export async function listTaskforceMembers(token: TokenSource, signal?: AbortSignal): Promise<TaskforceMember[]> {
  return (await request<{ members: TaskforceMember[] }>('taskforce/members', { token, signal })).members;
}

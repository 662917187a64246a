import { request, type TokenSource } from '../../api';
import type { MyMentoring } from './myMentoringTypes';

export type { ApprovalWaiting, InterviewToDo, MyApplication, MyMentoring, OpenCohort } from './myMentoringTypes';

export function getMyMentoring(token: TokenSource, signal?: AbortSignal): Promise<MyMentoring> {
  return request<MyMentoring>('me/mentoring', { token, signal });
}

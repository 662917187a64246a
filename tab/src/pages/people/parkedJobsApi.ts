import { request, type TokenSource } from '../../api';
import type { ParkedJobDropped, ParkedJobRetried, ParkedJobsResponse } from '../../../../bot/scheduler/api';

export type { ParkedJob, ParkedJobsResponse } from '../../../../bot/scheduler/api';

export function getParkedJobs(token: TokenSource, signal?: AbortSignal): Promise<ParkedJobsResponse> {
  return request<ParkedJobsResponse>('scheduler/parked', { token, signal });
}

export function retryParkedJob(token: TokenSource, id: string): Promise<ParkedJobRetried> {
  return request<ParkedJobRetried>(`scheduler/parked/${encodeURIComponent(id)}/retry`, { method: 'POST', token });
}

export function dropParkedJob(token: TokenSource, id: string): Promise<ParkedJobDropped> {
  return request<ParkedJobDropped>(`scheduler/parked/${encodeURIComponent(id)}`, { method: 'DELETE', token });
}

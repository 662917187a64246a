import { endpoint, returns } from '../contract/endpoint';

/**
 * The scheduler's wire contract (SDK-free; the tab compiles it): the taskforce's view of jobs that kept failing, and
 * retry or drop one (404 NotFound when the job is no longer parked). Routes: schedulerRoutes.ts.
 */
export interface ParkedJob {
  /** Opaque, URL-safe: names the job in the retry and drop routes. */
  id: string;
  kind: string;
  /** What the job is, in a few words. */
  title: string;
  /** When it was parked (ISO 8601). */
  parkedAt: string;
  /** Runs that failed before it was parked. */
  attempts: number;
  /** One sentence on its last failure; the details are in the service's log. */
  lastError: string;
}

export interface ParkedJobsResponse {
  /** The oldest parked jobs first, at most 100. */
  jobs: ParkedJob[];
  /** More are parked than listed. */
  more: boolean;
}

export interface ParkedJobRetried {
  /** The job is waiting again, due at once with its attempts reset. */
  retried: string;
}

export interface ParkedJobDropped {
  dropped: string;
}

export const listParkedJobs = endpoint({ method: 'get', path: '/api/scheduler/parked', response: returns<ParkedJobsResponse>() });
export const retryParkedJob = endpoint({ method: 'post', path: '/api/scheduler/parked/:id/retry', response: returns<ParkedJobRetried>() });
export const dropParkedJob = endpoint({ method: 'del', path: '/api/scheduler/parked/:id', response: returns<ParkedJobDropped>() });

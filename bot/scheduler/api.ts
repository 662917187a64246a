/**
 * The scheduler's tab API as wire types (SDK-free; the tab compiles this file too). Routes: schedulerRoutes.ts.
 *
 * GET    /api/scheduler/parked            -> ParkedJobsResponse
 * POST   /api/scheduler/parked/:id/retry  -> ParkedJobRetried (404 when the job is no longer parked)
 * DELETE /api/scheduler/parked/:id        -> ParkedJobDropped (404 when the job is no longer parked)
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

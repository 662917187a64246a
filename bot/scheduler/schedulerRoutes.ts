import { AppError } from '../errors';
import type { ApiRoute } from '../http/apiRoute';
import type { ParkedJobDropped, ParkedJobRetried, ParkedJobsResponse } from './api';
import { parseJobId } from './jobKeys';
import type { TableScheduler } from './tableScheduler';

const GONE = 'That job is no longer parked: someone may have retried or dropped it already. Reload to see the current list.';

/** The taskforce's view of jobs that kept failing: the list, and retry or drop one. Wire types in api.ts. */
export function schedulerRoutes(scheduler: TableScheduler): ApiRoute[] {
  const jobOf = (id: string | undefined) => {
    const job = parseJobId(id ?? '');
    if (!job) throw new AppError('NotFound', GONE);
    return job;
  };
  return [
    {
      method: 'get',
      path: '/api/scheduler/parked',
      access: 'taskforce',
      handle: async () => {
        const parked = await scheduler.listParked();
        const body: ParkedJobsResponse = {
          jobs: parked.jobs.map((job) => ({ id: job.id, kind: job.kind, title: job.title, parkedAt: job.parkedAt.toISOString(), attempts: job.attempts, lastError: job.lastError })),
          more: parked.more,
        };
        return { body };
      },
    },
    {
      method: 'post',
      path: '/api/scheduler/parked/:id/retry',
      access: 'taskforce',
      handle: async (request) => {
        const { kind, key } = jobOf(request.params.id);
        if (!(await scheduler.retryParked(kind, key))) throw new AppError('NotFound', GONE);
        const body: ParkedJobRetried = { retried: request.params.id ?? '' };
        return { body };
      },
    },
    {
      method: 'del',
      path: '/api/scheduler/parked/:id',
      access: 'taskforce',
      handle: async (request) => {
        const { kind, key } = jobOf(request.params.id);
        if (!(await scheduler.dropParked(kind, key))) throw new AppError('NotFound', GONE);
        const body: ParkedJobDropped = { dropped: request.params.id ?? '' };
        return { body };
      },
    },
  ];
}

import { AppError } from '../errors';
import { route, type ApiRoute } from '../http/apiRoute';
import { dropParkedJob, listParkedJobs, retryParkedJob } from './api';
import { parseJobId } from './jobKeys';
import type { TableScheduler } from './tableScheduler';

const GONE = 'That job is no longer parked: someone may have retried or dropped it already. Reload to see the current list.';

/** The taskforce's view of jobs that kept failing: the list, and retry or drop one. The contract is api.ts. */
export function schedulerRoutes(scheduler: TableScheduler): ApiRoute[] {
  const jobOf = (id: string) => {
    const job = parseJobId(id);
    if (!job) throw new AppError('NotFound', GONE);
    return job;
  };
  return [
    route(listParkedJobs, 'taskforce', async () => {
      const parked = await scheduler.listParked();
      return {
        body: {
          jobs: parked.jobs.map((job) => ({
            id: job.id,
            kind: job.kind,
            title: job.title,
            parkedAt: job.parkedAt.toISOString(),
            attempts: job.attempts,
            lastError: job.lastError,
          })),
          more: parked.more,
        },
      };
    }),
    route(retryParkedJob, 'taskforce', async (request) => {
      const { kind, key } = jobOf(request.params.id);
      if (!(await scheduler.retryParked(kind, key))) throw new AppError('NotFound', GONE);
      return { body: { retried: request.params.id } };
    }),
    route(dropParkedJob, 'taskforce', async (request) => {
      const { kind, key } = jobOf(request.params.id);
      if (!(await scheduler.dropParked(kind, key))) throw new AppError('NotFound', GONE);
      return { body: { dropped: request.params.id } };
    }),
  ];
}

import { AppError } from '../errors';
import type { ApiRoute } from '../http/apiRoute';
import type { DirectorySync } from './directorySync';

const MAX_PAGE = 100;

/**
 * The People page's API: sync status and anomalies (taskforce), "sync now" (taskforce), and a paged people search for
 * pickers (any signed-in person; it shows only what Teams shows anyone in the tenant: name, title, department, mail).
 */
export function directoryRoutes(directory: DirectorySync): ApiRoute[] {
  return [
    {
      method: 'get',
      path: '/api/directory/status',
      access: 'taskforce',
      handle: async () => ({ body: directory.status() }),
    },
    {
      method: 'get',
      path: '/api/directory/anomalies',
      access: 'taskforce',
      handle: async () => ({ body: { anomalies: directory.anomalies() } }),
    },
    {
      method: 'post',
      path: '/api/directory/sync',
      access: 'taskforce',
      handle: async () => {
        const started = directory.requestSync();
        return { status: 202, body: { started, status: directory.status() } };
      },
    },
    {
      method: 'get',
      path: '/api/people',
      access: 'signed-in',
      handle: async (request) => {
        const query = (request.query.q ?? '').trim();
        if (query.length > 100) throw new AppError('BadRequest', 'Please search with fewer than 100 characters.');
        const limit = boundedInt(request.query.limit, 20, 1, MAX_PAGE);
        const offset = boundedInt(request.query.offset, 0, 0, 1_000_000);
        const { people, total } = directory.index().search(query, { limit, offset });
        return {
          body: {
            total,
            offset,
            people: people.map((p) => ({ id: p.id, name: p.name, mail: p.mail, jobTitle: p.jobTitle, department: p.department })),
          },
        };
      },
    },
  ];
}

function boundedInt(value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new AppError('BadRequest', `Please use a whole number from ${min} to ${max}.`);
  return n;
}

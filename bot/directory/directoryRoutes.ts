import { route, type ApiRoute } from '../http/apiRoute';
import { getAnomalies, getDirectoryStatus, searchPeople, startDirectorySync } from './api';
import type { DirectorySync } from './directorySync';

/**
 * The People page's API (contract in api.ts): sync status and anomalies (taskforce), "sync now" (taskforce), and a
 * paged people search for pickers (any signed-in person; it shows only what Teams shows anyone in the tenant: name,
 * title, department, mail).
 */
export function directoryRoutes(directory: DirectorySync): ApiRoute[] {
  return [
    route(getDirectoryStatus, 'taskforce', async () => ({ body: directory.status() })),
    route(getAnomalies, 'taskforce', async () => ({ body: { anomalies: directory.anomalies() } })),
    route(startDirectorySync, 'taskforce', async () => {
      const started = directory.requestSync();
      return { status: 202, body: { started, status: directory.status() } };
    }),
    route(searchPeople, 'signed-in', async (request) => {
      const { limit, offset } = request.query;
      const { people, total } = directory.index().search((request.query.q ?? '').trim(), { limit, offset });
      return {
        body: {
          total,
          offset,
          people: people.map((p) => ({ id: p.id, name: p.name, mail: p.mail, jobTitle: p.jobTitle, department: p.department })),
        },
      };
    }),
  ];
}

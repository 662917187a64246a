import type { AppConfig } from '../config';
import type { Directory } from './person';
import { samplePersonas } from './samplePersonas';
import { AppError } from '../errors';
import type { RoleLookup as Roles } from '../http/roleLookup';
import { callerOf, route, type ApiRoute } from '../http/apiRoute';
import type { DevIssuer } from '../http/auth/devIssuer';
import { getMe, getSession, issueDevToken, listDevPeople, type DevPerson } from '../http/sessionApi';

/** Routes every tab needs: how to sign in, who am I, and in local mode the "sign in as" picker and its dev issuer. */
export function sessionRoutes(config: AppConfig, directory: () => Directory, roles: Roles, devIssuer: DevIssuer | undefined): ApiRoute[] {
  const routes: ApiRoute[] = [
    route(getSession, 'public', async () => ({ body: { mode: config.mode, ssoClientId: config.sso.clientId, tenantId: config.sso.tenantId } })),
    route(getMe, 'signed-in', async (request) => {
      const caller = callerOf(request);
      const person = directory().getPerson(caller.id);
      return { body: { id: caller.id, name: person?.name ?? caller.name, jobTitle: person?.jobTitle, department: person?.department, roles: request.roles } };
    }),
  ];
  if (!devIssuer) return routes;

  const describe = (id: string): DevPerson | undefined => {
    const person = directory().getPerson(id);
    return person && { id: person.id, name: person.name, jobTitle: person.jobTitle, department: person.department, roles: roles.rolesOf(person.id) };
  };
  routes.push(
    route(listDevPeople, 'public', async (request) => {
      const query = (request.query.search ?? '').slice(0, 100).trim();
      const ids = query
        ? directory()
            .search(query, { limit: 25 })
            .people.map((p) => p.id)
        : Object.values(samplePersonas).map((p) => p.id);
      return { body: { people: ids.map(describe).filter((p) => p !== undefined) } };
    }),
    route(issueDevToken, 'public', async (request) => {
      const person = directory().getPerson(request.body.personId);
      if (!person) throw new AppError('NotFound', 'That person is not in the directory.');
      if (!person.accountEnabled) throw new AppError('Forbidden', 'That account is disabled.');
      return { body: await devIssuer.issue(person) };
    }),
  );
  return routes;
}

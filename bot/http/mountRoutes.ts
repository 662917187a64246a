import type { Request, Response, Server } from 'restify';
import { AppError, toErrorBody } from '../errors';
import type { Logger } from '../log';
import type { RoleLookup as Roles } from './roleLookup';
import type { ApiRoute } from './apiRoute';
import { bearerToken, type TokenValidator } from './auth/tokenValidator';

/**
 * Mounts API routes on restify. Every route but a public one checks the bearer token (401) and the route's role (403)
 * before the route checks If-Match and its schemas (bot/http/apiRoute.ts) and runs its handler; errors become
 * `{ error: { code, message } }` with a kind message.
 */
export function mountRoutes(server: Server, routes: readonly ApiRoute[], validate: TokenValidator, roles: Roles, log: Logger): void {
  for (const route of routes) {
    const { method, path } = route.endpoint;
    server[method](path, async (req: Request, res: Response) => {
      try {
        let principal;
        if (route.access !== 'public') {
          principal = await validate(bearerToken(req.header('authorization')));
          if (route.access !== 'signed-in' && !roles.has(principal.id, route.access)) {
            throw new AppError('Forbidden', `This part of Mentoring Up is only for the ${accessName(route.access)}.`, `needs ${route.access}`);
          }
        }
        const result = await route.handle({
          principal,
          roles: principal ? roles.rolesOf(principal.id) : [],
          params: (req.params ?? {}) as Record<string, string>,
          query: req.query ?? {},
          body: req.body,
          ifMatch: req.header('if-match') || undefined,
        });
        if (result.contentType) {
          res.setHeader('content-type', result.contentType);
          res.sendRaw(result.status ?? 200, String(result.body ?? ''));
        } else {
          res.send(result.status ?? 200, result.body);
        }
      } catch (error) {
        if (!(error instanceof AppError)) log.error('api route failed', { method, path, error });
        else if (error.code !== 'Unauthorized' && error.code !== 'Forbidden') log.info('api request refused', { path, code: error.code, detail: error.detail });
        const { status, body } = toErrorBody(error);
        res.send(status, body);
      }
    });
  }
}

function accessName(role: string): string {
  return role === 'executive' ? 'executives in the program' : role === 'taskforce' ? 'program taskforce' : 'program participants';
}

import restify, { type Request, type Response, type Server } from 'restify';
import { withLogFields, type Logger } from '../log';
import type { RoleLookup as Roles } from './roleLookup';
import type { ApiRoute } from './apiRoute';
import type { TokenValidator } from './auth/tokenValidator';
import { mountHealthRoutes, type ReadinessCheck } from './healthRoutes';
import { legalPage } from './legalPages';
import { mountRoutes } from './mountRoutes';
import { useRequestIds } from './requestId';
import { staticFiles } from './staticFiles';

export interface HttpServerParts {
  /** Handles POST /api/messages (the Bot Framework endpoint). */
  processActivity(req: Request, res: Response): Promise<void>;
  routes: readonly ApiRoute[];
  validateToken: TokenValidator;
  roles: Roles;
  /** What /readyz checks (storage; Graph when configured). */
  readiness: Readonly<Record<string, ReadinessCheck>>;
  /** True once the service is shutting down: /readyz answers 503 so traffic drains. */
  stopping: () => boolean;
  tabDir: string;
  /** Serve the tab's source maps (local mode only). */
  serveSourceMaps: boolean;
  log: Logger;
}

/** Largest request body accepted: activities and card submissions are small; anything bigger is refused with 413. */
export const MAX_BODY_BYTES = 256 * 1024;

export function createHttpServer(parts: HttpServerParts): Server {
  const server = restify.createServer({ name: 'mentoring-up', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES, rejectUnknown: false }));
  useRequestIds(server, parts.log);

  // restify's own errors (malformed JSON, too large, no route) get the same body shape as ours.
  server.on('restifyError', (_req: Request, _res: Response, err: Error & { statusCode?: number; toJSON?: () => unknown }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    const [code, message] =
      status === 413
        ? ['TooLarge', 'That request is too large.']
        : status === 404 || status === 405
          ? ['NotFound', 'There is nothing at this address.']
          : status < 500
            ? ['BadRequest', 'That request could not be read. Please check it and try again.']
            : ['Internal', 'Something went wrong on our side. Please try again in a moment.'];
    if (status >= 500) parts.log.error('http error', { error: err });
    err.toJSON = () => ({ error: { code, message } });
    return callback();
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    await withLogFields(activityLogFields(req.body), () => parts.processActivity(req, res));
  });

  mountHealthRoutes(server, parts.readiness, parts.stopping);

  mountRoutes(server, parts.routes, parts.validateToken, parts.roles, parts.log);

  const tab = staticFiles(parts.tabDir, '/tab', { sourceMaps: parts.serveSourceMaps });
  const redirectToTab = async (_req: Request, res: Response) => {
    res.header('location', '/tab/');
    res.send(302);
  };
  server.get('/tab', redirectToTab);
  server.get('/', redirectToTab);
  server.get('/tab/*', tab);
  server.get('/privacy', legalPage('privacy'));
  server.get('/terms', legalPage('terms'));
  return server;
}

/** The activity's type and id, for every line logged during its turn (nothing from its text or card data). */
function activityLogFields(body: unknown): Record<string, string> {
  if (body === null || typeof body !== 'object') return {};
  const { type, id } = body as { type?: unknown; id?: unknown };
  return { ...(typeof type === 'string' ? { activityType: type.slice(0, 64) } : {}), ...(typeof id === 'string' ? { activityId: id.slice(0, 128) } : {}) };
}

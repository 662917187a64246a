import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Request, Response, Route, Server } from 'restify';
import { withLogFields, type Logger } from '../log';

/** The header a request id comes in (from a proxy or a caller) and goes back out in. */
export const REQUEST_ID_HEADER = 'x-request-id';
const INCOMING_HEADERS = ['x-request-id', 'request-id'] as const;
/** Ids we take as given: short, printable, nothing a log reader could mistake for structure. */
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
/** Probes answered every minute per instance: logged at debug so they do not drown the requests that matter. */
const QUIET_PATHS = new Set(['/healthz', '/readyz']);

/** restify's Request.id(reqId) sets the id once (documented in restify 11; @types/restify only declares the getter). */
interface RequestIdSetter {
  id(reqId: string): string;
}

/** The caller's request id when it is sane, else a new one. */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  for (const name of INCOMING_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string' && SANE_REQUEST_ID.test(value)) return value;
  }
  return randomUUID();
}

/**
 * Gives every request an id: returned in x-request-id, carried by every log line written while the request is handled
 * (bot turns and API calls alike), and by one access line when it ends.
 */
export function useRequestIds(server: Server, log: Logger): void {
  server.pre((req: Request, res: Response, next: () => void) => {
    const id = requestIdFrom(req.headers);
    (req as Request & RequestIdSetter).id(id);
    res.header(REQUEST_ID_HEADER, id);
    next();
  });
  // After the body parser: its stream callbacks run outside any request's async context, so the scope starts here.
  server.use((req: Request, _res: Response, next: () => void) => withLogFields({ requestId: req.id() }, () => next()));
  server.on('after', (req: Request, res: Response, route: Route | undefined) => {
    const path = (req.url ?? '').split('?')[0];
    const fields = { requestId: req.id(), method: req.method, path, route: route?.spec.path, status: res.statusCode, ms: Date.now() - req.time() };
    if (QUIET_PATHS.has(path)) log.debug('request', fields);
    else log.info('request', fields);
  });
}

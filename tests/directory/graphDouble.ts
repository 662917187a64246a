import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { CalendarDouble } from './calendarDouble';

/**
 * A loopback stand-in for Microsoft Graph that speaks its JSON for what the directory sync uses:
 * - `GET /v1.0/users/delta[?$select=…]`: a full round in pages (`@odata.nextLink` with `$skiptoken`), ending with an
 *   `@odata.deltaLink` (`$deltatoken`); the delta link later gives only the users changed since, with `@removed` for
 *   users deleted, and the manager as `manager@delta` (a removed manager as an entry carrying `@removed`), or as an
 *   expanded `manager` object when asked to answer that way;
 * - `GET /v1.0/groups/{id}/transitiveMembers/microsoft.graph.user`: member ids, paged;
 * - `POST /v1.0/users/{id}/teamwork/installedApps` with `{"teamsApp@odata.bind": ".../appCatalogs/teamsApps/{app id}"}`:
 *   201 with no body, 409 when the app is installed for that user already, 404 for an unknown user or catalog app;
 * - a bearer token on every request (401 otherwise), scripted 429/503 answers with Retry-After, a 410 for expired delta
 *   tokens, and a "break" that answers 500 from some page on, to stop a sync half way;
 * - calendars (see `calendarRoutes` below): `POST /users/{id}/calendar/getSchedule`, `POST /users/{id}/events`,
 *   `PATCH /users/{id}/events/{eventId}`, `POST /users/{id}/events/{eventId}/cancel`, with their own scripted answers.
 */
export interface DoubleUser {
  id: string;
  displayName: string;
  mail?: string;
  jobTitle?: string;
  department?: string;
  accountEnabled: boolean;
  managerId?: string;
}

interface ChangeEvent {
  version: number;
  id: string;
  /** The manager before, when this change removed it (for the `@removed` manager entry). */
  removedManagerId?: string;
}

export const GRAPH_PAGE_SIZE = 200;
export const DOUBLE_TOKEN = 'graph-double-token';

export class GraphDouble {
  readonly users = new Map<string, DoubleUser>();
  readonly groups = new Map<string, string[]>();
  /** Every request: path with query, and the status answered. */
  readonly requests: Array<{ path: string; status: number }> = [];
  managerStyle: 'delta' | 'expanded' = 'delta';
  /** Apps in the organisation's Teams app catalog (their catalog ids), and who has which installed. */
  readonly catalogApps = new Set<string>();
  readonly installedApps = new Map<string, Set<string>>();
  /** Mailboxes, free/busy and events; mailboxes are the users' `mail` addresses. */
  readonly calendar = new CalendarDouble((address) => [...this.users.values()].some((u) => u.mail?.toLowerCase() === address.toLowerCase()));
  pageSize = GRAPH_PAGE_SIZE;

  private version = 0;
  private log: ChangeEvent[] = [];
  private scripted: Array<{ status: number; retryAfter?: string }> = [];
  private pagesUntilBreak: number | undefined;
  private expiredBefore = 0;
  private server: http.Server | undefined;
  private origin = '';

  get baseUrl(): string {
    return `${this.origin}/v1.0`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The service's Graph settings pointing at this double (its token comes from `credential()`, not the secret). */
  serviceEnv(): Record<string, string> {
    return { GRAPH_TENANT_ID: 'tenant-under-test', GRAPH_CLIENT_ID: 'graph-client', GRAPH_CLIENT_SECRET: 'unused: the double takes its own token', GRAPH_BASE_URL: this.baseUrl };
  }

  /** A credential that returns the token the double accepts. */
  credential(): TokenCredential {
    return { getToken: async (): Promise<AccessToken> => ({ token: DOUBLE_TOKEN, expiresOnTimestamp: Date.now() + 3600_000 }) };
  }

  // ---- the directory's data; each change is recorded for later delta rounds ----

  seed(users: Iterable<DoubleUser>): void {
    for (const user of users) this.users.set(user.id, { ...user });
    this.version++; // a seed is the state before any round: not replayed as changes
    this.log = [];
  }

  upsert(user: DoubleUser): void {
    const before = this.users.get(user.id);
    this.users.set(user.id, { ...user });
    this.record(user.id, before?.managerId && !user.managerId ? before.managerId : undefined);
  }

  update(id: string, changes: Partial<Omit<DoubleUser, 'id'>>): void {
    const before = this.users.get(id);
    if (!before) throw new Error(`No user ${id}`);
    const after = { ...before, ...changes };
    if ('managerId' in changes && changes.managerId === undefined) delete after.managerId;
    this.users.set(id, after);
    this.record(id, before.managerId && !after.managerId ? before.managerId : undefined);
  }

  remove(id: string): void {
    this.users.delete(id);
    this.record(id);
  }

  /** The next answers to users/delta are these statuses (with Retry-After when given), then normal answers again. */
  failNext(...answers: Array<{ status: number; retryAfter?: string }>): void {
    this.scripted.push(...answers);
  }

  /** After `pages` more delta pages, answer 500 to every request until `repair()`. */
  breakAfterPages(pages: number): void {
    this.pagesUntilBreak = pages;
  }

  repair(): void {
    this.pagesUntilBreak = undefined;
  }

  /** Delta tokens issued so far stop working (410 Gone), as after Graph's token lifetime. */
  expireDeltaTokens(): void {
    this.expiredBefore = this.version + 1;
  }

  deltaRequests(): number {
    return this.requests.filter((r) => r.path.includes('/users/delta')).length;
  }

  private record(id: string, removedManagerId?: string): void {
    this.version++;
    this.log.push({ version: this.version, id, removedManagerId });
  }

  // ---- HTTP ----

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.origin);
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({ path: `${url.pathname}${url.search}`, status });
      res.writeHead(status, { 'Content-Type': 'application/json; odata.metadata=minimal', ...headers });
      res.end(JSON.stringify(body));
    };
    const error = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
      answer(status, { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': `double-${this.requests.length}` } } }, headers);

    if (req.headers.authorization !== `Bearer ${DOUBLE_TOKEN}`) return error(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    const install = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/.exec(url.pathname);
    if (install && req.method === 'POST') {
      void readJson(req).then(
        (body) => {
          const userId = decodeURIComponent(install[1]);
          const bindValue = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['teamsApp@odata.bind'] : undefined;
          const bind = typeof bindValue === 'string' ? bindValue : '';
          const appId = bind.startsWith(`${this.baseUrl}/appCatalogs/teamsApps/`) ? decodeURIComponent(bind.slice(`${this.baseUrl}/appCatalogs/teamsApps/`.length)) : '';
          if (!appId) return error(400, 'BadRequest', 'teamsApp@odata.bind must name an app in appCatalogs/teamsApps.');
          if (!this.users.has(userId)) return error(404, 'NotFound', `User ${userId} does not exist.`);
          if (!this.catalogApps.has(appId)) return error(404, 'NotFound', 'The app is not in the app catalog.');
          const installed = this.installedApps.get(userId) ?? new Set<string>();
          if (installed.has(appId)) return error(409, 'Conflict', 'App is already installed.');
          this.installedApps.set(userId, installed.add(appId));
          this.requests.push({ path: url.pathname, status: 201 });
          res.writeHead(201, { 'Content-Length': '0' });
          res.end();
        },
        () => error(400, 'BadRequest', 'Unable to read JSON request payload.'),
      );
      return;
    }
    if (this.calendar.serves(url.pathname)) {
      void readJson(req).then(
        (body) => {
          const reply = this.calendar.answer(req.method ?? 'GET', url.pathname, body, this.baseUrl);
          if (reply.status === 202 || reply.status === 204) {
            this.requests.push({ path: url.pathname, status: reply.status });
            res.writeHead(reply.status, reply.headers ?? {});
            res.end();
          } else if ('error' in reply) error(reply.status, reply.error.code, reply.error.message, reply.headers ?? {});
          else answer(reply.status, reply.body, reply.headers ?? {});
        },
        () => error(400, 'BadRequest', 'Unable to read JSON request payload.'),
      );
      return;
    }
    if (req.method !== 'GET') return error(405, 'Request_BadRequest', 'Only GET is served here.');

    if (url.pathname === '/v1.0/users/delta') {
      const scripted = this.scripted.shift();
      if (scripted) {
        const code = scripted.status === 429 ? 'TooManyRequests' : scripted.status === 503 ? 'ServiceUnavailable' : 'generalException';
        return error(scripted.status, code, 'Please retry later.', scripted.retryAfter !== undefined ? { 'Retry-After': scripted.retryAfter } : {});
      }
      if (this.pagesUntilBreak !== undefined && this.pagesUntilBreak <= 0) return error(500, 'generalException', 'Something went wrong.');
      const body = this.deltaPage(url.searchParams);
      if ('gone' in body) return error(410, 'syncStateNotFound', 'The delta token has expired; start a new round.');
      if (this.pagesUntilBreak !== undefined) this.pagesUntilBreak--;
      return answer(200, body);
    }
    const members = /^\/v1\.0\/groups\/([^/]+)\/transitiveMembers\/microsoft\.graph\.user$/.exec(url.pathname);
    if (members) {
      const ids = this.groups.get(decodeURIComponent(members[1]));
      if (!ids) return error(404, 'Request_ResourceNotFound', 'The group does not exist.');
      const top = Number(url.searchParams.get('$top') ?? '100');
      const from = Number(url.searchParams.get('$skiptoken') ?? '0');
      const next = from + top < ids.length ? `${this.baseUrl}${members[0].slice('/v1.0'.length)}?$select=id&$top=${top}&$skiptoken=${from + top}` : undefined;
      return answer(200, {
        '@odata.context': `${this.baseUrl}/$metadata#directoryObjects`,
        ...(next ? { '@odata.nextLink': next } : {}),
        value: ids.slice(from, from + top).map((id) => ({ '@odata.type': '#microsoft.graph.user', id })),
      });
    }
    return error(404, 'Request_ResourceNotFound', `No resource at ${url.pathname}.`);
  }

  /**
   * Tokens: `$skiptoken=full.{roundVersion}.{offset}.{select}` for a full round, `$skiptoken=delta.{from}.{to}.{offset}.{select}`
   * for changes, `$deltatoken={version}.{select}` for the next round.
   */
  private deltaPage(query: URLSearchParams): Record<string, unknown> | { gone: true } {
    const skip = query.get('$skiptoken');
    const delta = query.get('$deltatoken');
    if (skip?.startsWith('full.')) {
      const [, version, offset, select] = skip.split('.');
      return this.fullPage(Number(version), Number(offset), decodeSelect(select));
    }
    if (skip?.startsWith('delta.')) {
      const [, from, to, offset, select] = skip.split('.');
      return this.changesPage(Number(from), Number(to), Number(offset), decodeSelect(select));
    }
    if (delta) {
      const [version, select] = delta.split('.');
      if (Number(version) < this.expiredBefore) return { gone: true };
      return this.changesPage(Number(version), this.version, 0, decodeSelect(select));
    }
    const select = query.get('$select');
    return this.fullPage(this.version, 0, select ? select.split(',') : ['id', 'displayName', 'mail', 'jobTitle', 'department', 'accountEnabled']);
  }

  private fullPage(version: number, offset: number, select: string[]): Record<string, unknown> {
    const all = [...this.users.values()];
    const value = all.slice(offset, offset + this.pageSize).map((user) => this.render(user, select));
    const end = offset + this.pageSize >= all.length;
    return this.page(value, end ? { delta: `${version}.${encodeSelect(select)}` } : { skip: `full.${version}.${offset + this.pageSize}.${encodeSelect(select)}` });
  }

  private changesPage(from: number, to: number, offset: number, select: string[]): Record<string, unknown> {
    // The latest event per user after `from`, in order; a user changed twice appears once, as they are now.
    const latest = new Map<string, ChangeEvent>();
    for (const event of this.log)
      if (event.version > from && event.version <= to) latest.set(event.id, { ...event, removedManagerId: event.removedManagerId ?? latest.get(event.id)?.removedManagerId });
    const events = [...latest.values()];
    const value = events.slice(offset, offset + this.pageSize).map((event) => {
      const user = this.users.get(event.id);
      if (!user) return { id: event.id, '@removed': { reason: 'changed' } };
      const rendered = this.render(user, select);
      if (select.includes('manager') && !user.managerId && event.removedManagerId) {
        if (this.managerStyle === 'delta') rendered['manager@delta'] = [{ '@odata.type': '#microsoft.graph.user', id: event.removedManagerId, '@removed': { reason: 'deleted' } }];
        else rendered.manager = null;
      }
      return rendered;
    });
    const end = offset + this.pageSize >= events.length;
    return this.page(value, end ? { delta: `${to}.${encodeSelect(select)}` } : { skip: `delta.${from}.${to}.${offset + this.pageSize}.${encodeSelect(select)}` });
  }

  private page(value: unknown[], link: { skip?: string; delta?: string }): Record<string, unknown> {
    return {
      '@odata.context': `${this.baseUrl}/$metadata#users`,
      ...(link.skip ? { '@odata.nextLink': `${this.baseUrl}/users/delta?$skiptoken=${link.skip}` } : {}),
      ...(link.delta ? { '@odata.deltaLink': `${this.baseUrl}/users/delta?$deltatoken=${link.delta}` } : {}),
      value,
    };
  }

  private render(user: DoubleUser, select: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const field of select) {
      if (field === 'manager') {
        if (!user.managerId) continue;
        const manager = { '@odata.type': '#microsoft.graph.user', id: user.managerId };
        if (this.managerStyle === 'delta') out['manager@delta'] = [manager];
        else out.manager = manager;
      } else if (field !== 'id') {
        out[field] = user[field as keyof DoubleUser] ?? null;
      }
    }
    out.id = user.id;
    return out;
  }
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : JSON.parse(text);
}

function encodeSelect(select: string[]): string {
  return Buffer.from(select.join(',')).toString('base64url');
}

function decodeSelect(token: string): string[] {
  return Buffer.from(token, 'base64url').toString().split(',');
}

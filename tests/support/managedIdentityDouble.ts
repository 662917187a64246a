import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { SignJWT } from 'jose';
import { listenOnLoopback, type LoopbackServer } from './loopback';

/**
 * A loopback stand-in for App Service's managed identity endpoint, speaking its wire format (api-version 2019-08-01):
 * `GET {IDENTITY_ENDPOINT}?api-version=2019-08-01&resource=<resource>&client_id=<user-assigned identity>` with the
 * `X-IDENTITY-HEADER` secret, answered with `{ access_token, expires_on, resource, token_type, client_id }`.
 * @azure/identity finds it through the IDENTITY_ENDPOINT and IDENTITY_HEADER variables App Service sets.
 *
 * Its tokens are JWTs shaped like Entra's (issuer sts.windows.net/<tenant>/, audience the resource), which Azurite
 * accepts with `--oauth basic` (it checks issuer, audience and lifetime, not the signature). A resource may be given a
 * fixed token (a Graph double wants its own), or refused.
 */
export interface TokenRequest {
  resource: string;
  clientId?: string;
}

export class ManagedIdentityDouble {
  readonly secret = randomUUID();
  readonly tenantId = randomUUID();
  readonly requests: TokenRequest[] = [];
  /** Resources (as requested, e.g. https://graph.microsoft.com) answered 400 as for an identity without access. */
  readonly refused = new Set<string>();
  private readonly fixedTokens = new Map<string, string>();
  private server?: LoopbackServer;

  constructor(readonly clientId: string) {}

  /** The value of IDENTITY_ENDPOINT. */
  get endpoint(): string {
    if (!this.server) throw new Error('managed identity double is not started');
    return `http://127.0.0.1:${this.server.port}/msi/token`;
  }

  /** The variables App Service sets for a site with a managed identity. */
  get environment(): Record<string, string> {
    return { IDENTITY_ENDPOINT: this.endpoint, IDENTITY_HEADER: this.secret };
  }

  tokenFor(resource: string, token: string): this {
    this.fixedTokens.set(resource, token);
    return this;
  }

  async start(): Promise<this> {
    this.server = await listenOnLoopback((req, res) => void this.handle(req, res));
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/msi/token' || req.method !== 'GET') return reply(404, { statusCode: 404, message: 'Not found' });
    if (req.headers['x-identity-header'] !== this.secret) return reply(401, { statusCode: 401, message: 'Unauthorized: X-IDENTITY-HEADER is missing or wrong.' });
    if (url.searchParams.get('api-version') !== '2019-08-01') return reply(400, { statusCode: 400, message: 'Unsupported api-version.' });
    const resource = url.searchParams.get('resource') ?? '';
    const clientId = url.searchParams.get('client_id') ?? undefined;
    this.requests.push({ resource, clientId });
    if (!resource) return reply(400, { statusCode: 400, message: 'resource is required.' });
    if (clientId !== this.clientId) return reply(400, { statusCode: 400, message: `No user-assigned identity with client id ${clientId} is assigned to this site.` });
    if (this.refused.has(resource)) return reply(400, { statusCode: 400, message: `The identity may not get a token for ${resource}.` });

    const expiresOn = Math.floor(Date.now() / 1000) + 3600;
    const token = this.fixedTokens.get(resource) ?? (await this.jwt(resource, expiresOn));
    reply(200, { access_token: token, expires_on: String(expiresOn), resource, token_type: 'Bearer', client_id: this.clientId });
  }

  private jwt(resource: string, expiresOn: number): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ appid: this.clientId, oid: randomUUID(), tid: this.tenantId, idtyp: 'app' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(`https://sts.windows.net/${this.tenantId}/`)
      .setAudience(resource)
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(expiresOn)
      .sign(new TextEncoder().encode(this.secret));
  }
}

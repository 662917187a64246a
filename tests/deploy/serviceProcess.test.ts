import { randomUUID } from 'node:crypto';
import https from 'node:https';
import net from 'node:net';
import fs from 'node:fs';
import { SignJWT } from 'jose';
import { generateOrg, sampleOrg, sampleRoles } from '../../bot/directory/sampleOrg';
import { startAzurite, type EmbeddedAzurite } from '../../bot/storage/azurite';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import { DOUBLE_TOKEN, GraphDouble } from '../directory/graphDouble';
import { toDoubleUser } from '../directory/syncHarness';
import { startOAuthAzurite, type OAuthAzurite } from '../support/azuriteOAuth';
import { ConnectorDouble } from '../support/connectorDouble';
import { ManagedIdentityDouble } from '../support/managedIdentityDouble';
import { ensureServerBuilt, killServiceProcess, startServiceProcess, type ServiceProcess } from '../support/serviceProcess';
import { message, personalConversationId, post } from '../support/teamsActivities';

/**
 * The built service as App Service runs it: Table storage and Microsoft Graph reached with the user-assigned managed
 * identity (no key, no secret), and a stop by SIGTERM.
 *
 * Storage is Azurite with `--oauth basic` over https: it takes the bearer tokens the identity endpoint (a double speaking
 * App Service's wire format) issues, checking their issuer, audience and lifetime, as the code path in Azure does
 * (TableClient with a TokenCredential). It does not check signatures or role assignments; the Bicep's role assignment
 * (Storage Table Data Contributor) is checked in tests/manifest/infra.test.ts.
 */
const GRAPH_RESOURCE = 'https://graph.microsoft.com';
const STORAGE_RESOURCE = 'https://storage.azure.com';

beforeAll(() => ensureServerBuilt(), 240_000);

describe('the service with a managed identity', () => {
  const clientId = randomUUID();
  let azurite: OAuthAzurite;
  let identity: ManagedIdentityDouble;
  let graph: GraphDouble;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    azurite = await startOAuthAzurite();
    identity = await new ManagedIdentityDouble(clientId).tokenFor(GRAPH_RESOURCE, DOUBLE_TOKEN).start();
    graph = await new GraphDouble().start();
    graph.seed(generateOrg({ size: 12, seed: 5 }).map(toDoubleUser));
  });
  afterEach(async () => {
    await killServiceProcess(service);
    service = undefined;
  });
  afterAll(async () => {
    await Promise.all([azurite?.stop(), identity?.stop(), graph?.close()]);
  });

  const environment = (): Record<string, string> => ({
    ...identity.environment,
    NODE_EXTRA_CA_CERTS: azurite.certificateFile,
    STORAGE_ACCOUNT_URL: azurite.accountUrl,
    AZURE_CLIENT_ID: clientId,
    GRAPH_TENANT_ID: identity.tenantId,
    GRAPH_CLIENT_ID: clientId,
    GRAPH_BASE_URL: graph.baseUrl,
  });

  it('Azurite takes only tokens meant for storage: the checks below mean something', async () => {
    expect(await listTables(azurite, await identityToken(identity, STORAGE_RESOURCE))).toBe(200);
    expect(await listTables(azurite, await entraShapedToken(identity.tenantId, GRAPH_RESOURCE))).toBe(403);
    expect(await listTables(azurite, undefined)).toBe(403);
  });

  it('starts on tokens alone: every table through the identity, the org read from Graph with it, /readyz ready', async () => {
    service = await startServiceProcess(environment());
    const ready = await getJson(`${service.baseUrl}/readyz`);
    expect(ready).toEqual({ status: 200, body: { status: 'ready', checks: { storage: 'ok', graph: 'ok' } } });

    expect(identity.requests).toContainEqual({ resource: STORAGE_RESOURCE, clientId });
    expect(identity.requests).toContainEqual({ resource: GRAPH_RESOURCE, clientId });
    expect(graph.deltaRequests()).toBeGreaterThan(0);
    const configLine = service.logEntries().find((entry) => entry.message === 'starting Mentoring Up');
    expect(configLine?.config).toMatchObject({ storage: { accountUrl: azurite.accountUrl, credential: `managed identity ${clientId}` }, graph: { credential: 'managedIdentity' } });
    expect(service.lines.join('\n')).not.toContain('AccountKey');
  });

  it('is not ready while the identity may not get a Graph token', async () => {
    identity.refused.add(GRAPH_RESOURCE);
    try {
      service = await startServiceProcess(environment());
      expect(await getJson(`${service.baseUrl}/readyz`)).toEqual({ status: 503, body: { status: 'not-ready', checks: { storage: 'ok', graph: 'unreachable' } } });
      expect((await getJson(`${service.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      identity.refused.delete(GRAPH_RESOURCE);
    }
  });
});

describe('stopping on SIGTERM, as App Service stops an instance', () => {
  let azurite: EmbeddedAzurite;
  let service: ServiceProcess | undefined;
  beforeAll(async () => {
    azurite = await startAzurite({ inMemory: true });
  });
  afterAll(async () => {
    await killServiceProcess(service);
    await azurite.stop();
  });

  it('refuses new connections, finishes the bot turn in flight, and exits 0', async () => {
    // The turn stays in flight while the Bot Connector holds its answer to the bot's reply.
    let release!: () => void;
    const connector = await new ConnectorDouble({ holdAnswers: new Promise<void>((resolve) => (release = resolve)) }).start();
    try {
      service = await startServiceProcess({ STORAGE_CONNECTION_STRING: azurite.connectionString });
      // The start-up log counts the roles the People page shows (the sample org's), not the configured id lists.
      const sample = sampleRoles(sampleOrg());
      const ready = service.logEntries().find((entry) => entry.message === 'Mentoring Up is ready');
      expect(ready?.roles).toMatchObject({ taskforce: sample.taskforce.length, executives: sample.executives.length });
      expect(sample.taskforce.length).toBeGreaterThan(0);
      const requestId = `in-flight-${randomUUID()}`;
      const answer = post(service.baseUrl, message(connector.url, samplePersonas.employee, 'hi'), { 'x-request-id': requestId });
      await until(() => connector.requests > 0, 'the bot to be replying');

      service.child.kill('SIGTERM');
      await untilRefused(Number(new URL(service.baseUrl).port));
      release();

      expect((await answer).status).toBe(200);
      expect(connector.received.map((r) => r.conversationId)).toEqual([personalConversationId(samplePersonas.employee)]);
      expect(await service.exited).toBe(0);
      const messages = service.logEntries().map((entry) => entry.message);
      expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^shutting down/), 'stopped']));
      expect(service.logEntries().find((entry) => entry.message === 'request' && entry.requestId === requestId)).toMatchObject({ status: 200, path: '/api/messages' });
    } finally {
      release();
      await connector.stop();
    }
  });
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** Waits until the port stops taking connections (bounded). */
async function untilRefused(port: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    if (refused) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Port ${port} still takes connections.`);
}

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

/** A token from the identity endpoint. */
async function identityToken(identity: ManagedIdentityDouble, resource: string): Promise<string> {
  const url = new URL(identity.endpoint);
  url.search = new URLSearchParams({ 'api-version': '2019-08-01', resource, client_id: identity.clientId }).toString();
  const response = await fetch(url, { headers: { 'x-identity-header': identity.secret } });
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A token shaped like Entra's for another audience. */
function entraShapedToken(tenantId: string, audience: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(`https://sts.windows.net/${tenantId}/`)
    .setAudience(audience)
    .setIssuedAt(now)
    .setNotBefore(now - 60)
    .setExpirationTime(now + 600)
    .sign(new TextEncoder().encode('not-checked-by-azurite'));
}

/** GET the account's table list, straight on the wire, trusting Azurite's self-signed certificate. */
function listTables(azurite: OAuthAzurite, token: string | undefined): Promise<number> {
  const url = new URL(`${azurite.accountUrl}/Tables`);
  const headers: Record<string, string> = { accept: 'application/json;odata=nometadata', 'x-ms-version': '2019-02-02', 'x-ms-date': new Date().toUTCString() };
  if (token) headers.authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca: fs.readFileSync(azurite.certificateFile), headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .once('error', reject);
  });
}

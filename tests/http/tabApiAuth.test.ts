import { samplePersonas } from '../../bot/directory/samplePersonas';
import { tokenFor } from '../support/devApi';
import { EntraDouble, otherSigningKey } from '../support/entraDouble';
import { startTestService, type TestService } from '../support/service';
import { message, post } from '../support/teamsActivities';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT_ID = '0d3c1f7e-5b3a-4a7f-9d1e-6f2b8c9a0e11';
const BOT_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const priya = samplePersonas.taskforce;
const jordan = samplePersonas.employee;

describe('production mode: the tab API accepts only valid Entra ID tokens, and the bot only authenticated activities', () => {
  let entra: EntraDouble;
  let service: TestService;

  beforeAll(async () => {
    entra = await new EntraDouble(TENANT).start();
    service = await startTestService({
      env: {
        BOT_ID,
        BOT_PASSWORD: 'not-a-real-secret',
        AAD_APP_CLIENT_ID: CLIENT_ID,
        AAD_APP_TENANT_ID: TENANT,
        AAD_APP_OAUTH_AUTHORITY_HOST: entra.authorityHost,
        PUBLIC_URL: 'https://mentoring-up.example.org',
        TASKFORCE_IDS: priya.id,
      },
    });
  });
  afterAll(async () => {
    await service.stop();
    await entra.stop();
  });

  const get = (path: string, token?: string) =>
    fetch(`${service.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as Record<string, unknown>,
    }));

  it('answers 200 with a valid token and tells who is signed in, with their roles', async () => {
    const token = await entra.token(priya, { audience: CLIENT_ID });
    const me = await get('/api/me', token);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: priya.id, name: priya.name, roles: ['taskforce', 'employee'] });
  });

  it('accepts the application id URI as audience too (v1-style tokens)', async () => {
    const token = await entra.token(jordan, { audience: `api://mentoring-up.example.org/${CLIENT_ID}` });
    expect((await get('/api/me', token)).status).toBe(200);
  });

  it.each([
    ['no token', async () => undefined],
    ['an expired token', async () => entra.token(jordan, { audience: CLIENT_ID, expiresInSeconds: -600 })],
    ['a token for another audience', async () => entra.token(jordan, { audience: 'api://someone-else' })],
    ['a token from another tenant', async () => entra.token(jordan, { audience: CLIENT_ID, claims: { tid: '11111111-2222-4333-8444-555555555555' } })],
    ['a token from another issuer', async () => entra.token(jordan, { audience: CLIENT_ID, issuer: 'https://login.example.com/evil/v2.0' })],
    ['a token signed with another key', async () => entra.token(jordan, { audience: CLIENT_ID, key: await otherSigningKey() })],
    ['a token without the access_as_user scope', async () => entra.token(jordan, { audience: CLIENT_ID, claims: { scp: 'User.Read' } })],
    ['a malformed token', async () => 'not.a.jwt'],
  ])('answers 401 with %s', async (_case, makeToken) => {
    const response = await get('/api/me', await makeToken());
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'Unauthorized', message: expect.any(String) } });
    expect(JSON.stringify(response.body)).not.toMatch(/jws|signature|JWT|exp claim/i);
  });

  it('answers 403 when the role does not match, 200 when it does', async () => {
    const employee = await entra.token(jordan, { audience: CLIENT_ID });
    const forbidden = await get('/api/directory/status', employee);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual({ error: { code: 'Forbidden', message: 'This part of Mentoring Up is only for the program taskforce.' } });
    const taskforce = await entra.token(priya, { audience: CLIENT_ID });
    expect((await get('/api/directory/status', taskforce)).status).toBe(200);
  });

  it('offers no dev sign-in in production', async () => {
    expect((await fetch(`${service.baseUrl}/api/dev/people`)).status).toBe(404);
    const session = await get('/api/session');
    expect(session.body).toEqual({ mode: 'production', ssoClientId: CLIENT_ID, tenantId: TENANT });
  });

  it('refuses an activity without a Bot Framework token with 401', async () => {
    const response = await post(service.baseUrl, message('https://smba.trafficmanager.net/amer/', jordan, 'hi'));
    expect(response.status).toBe(401);
    const forged = await post(service.baseUrl, message('https://smba.trafficmanager.net/amer/', jordan, 'hi'), { authorization: 'Bearer forged.token.value' });
    expect(forged.status).toBe(401);
  });
});

describe('local mode: the dev issuer signs tokens that pass the same validation', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => service.stop());

  it('lists the personas and signs in as one of them', async () => {
    const people = (await (await fetch(`${service.baseUrl}/api/dev/people`)).json()) as { people: { id: string; roles: string[] }[] };
    expect(people.people.map((p) => p.id)).toEqual(expect.arrayContaining(Object.values(samplePersonas).map((p) => p.id)));
    expect(people.people.find((p) => p.id === priya.id)?.roles).toContain('taskforce');
    expect(people.people.find((p) => p.id === samplePersonas.executive.id)?.roles).toContain('executive');

    const token = await tokenFor(service.baseUrl, jordan.id);
    const me = await fetch(`${service.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: jordan.id, roles: ['employee'] });
    expect((await fetch(`${service.baseUrl}/api/directory/status`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(403);
  });

  it('keeps the directory status, anomalies and "sync now" for the taskforce', async () => {
    const [employee, taskforce] = await Promise.all([tokenFor(service.baseUrl, jordan.id), tokenFor(service.baseUrl, priya.id)]);
    const routes: [string, string, number][] = [
      ['GET', '/api/directory/status', 200],
      ['GET', '/api/directory/anomalies', 200],
      ['POST', '/api/directory/sync', 202],
    ];
    for (const [method, path, ok] of routes) {
      const call = (token?: string) => fetch(`${service.baseUrl}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
      expect([path, (await call()).status]).toEqual([path, 401]);
      expect([path, (await call(employee)).status]).toEqual([path, 403]);
      expect([path, (await call(taskforce)).status]).toEqual([path, ok]);
    }
    // A sync requested from the tab is under way in the answer itself, so the People page can follow it.
    await service.app.directorySync.syncNow();
    const requested = await fetch(`${service.baseUrl}/api/directory/sync`, { method: 'POST', headers: { authorization: `Bearer ${taskforce}` } });
    expect(await requested.json()).toMatchObject({ started: true, status: { running: { kind: 'incremental', pages: 0 } } });
    const anomalies = (await (await fetch(`${service.baseUrl}/api/directory/anomalies`, { headers: { authorization: `Bearer ${taskforce}` } })).json()) as {
      anomalies: { kind: string; description: string }[];
    };
    expect(anomalies.anomalies.every((a) => typeof a.description === 'string' && a.description.length > 0)).toBe(true);
  });

  it('refuses to sign in as someone not in the directory', async () => {
    const response = await fetch(`${service.baseUrl}/api/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId: 'nobody' }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'NotFound', message: 'That person is not in the directory.' } });
  });

  it('searches people for pickers, paged', async () => {
    const token = await tokenFor(service.baseUrl, jordan.id);
    const search = await fetch(`${service.baseUrl}/api/people?q=okafor&limit=5`, { headers: { authorization: `Bearer ${token}` } });
    expect(search.status).toBe(200);
    const body = (await search.json()) as { total: number; people: { name: string }[] };
    expect(body.people.map((p) => p.name)).toContain('Sam Okafor');
    expect((await fetch(`${service.baseUrl}/api/people?limit=5000`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(400);
  });
});

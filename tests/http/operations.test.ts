import { randomUUID } from 'node:crypto';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import { ConnectorDouble } from '../support/connectorDouble';
import { tokenFor } from '../support/devApi';
import { startTestService, type TestService } from '../support/service';
import { cardAction, post } from '../support/teamsActivities';

/** What an operator relies on: liveness, readiness, and a request id on every answer and every log line. */

function logEntries(service: TestService): Array<Record<string, unknown>> {
  return service.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('health and readiness', () => {
  it('answers /healthz while the process runs, and /readyz 503 naming storage once storage stops answering', async () => {
    const service = await startTestService();
    try {
      expect(await getJson(`${service.baseUrl}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
      expect(await getJson(`${service.baseUrl}/readyz`)).toEqual({ status: 200, body: { status: 'ready', checks: { storage: 'ok' } } });

      await service.azurite.stop();
      expect(await getJson(`${service.baseUrl}/readyz`)).toEqual({ status: 503, body: { status: 'not-ready', checks: { storage: 'unreachable' } } });
      // Liveness does not depend on storage: App Service must not replace an instance for an outage elsewhere.
      expect((await getJson(`${service.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await service.stop();
    }
  });
});

describe('request ids', () => {
  let service: TestService;
  let connector: ConnectorDouble;
  beforeAll(async () => {
    [connector, service] = await Promise.all([new ConnectorDouble().start(), startTestService()]);
  });
  afterAll(() => Promise.all([service.stop(), connector.stop()]));

  it('keeps a sane incoming x-request-id or request-id and returns it', async () => {
    const given = `gateway-${randomUUID()}`;
    expect((await fetch(`${service.baseUrl}/healthz`, { headers: { 'x-request-id': given } })).headers.get('x-request-id')).toBe(given);
    expect((await fetch(`${service.baseUrl}/healthz`, { headers: { 'request-id': given } })).headers.get('x-request-id')).toBe(given);
  });

  it('makes a new one when none comes or the one that comes is not sane', async () => {
    const ids = [];
    for (const header of [undefined, 'has spaces in it', 'x'.repeat(200), '|legacy.1.', '"quoted"']) {
      const response = await fetch(`${service.baseUrl}/healthz`, { headers: header === undefined ? {} : { 'x-request-id': header } });
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      ids.push(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks every line logged during an API call with its id, and logs the call once', async () => {
    const requestId = `api-${randomUUID()}`;
    const token = await tokenFor(service.baseUrl, samplePersonas.taskforce.id);
    const response = await fetch(`${service.baseUrl}/api/cohorts/no-such-cohort`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': requestId } });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toBe(requestId);

    const lines = logEntries(service).filter((entry) => entry.requestId === requestId);
    expect(lines.map((entry) => entry.message)).toEqual(['api request refused', 'request']);
    expect(lines[1]).toMatchObject({ level: 'info', method: 'GET', path: '/api/cohorts/no-such-cohort', route: '/api/cohorts/:cohortId', status: 404 });
  });

  it('marks every line logged during a bot turn with the request id and the activity', async () => {
    const requestId = `turn-${randomUUID()}`;
    const activity = cardAction(connector.url, { id: samplePersonas.employee.id, name: samplePersonas.employee.name }, 'launchRockets', { id: 'x' });
    const response = await post(service.baseUrl, activity, { 'x-request-id': requestId });
    expect(response.status).toBe(400);

    const refused = logEntries(service).find((entry) => entry.message === 'card action refused' && entry.requestId === requestId);
    expect(refused).toMatchObject({ activityType: 'invoke', activityId: (activity as { id: string }).id, verb: 'launchRockets' });
    // A request that came with none gets one of its own, in its log lines too.
    await post(service.baseUrl, cardAction(connector.url, { id: samplePersonas.employee.id, name: samplePersonas.employee.name }, 'launchRockets', { id: 'y' }));
    const refusals = logEntries(service).filter((entry) => entry.message === 'card action refused');
    expect(new Set(refusals.map((entry) => entry.requestId)).size).toBe(2);
  });
});

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

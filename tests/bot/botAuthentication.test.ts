// Production mode's bot endpoint: Bot Connector tokens are checked against the Bot Framework's published keys (a
// loopback double of its key discovery here). A bad token is a 401, keys that cannot be fetched a 503, and neither
// answer nor the log carries the SDK's internal text or a stack trace.
import { samplePersonas } from '../../bot/directory/samplePersonas';
import { startAzurite, type EmbeddedAzurite } from '../../bot/storage/azurite';
import { BotFrameworkDouble } from '../support/botFrameworkDouble';
import { otherSigningKey } from '../support/entraDouble';
import { findFreePort } from '../support/playground';
import { startTestService, type TestService } from '../support/service';
import { installationUpdate, message, post } from '../support/teamsActivities';

const BOT_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
const jordan = samplePersonas.employee;
/** What the SDK's own answers and logs used to carry: hosts, library wording, stack frames. */
const INTERNAL_TEXT = /request to|getaddrinfo|ECONNREFUSED|openid|Failed to load|Signing Key|botframework-connector|\bat \S+ \(/i;

function production(openIdMetadataUrl: string): Record<string, string> {
  return {
    BOT_ID,
    BOT_PASSWORD: 'not-a-real-secret',
    BOT_OPENID_METADATA_URL: openIdMetadataUrl,
    AAD_APP_CLIENT_ID: '0d3c1f7e-5b3a-4a7f-9d1e-6f2b8c9a0e11',
    AAD_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    PUBLIC_URL: 'https://mentoring-up.example.org',
  };
}

let azurite: EmbeddedAzurite;
beforeAll(async () => {
  azurite = await startAzurite({ inMemory: true });
});
afterAll(async () => {
  await azurite?.stop();
});

describe('with the Bot Framework keys reachable', () => {
  let keys: BotFrameworkDouble;
  let service: TestService;
  beforeAll(async () => {
    keys = await new BotFrameworkDouble().start();
    service = await startTestService({ azurite, env: production(keys.openIdMetadataUrl) });
  });
  afterAll(async () => {
    await service?.stop();
    await keys?.stop();
  });

  it('accepts an activity signed by the Bot Framework for this bot', async () => {
    const token = await keys.token({ audience: BOT_ID, serviceUrl: SERVICE_URL });
    const response = await post(service.baseUrl, installationUpdate(SERVICE_URL, jordan), { authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(await service.app.conversations.get(jordan.id)).toMatchObject({ serviceUrl: SERVICE_URL });
  });

  it.each([
    ['no token', async () => undefined],
    ['a token signed with another key', async () => keys.token({ audience: BOT_ID, serviceUrl: SERVICE_URL, key: await otherSigningKey() })],
    ['a token whose key is not published', async () => keys.token({ audience: BOT_ID, serviceUrl: SERVICE_URL, kid: 'unknown-key' })],
    ['a token for another bot', async () => keys.token({ audience: 'another-bot-id', serviceUrl: SERVICE_URL })],
    ['a token for another service URL', async () => keys.token({ audience: BOT_ID, serviceUrl: 'https://evil.example/' })],
    ['a malformed token', async () => 'forged.token.value'],
  ])('answers 401 to %s, with a plain sentence and no stack in the log', async (_case, makeToken) => {
    const printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const token = await makeToken();
      const logsBefore = service.logs.length;
      const response = await post(service.baseUrl, message(SERVICE_URL, jordan, 'hi'), token ? { authorization: `Bearer ${token}` } : {});
      expect(response).toEqual({ status: 401, body: { error: { code: 'Unauthorized', message: 'This request is not signed by the Bot Framework.' } } });
      const logged = service.logs.slice(logsBefore);
      expect(logged.some((line) => line.includes('activity refused: not authenticated'))).toBe(true);
      expect(logged.join('\n')).not.toMatch(/"stack"/);
      // The SDK itself still prints one line naming its keys for a bad signature; never an error with its stack.
      const printedArgs = printed.mock.calls.flat();
      expect(printedArgs.filter((arg) => arg instanceof Error)).toEqual([]);
      expect(printedArgs.map(String).join('\n')).not.toMatch(/\n\s+at \S/);
    } finally {
      printed.mockRestore();
    }
  });
});

describe('with the Bot Framework keys unreachable', () => {
  it('answers 503 with a plain sentence when nothing listens at the key discovery address', async () => {
    const service = await startTestService({ azurite, env: production(`http://127.0.0.1:${await findFreePort()}/v1/.well-known/openidconfiguration`) });
    try {
      const keys = await new BotFrameworkDouble().start();
      const token = await keys.token({ audience: BOT_ID, serviceUrl: SERVICE_URL });
      await keys.stop();
      const response = await post(service.baseUrl, message(SERVICE_URL, jordan, 'hi'), { authorization: `Bearer ${token}` });
      expect(response).toEqual({
        status: 503,
        body: { error: { code: 'Unavailable', message: 'Mentoring Up cannot check who sent this right now. Please try again in a moment.' } },
      });
      expect(JSON.stringify(response.body)).not.toMatch(INTERNAL_TEXT);
    } finally {
      await service.stop();
    }
  });

  it('answers 503 when the key discovery document answers with a server error', async () => {
    const keys = await new BotFrameworkDouble().start();
    keys.failWith = 500;
    const service = await startTestService({ azurite, env: production(keys.openIdMetadataUrl) });
    try {
      const token = await keys.token({ audience: BOT_ID, serviceUrl: SERVICE_URL });
      const response = await post(service.baseUrl, message(SERVICE_URL, jordan, 'hi'), { authorization: `Bearer ${token}` });
      expect(response.status).toBe(503);
      expect(JSON.stringify(response.body)).not.toMatch(INTERNAL_TEXT);
    } finally {
      await service.stop();
      await keys.stop();
    }
  });
});

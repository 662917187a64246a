// Activities whose ids could not be stored or trusted are refused at the door with 400 and a plain reason, before any
// turn runs; and a turn whose storage fails answers a card action with a kind error, not a 501.
import { INTERNAL_ERROR_MESSAGE } from '../../bot/errors';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import { ConnectorDouble } from '../support/connectorDouble';
import { startTestService, type TestService } from '../support/service';
import { cardAction, installationUpdate, message, post } from '../support/teamsActivities';

const jordan = samplePersonas.employee;

let connector: ConnectorDouble;
let service: TestService;

beforeAll(async () => {
  connector = await new ConnectorDouble().start();
  service = await startTestService();
});

afterAll(async () => {
  await service?.stop();
  await connector?.stop();
});

type Activity = Record<string, unknown>;
const withFrom = (activity: Activity, from: Record<string, unknown>): Activity => ({ ...activity, from: { ...(activity.from as object), ...from } });
const withConversation = (activity: Activity, conversation: Record<string, unknown>): Activity => ({
  ...activity,
  conversation: { ...(activity.conversation as object), ...conversation },
});
const without = (activity: Activity, key: string): Activity => Object.fromEntries(Object.entries(activity).filter(([k]) => k !== key));

const hi = () => message(connector.url, jordan, 'hi');
const install = () => installationUpdate(connector.url, jordan);

describe('the bot endpoint refuses malformed ids with 400', () => {
  it.each<[string, () => Activity]>([
    ['an Entra object id with a slash', () => withFrom(hi(), { aadObjectId: `${jordan.id}/x` })],
    ['an Entra object id with a hash', () => withFrom(hi(), { aadObjectId: `${jordan.id}#x` })],
    ['an Entra object id with a control character', () => withFrom(hi(), { aadObjectId: `${jordan.id}\u0001` })],
    ['an Entra object id of 2,000 characters', () => withFrom(hi(), { aadObjectId: 'a'.repeat(2_000) })],
    ['an Entra object id that is not a string', () => withFrom(hi(), { aadObjectId: 42 })],
    ['a sender id of 2,000 characters', () => withFrom(hi(), { id: `29:${'b'.repeat(2_000)}` })],
    ['a conversation id of 64 KB', () => withConversation(hi(), { id: `a:${'c'.repeat(64 * 1024)}` })],
    ['a conversation id with a control character', () => withConversation(hi(), { id: 'a:personal\u0000' })],
    ['membersAdded as a string', () => ({ ...install(), type: 'conversationUpdate', membersAdded: '28:mentoring-up-bot' })],
    ['membersAdded with a member without an id', () => ({ ...install(), type: 'conversationUpdate', membersAdded: [{ name: 'someone' }] })],
    ['membersRemoved as an object', () => ({ ...install(), type: 'conversationUpdate', membersRemoved: { id: '28:mentoring-up-bot' } })],
    ['no recipient', () => without(hi(), 'recipient')],
    ['a recipient without an id', () => ({ ...hi(), recipient: { name: 'Mentoring Up' } })],
    ['a sender name of 2,000 characters', () => withFrom(hi(), { name: 'n'.repeat(2_000) })],
  ])('%s', async (_case, activity) => {
    const logsBefore = service.logs.length;
    const response = await post(service.baseUrl, activity());
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'BadRequest', message: expect.stringMatching(/^The activity .+\.$/) } });
    // Refused before any turn: nothing failed, nothing was stored for the person.
    expect(service.logs.slice(logsBefore).join('\n')).not.toMatch(/"level":"error"/);
  });

  it('still takes a well-formed activity (and remembers the person)', async () => {
    const response = await post(service.baseUrl, install());
    expect(response.status).toBe(200);
    expect(await service.app.conversations.get(jordan.id)).toMatchObject({ conversationId: `a:personal-${jordan.id}` });
  });
});

describe('a card action whose storage fails', () => {
  it('answers the card with a kind error (not a 501) when the conversation cannot be remembered', async () => {
    const own = await startTestService();
    try {
      await own.azurite.stop();
      const response = await post(own.baseUrl, cardAction(connector.url, jordan, 'welcome.help'));
      // Teams shows the card's error response; the HTTP status carries the same code.
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'Internal', message: INTERNAL_ERROR_MESSAGE } });
      expect(own.logs.join('\n')).toContain('card action failed');
    } finally {
      await own.app.stop();
    }
  });
});

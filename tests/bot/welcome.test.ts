import { samplePersonas } from '../../bot/directory/samplePersonas';
import { cardProblems } from '../support/cardChecks';
import { ConnectorDouble } from '../support/connectorDouble';
import { startTestService, type TestService } from '../support/service';
import { botAdded, cardAction, installationUpdate, message, personalConversationId, post } from '../support/teamsActivities';

const jordan = samplePersonas.employee;

describe('the bot endpoint, driven by Teams activities over HTTP', () => {
  let service: TestService;
  let connector: ConnectorDouble;

  beforeAll(async () => {
    connector = await new ConnectorDouble().start();
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  const textOf = (card: Record<string, unknown>) => JSON.stringify(card);

  it('answers a message with the welcome card and remembers the conversation', async () => {
    const before = connector.received.length;
    const response = await post(service.baseUrl, message(connector.url, jordan, 'hi'));
    expect(response.status).toBe(200);
    const cards = connector.cardsIn(personalConversationId(jordan));
    expect(connector.received.length).toBe(before + 1);
    const welcome = cards[cards.length - 1];
    expect(textOf(welcome)).toContain('Welcome to Mentoring Up, Jordan');
    expect(textOf(welcome)).toContain('About the program');
    expect(cardProblems(welcome)).toEqual([]);

    const stored = await service.app.conversations.get(jordan.id);
    expect(stored?.conversationId).toBe(personalConversationId(jordan));
    expect(stored?.serviceUrl).toBe(connector.url);
  });

  it('offers on the welcome card what each person can do now', async () => {
    const buttonsFor = async (person: { id: string; name: string }) => {
      await post(service.baseUrl, message(connector.url, person, 'hello'));
      const card = connector.cardsIn(personalConversationId(person)).at(-1)!;
      expect(cardProblems(card)).toEqual([]);
      return (card.actions as { title: string; verb: string }[]).map((a) => `${a.title}=${a.verb}`);
    };
    // The local demo cohort is open: a front-line employee may nominate, an executive may apply.
    expect(await buttonsFor(jordan)).toEqual(['Nominate myself=nomination.start', 'About the program=about', 'Help=help']);
    expect(await buttonsFor(samplePersonas.executive)).toEqual(expect.arrayContaining(['Apply for a mentor=executive.start']));
    // A manager has direct reports, so the program is not for them as a mentor.
    expect(await buttonsFor(samplePersonas.manager)).not.toContain('Nominate myself=nomination.start');
  });

  it('welcomes a person who installs the app (conversationUpdate) and stores their reference on installationUpdate', async () => {
    const angela = { id: '7d1c2b3a-0000-4000-8000-00000000aa01', name: 'Angela Newcomer' };
    expect((await post(service.baseUrl, installationUpdate(connector.url, angela))).status).toBe(200);
    expect(await service.app.conversations.get(angela.id)).toBeDefined();
    expect(connector.cardsIn(personalConversationId(angela))).toHaveLength(0);

    expect((await post(service.baseUrl, botAdded(connector.url, angela))).status).toBe(200);
    const cards = connector.cardsIn(personalConversationId(angela));
    expect(cards).toHaveLength(1);
    expect(textOf(cards[0])).toContain('Welcome to Mentoring Up, Angela');
  });

  it('lists the commands for "help" and explains the program for "about"', async () => {
    await post(service.baseUrl, message(connector.url, jordan, 'help'));
    const help = connector.cardsIn(personalConversationId(jordan)).at(-1)!;
    expect(textOf(help)).toContain('Commands');
    expect(textOf(help)).toMatch(/"title":"help"/);
    expect(textOf(help)).toMatch(/"title":"about"/);
    expect(textOf(help)).not.toMatch(/"title":"apply"/); // for executives only
    await post(service.baseUrl, message(connector.url, samplePersonas.executive, 'help'));
    expect(textOf(connector.cardsIn(personalConversationId(samplePersonas.executive)).at(-1)!)).toMatch(/"title":"apply"/);
    expect(cardProblems(help)).toEqual([]);

    await post(service.baseUrl, message(connector.url, jordan, 'About'));
    const about = connector.cardsIn(personalConversationId(jordan)).at(-1)!;
    expect(textOf(about)).toContain('shadowing');
    expect(cardProblems(about)).toEqual([]);
  });

  it('answers the card buttons (Action.Execute) with the card that replaces the clicked one', async () => {
    for (const [verb, expected] of [
      ['help', 'Commands'],
      ['about', 'About Mentoring Up'],
      ['welcome', 'Welcome to Mentoring Up'],
    ] as const) {
      const response = await post(service.baseUrl, cardAction(connector.url, jordan, verb));
      expect(response.status).toBe(200);
      const body = response.body as { statusCode: number; type: string; value: Record<string, unknown> };
      expect(body.statusCode).toBe(200);
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(textOf(body.value)).toContain(expected);
      expect(cardProblems(body.value)).toEqual([]);
    }
  });

  it('gives an unknown verb a typed error response', async () => {
    const response = await post(service.baseUrl, cardAction(connector.url, jordan, 'launchRockets', { id: 'x' }));
    // The Bot Framework SDK mirrors the invoke response's statusCode in the HTTP status.
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'UnknownVerb', message: expect.stringContaining('out of date') },
    });
  });

  it('refuses malformed JSON and malformed activities with 400 and keeps serving', async () => {
    expect((await post(service.baseUrl, '{"type": "message", ')).status).toBe(400);
    expect((await post(service.baseUrl, { text: 'no type' })).status).toBe(400);
    expect((await post(service.baseUrl, [1, 2, 3])).status).toBe(400);
    const noAction = cardAction(connector.url, jordan, 'help') as { value: unknown };
    noAction.value = { trigger: 'manual' };
    expect((await post(service.baseUrl, noAction)).status).toBe(400);
    const noConversation = message(connector.url, jordan, 'hi') as { conversation?: unknown };
    delete noConversation.conversation;
    const refused = await post(service.baseUrl, noConversation);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error: { code: 'BadRequest', message: 'The activity has no conversation id.' } });
    const oversized = await post(service.baseUrl, message(connector.url, jordan, 'x'.repeat(400 * 1024)));
    expect(oversized.status).toBe(413);
    expect(oversized.body).toEqual({ error: { code: 'TooLarge', message: 'That request is too large.' } });
    const health = await fetch(`${service.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await post(service.baseUrl, message(connector.url, jordan, 'hi'))).status).toBe(200);
  });

  it('serves the privacy statement and terms the Teams manifest links to', async () => {
    for (const page of ['privacy', 'terms']) {
      const response = await fetch(`${service.baseUrl}/${page}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('Mentoring Up');
    }
  });

  it('tells a sender without an Entra identity that it cannot tell who they are', async () => {
    const anonymous = message(connector.url, jordan, 'hi') as { from: Record<string, unknown> };
    delete anonymous.from.aadObjectId;
    expect((await post(service.baseUrl, anonymous)).status).toBe(200);
    expect(connector.textsIn(personalConversationId(jordan)).at(-1)).toContain('could not tell who you are');
  });
});

describe('names', () => {
  it('greets a person by their directory name when Teams sends none', async () => {
    const connector = await new ConnectorDouble().start();
    const service = await startTestService();
    try {
      const install = botAdded(connector.url, samplePersonas.manager) as { from: Record<string, unknown> };
      delete install.from.name;
      await post(service.baseUrl, install);
      expect(JSON.stringify(connector.cardsIn(personalConversationId(samplePersonas.manager))[0])).toContain('Welcome to Mentoring Up, Sam');
    } finally {
      await service.stop();
      await connector.stop();
    }
  });
});

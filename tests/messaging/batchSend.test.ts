import { randomUUID } from 'node:crypto';
import type { OutgoingCard } from '../../bot/messaging/messenger';
import { startAzurite, type EmbeddedAzurite } from '../../bot/storage/azurite';
import { cardProblems } from '../support/cardChecks';
import { ConnectorDouble } from '../support/connectorDouble';
import { startTestService, type TestService } from '../support/service';
import { installationUpdate, personalConversationId, post, type Someone } from '../support/teamsActivities';

const announcement: OutgoingCard = {
  summary: 'Applications are open',
  card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Mentoring Up applications are open.', wrap: true }] },
};

function people(count: number): Someone[] {
  return Array.from({ length: count }, (_, i) => ({ id: randomUUID(), name: `Person ${i + 1}` }));
}

async function install(service: TestService, connector: ConnectorDouble, everyone: Someone[]): Promise<void> {
  for (const person of everyone) {
    const response = await post(service.baseUrl, installationUpdate(connector.url, person));
    expect(response.status).toBe(200);
  }
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function deliveriesPerPerson(connector: ConnectorDouble, everyone: Someone[]): number[] {
  return everyone.map((person) => connector.received.filter((r) => r.conversationId === personalConversationId(person)).length);
}

describe('proactive messenger: one card to many people, within Teams limits, exactly once', () => {
  let azurite: EmbeddedAzurite;
  beforeAll(async () => {
    azurite = await startAzurite({ inMemory: true });
  });
  afterAll(async () => azurite.stop());

  it('reaches 200 people once each through 429s with Retry-After, never exceeding the limits', async () => {
    const connector = await new ConnectorDouble({ throttleEvery: 13, retryAfterSeconds: 1 }).start();
    const service = await startTestService({ azurite });
    try {
      const everyone = people(200);
      await install(service, connector, everyone);
      expect(cardProblems(announcement.card)).toEqual([]);
      const started = await service.app.batches.start({ key: 'announce-200', label: 'Applications are open', recipients: everyone.map((p) => p.id), message: announcement });
      expect(started).toMatchObject({ state: 'running', total: 200 });
      // Progress shows while the batch runs (the tab polls it).
      await until(async () => {
        const status = await service.app.batches.status('announce-200');
        return status?.state === 'running' && status.sent > 0 && status.sent < 200;
      }, 'progress while running');
      const done = await service.app.batches.settled('announce-200');
      expect(done).toMatchObject({ state: 'done', total: 200, sent: 200, unreachable: 0, failed: 0 });
      expect(deliveriesPerPerson(connector, everyone).every((n) => n === 1)).toBe(true);
      expect(connector.throttled).toBeGreaterThan(0);
      // Our own limiter keeps us under Teams' limits; only the deliberate throttling answered 429.
      expect(connector.limitViolations).toBe(0);

      // Starting the same batch again sends nothing more.
      const again = await service.app.batches.start({ key: 'announce-200', label: 'Applications are open', recipients: everyone.map((p) => p.id), message: announcement });
      expect(again.state).toBe('done');
      expect(connector.received).toHaveLength(200);
    } finally {
      await service.stop();
      await connector.stop();
    }
  });

  it('resumes after the service is stopped half way: nobody lost, nobody twice', async () => {
    const connector = await new ConnectorDouble({ throttleEvery: 17, retryAfterSeconds: 1, delayMs: 5 }).start();
    const everyone = people(200);
    const first = await startTestService({ azurite });
    await install(first, connector, everyone);
    await first.app.batches.start({ key: 'announce-restart', label: 'Restart test', recipients: everyone.map((p) => p.id), message: announcement });
    await until(() => connector.received.length >= 80, '80 deliveries');
    await first.stop();
    const beforeRestart = connector.received.length;
    expect(beforeRestart).toBeLessThan(200);
    expect((await first.app.batches.status('announce-restart'))?.state).toBe('running');

    const second = await startTestService({ azurite });
    try {
      await until(async () => (await second.app.batches.status('announce-restart'))?.state === 'done', 'the resumed batch to finish');
      const status = await second.app.batches.status('announce-restart');
      expect(status).toMatchObject({ total: 200, sent: 200, unreachable: 0, failed: 0 });
      expect(deliveriesPerPerson(connector, everyone).every((n) => n === 1)).toBe(true);
      expect(connector.received).toHaveLength(200);
    } finally {
      await second.stop();
      await connector.stop();
    }
  });

  it('reports people it cannot reach: never installed, or removed the app', async () => {
    const connector = await new ConnectorDouble().start();
    const service = await startTestService({ azurite });
    try {
      const [installed, removed] = people(2);
      const neverInstalled = people(1)[0];
      await install(service, connector, [installed, removed]);
      connector.options.blockedConversations = new Set([personalConversationId(removed)]);
      expect(await service.app.messenger.sendCard(neverInstalled.id, announcement)).toEqual({
        status: 'unreachable',
        reason: 'not-installed',
        kept: true,
        installRequested: false,
      });
      expect(await service.app.messenger.sendCard(removed.id, announcement)).toEqual({ status: 'unreachable', reason: 'removed', kept: true, installRequested: false });
      const sent = await service.app.messenger.sendCard(installed.id, announcement);
      expect(sent).toMatchObject({ status: 'sent', conversationId: personalConversationId(installed) });

      const batch = await service.app.batches.start({ key: 'mixed', label: 'Mixed', recipients: [installed.id, removed.id, neverInstalled.id], message: announcement });
      expect(batch.total).toBe(3);
      expect(await service.app.batches.settled('mixed')).toMatchObject({ state: 'done', sent: 1, unreachable: 2, failed: 0 });
    } finally {
      await service.stop();
      await connector.stop();
    }
  });

  it('sends each recipient their own card when the batch is personal, and reports every delivery', async () => {
    const connector = await new ConnectorDouble().start();
    const service = await startTestService({ azurite });
    try {
      const everyone = people(3);
      await install(service, connector, everyone.slice(0, 2));
      const cardFor = (person: Someone): OutgoingCard => ({
        summary: 'Your partner',
        card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `Hello ${person.name}`, wrap: true }] },
      });
      const recipients = everyone.map((person) => ({ personId: person.id, message: cardFor(person) }));
      await service.app.batches.start({ key: 'personal', label: 'Personal', recipients });
      // Starting again at once (a double click) records nobody twice.
      await service.app.batches.start({ key: 'personal', label: 'Personal', recipients });
      expect(await service.app.batches.settled('personal')).toMatchObject({ state: 'done', total: 3, sent: 2, unreachable: 1 });
      for (const person of everyone.slice(0, 2)) {
        const cards = connector.cardsIn(personalConversationId(person));
        expect(cards).toHaveLength(1);
        expect(JSON.stringify(cards[0])).toContain(`Hello ${person.name}`);
      }
      const statuses = await service.app.batches.deliveryStatuses('personal');
      expect(Object.fromEntries(statuses)).toEqual({ [everyone[0].id]: 'sent', [everyone[1].id]: 'sent', [everyone[2].id]: 'kept' });
      await expect(service.app.batches.start({ key: 'no-card', label: 'No card', recipients: [everyone[0].id] })).rejects.toThrow('no card of their own');
    } finally {
      await service.stop();
      await connector.stop();
    }
  });

  it('updates a card a person received', async () => {
    const connector = await new ConnectorDouble().start();
    const service = await startTestService({ azurite });
    try {
      const [person] = people(1);
      await install(service, connector, [person]);
      const sent = await service.app.messenger.sendCard(person.id, announcement);
      if (sent.status !== 'sent') throw new Error('expected the card to be sent');
      const decided: OutgoingCard = { summary: 'Decided', card: { ...announcement.card, body: [{ type: 'TextBlock', text: 'Approved', wrap: true }] } };
      await service.app.messenger.updateCard(person.id, sent.activityId, decided);
      const update = connector.received.at(-1)!;
      expect(update).toMatchObject({ method: 'PUT', activityId: sent.activityId, conversationId: personalConversationId(person) });
      expect(JSON.stringify(update.activity)).toContain('Approved');
    } finally {
      await service.stop();
      await connector.stop();
    }
  });

  it('sends each person the card once when two instances behind the load balancer run the same batch', async () => {
    // App Service with two instances: both share the storage account; a start reaches one, a second start (a double
    // click, a retry) the other, and each instance runs the batch. The ETag claim on each delivery row decides who sends.
    const connector = await new ConnectorDouble({ delayMs: 20 }).start();
    const first = await startTestService({ azurite });
    const second = await startTestService({ azurite });
    try {
      const everyone = people(120);
      await install(first, connector, everyone);
      const batch = { key: 'announce-two-instances', label: 'Two instances', recipients: everyone.map((p) => p.id), message: announcement };
      await first.app.batches.start(batch);
      await until(() => connector.received.length >= 10, 'the first instance to be sending');
      const joined = await second.app.batches.start(batch);
      // The second instance joined while most people were still to be sent: both instances now work on one batch.
      expect(joined.state).toBe('running');
      expect(connector.received.length).toBeLessThan(100);
      await Promise.all([first.app.batches.settled(batch.key), second.app.batches.settled(batch.key)]);
      await until(async () => (await first.app.batches.status(batch.key))?.state === 'done', 'the batch to be done');

      expect(await second.app.batches.status(batch.key)).toMatchObject({ state: 'done', total: 120, sent: 120, unreachable: 0, failed: 0 });
      expect(deliveriesPerPerson(connector, everyone).filter((n) => n !== 1)).toEqual([]);
      expect(connector.received).toHaveLength(120);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
      await connector.stop();
    }
  });
});

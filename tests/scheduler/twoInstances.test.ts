import { samplePersonas } from '../../bot/directory/samplePersonas';
import { APPROVAL_JOB_KINDS, approvalJobKey } from '../../bot/program/applications/approvalJobs';
import { DEMO_COHORT_ID } from '../../bot/program/demo/demoData';
import { startAzurite, type EmbeddedAzurite } from '../../bot/storage/azurite';
import { expectValidCard, textOf } from '../program/intakeHarness';
import { ConnectorDouble } from '../support/connectorDouble';
import { startTestService, type TestService } from '../support/service';
import { cardAction, installationUpdate, personalConversationId, post } from '../support/teamsActivities';
import { ShiftedClock } from '../support/testClock';
import { waitFor } from './schedulerHarness';

const jordan = samplePersonas.employee;
const sam = samplePersonas.manager;
const DAY = 24 * 60 * 60 * 1000;

/**
 * Two real service instances on one storage account, each with its own poll loop (polling every 50 ms here), as two
 * App Service instances would run: a due job fires on exactly one of them.
 */
describe('two service instances sharing one storage account', () => {
  let azurite: EmbeddedAzurite;
  let connector: ConnectorDouble;
  const clock = new ShiftedClock();
  const services: TestService[] = [];

  beforeAll(async () => {
    azurite = await startAzurite({ inMemory: true });
    connector = new ConnectorDouble();
    await connector.start();
    for (let i = 0; i < 2; i++) services.push(await startTestService({ azurite, clock: clock.now, schedulerLoop: true, scheduler: { pollIntervalMs: 50 } }));
  });
  afterAll(async () => {
    for (const service of services) await service.stop();
    await connector?.stop();
    await azurite?.stop();
  });

  it('sends a manager the approval reminder once, though both instances poll for it', async () => {
    const [first, second] = services;
    for (const person of [sam, jordan]) expect((await post(first.baseUrl, installationUpdate(connector.url, person))).status).toBe(200);
    const submitted = await post(
      second.baseUrl,
      cardAction(connector.url, jordan, 'nomination.submit', {
        cohortId: DEMO_COHORT_ID,
        topics: 't1',
        otherTopics: '',
        motivation: 'I want leaders to see a night shift.',
        agree: 'true',
      }),
    );
    expect(textOf(submitted.body)).toContain('Nomination received');
    const reminders = () =>
      connector.cardsIn(personalConversationId(sam)).filter((card) => textOf(card).includes('Jordan Lee') && textOf(card).includes('your approval is needed'));
    expect(reminders()).toHaveLength(1); // the request itself
    const key = approvalJobKey({ cohortId: DEMO_COHORT_ID, personId: jordan.id });
    expect(await first.app.scheduler.get(APPROVAL_JOB_KINDS.reminder, key)).toMatchObject({ state: 'waiting' });

    clock.advance(4 * DAY);
    await waitFor(async () => (await first.app.scheduler.get(APPROVAL_JOB_KINDS.reminder, key)) === undefined, 'the reminder job to finish');
    await Promise.all(services.map((service) => service.app.scheduler.whenIdle()));
    expect(reminders()).toHaveLength(2);
    for (const card of reminders()) expectValidCard(card);
    expect(await first.app.scheduler.get(APPROVAL_JOB_KINDS.escalation, key)).toMatchObject({ state: 'waiting', dueAt: expect.any(Date) });
  });

  it('lets the other instance pick up a directory sync one of them ran, at its next poll', async () => {
    const [first, second] = services;
    const synced = await first.app.directorySync.syncNow();
    expect(synced.kind).toBe('incremental');
    const lastSync = first.app.directorySync.status().lastSync;
    expect(second.app.directorySync.status().lastSync).not.toEqual(lastSync);
    await waitFor(() => JSON.stringify(second.app.directorySync.status().lastSync) === JSON.stringify(lastSync), 'the second instance to reload the directory');
    expect(second.app.directorySync.status().people).toBe(first.app.directorySync.status().people);
  });

  it('runs each of 50 jobs exactly once across the two instances', async () => {
    const ranBy = new Map<string, number[]>();
    services.forEach((service, index) => service.app.scheduler.register('test.tally', async (job) => void ranBy.set(job.key, [...(ranBy.get(job.key) ?? []), index])));
    const due = clock.now();
    for (let i = 0; i < 50; i++) await services[i % 2].app.scheduler.schedule('test.tally', `tally-${i}`, due, { i });

    await waitFor(() => ranBy.size === 50, 'all 50 jobs to run');
    await waitFor(
      async () => (await Promise.all(Array.from({ length: 50 }, (_, i) => services[0].app.scheduler.get('test.tally', `tally-${i}`)))).every((job) => job === undefined),
      'all 50 jobs to finish',
    );
    await Promise.all(services.map((service) => service.app.scheduler.whenIdle()));
    expect([...ranBy.values()].map((who) => who.length)).toEqual(Array(50).fill(1));
  });
});

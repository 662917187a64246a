import { ScheduledProgramEvents } from '../../bot/program/programEvents';
import { startAzurite, type EmbeddedAzurite } from '../../bot/storage/azurite';
import { TestClock } from '../support/testClock';
import { freshJobsTable, schedulerOn } from './schedulerHarness';

/** Events between stages go through the scheduler: one job per subscriber, each retried on its own. */
let azurite: EmbeddedAzurite;
beforeAll(async () => {
  azurite = await startAzurite({ inMemory: true });
});
afterAll(async () => {
  await azurite.stop();
});

async function setUp() {
  const clock = new TestClock();
  const scheduler = schedulerOn(await freshJobsTable(azurite.connectionString), clock, {});
  return { clock, scheduler, events: new ScheduledProgramEvents(scheduler, () => clock.now()) };
}

describe('program events', () => {
  it('runs every subscriber of an event once, with the payload, and none of another event', async () => {
    const { scheduler, events } = await setUp();
    const heard: string[] = [];
    events.on('pairsConfirmed', 'orientation', async ({ cohortId }) => void heard.push(`orientation:${cohortId}`));
    events.on('pairsConfirmed', 'meetings', async ({ cohortId }) => void heard.push(`meetings:${cohortId}`));
    await events.publish('pairsConfirmed', { cohortId: 'c1' });
    await scheduler.runDue();
    await scheduler.runDue();
    expect(heard.sort()).toEqual(['meetings:c1', 'orientation:c1']);
  });

  it('retries a failing subscriber on its own, without running the others again', async () => {
    const { clock, scheduler, events } = await setUp();
    const runs = { fine: 0, flaky: 0 };
    events.on('pairsConfirmed', 'fine', async () => {
      runs.fine++;
    });
    events.on('pairsConfirmed', 'flaky', async () => {
      runs.flaky++;
      if (runs.flaky === 1) throw new Error('storage hiccup');
    });
    await events.publish('pairsConfirmed', { cohortId: 'c2' });
    await scheduler.runDue();
    expect(runs).toEqual({ fine: 1, flaky: 1 });
    await scheduler.runDue(clock.advance(60 * 60 * 1000));
    expect(runs).toEqual({ fine: 1, flaky: 2 });
    expect(await scheduler.get('program.event', 'pairsConfirmed:flaky:c2')).toBeUndefined();
  });

  it('refuses a second subscription of the same name, and names that are not short words', async () => {
    const { events } = await setUp();
    events.on('pairsConfirmed', 'once', async () => undefined);
    expect(() => events.on('pairsConfirmed', 'once', async () => undefined)).toThrow(/already subscribes/);
    expect(() => events.on('pairsConfirmed', 'bad/name', async () => undefined)).toThrow(/short words/);
  });
});

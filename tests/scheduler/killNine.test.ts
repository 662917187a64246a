import path from 'node:path';
import type { TableClient } from '@azure/data-tables';
import { startAzurite, type EmbeddedAzurite } from '../../bot/storage/azurite';
import { TableSet } from '../../bot/storage/tables';
import { bundleEntry, startChild, type Child } from '../support/childProcess';
import { BLOCKING_KIND, recordedRuns, recordRun, RUNS_TABLE } from '../support/jobRuns';
import { startTestService, type TestService } from '../support/service';
import { ShiftedClock } from '../support/testClock';

/**
 * A service instance in its own process claims a job whose handler never ends, and is killed with SIGKILL: nothing of
 * it says goodbye. Another instance claims the job once the lease has expired, and the job ends exactly once.
 */
describe('a job claimed by an instance that was killed (kill -9)', () => {
  let azurite: EmbeddedAzurite;
  let child: Child | undefined;
  let survivor: TestService | undefined;
  let runs: TableClient;

  beforeAll(async () => {
    azurite = await startAzurite({ inMemory: true });
    runs = (await TableSet.open(azurite.connectionString, [RUNS_TABLE])).client(RUNS_TABLE);
  });
  afterAll(async () => {
    await child?.kill9();
    await survivor?.stop();
    await azurite?.stop();
  });

  it('is claimed again after its lease and completes once', async () => {
    const bundle = await bundleEntry(path.join(__dirname, '..', 'support', 'schedulerChild.ts'));
    child = startChild(bundle, [azurite.connectionString]);
    await child.waitForLine(/^ready$/);

    const clock = new ShiftedClock();
    survivor = await startTestService({ azurite, clock: clock.now });
    const scheduler = survivor.app.scheduler;
    scheduler.register(BLOCKING_KIND, async (job) => {
      await recordRun(runs, job, 'survivor', 'started');
      await recordRun(runs, job, 'survivor', 'finished');
    });
    const claimedAt = clock.now();
    await scheduler.schedule(BLOCKING_KIND, 'nudge-1', claimedAt, { note: 'blocks in the child' });

    await child.waitForLine(/^started nudge-1$/);
    const claimed = await scheduler.get(BLOCKING_KIND, 'nudge-1');
    expect(claimed).toMatchObject({ state: 'running', attempts: 1, leaseUntil: expect.any(Date) });
    const leaseEnd = claimed!.leaseUntil!.getTime();
    expect(leaseEnd - claimedAt.getTime()).toBeGreaterThanOrEqual(2 * 60_000); // the default lease, from the child's claim
    await child.kill9();
    expect(child.process.signalCode).toBe('SIGKILL');

    // Under the lease nobody takes it, dead owner or not.
    expect((await scheduler.runDue(clock.set(new Date(leaseEnd - 1000)))).runs).toEqual([]);
    expect(await recordedRuns(runs, 'nudge-1')).toEqual([{ key: 'nudge-1', who: 'child', attempt: 1, event: 'started' }]);

    const after = await scheduler.runDue(clock.set(new Date(leaseEnd + 1000)));
    expect(after.runs).toEqual([expect.objectContaining({ key: 'nudge-1', outcome: 'done', attempt: 2 })]);
    expect(await recordedRuns(runs, 'nudge-1')).toEqual([
      { key: 'nudge-1', who: 'child', attempt: 1, event: 'started' },
      { key: 'nudge-1', who: 'survivor', attempt: 2, event: 'started' },
      { key: 'nudge-1', who: 'survivor', attempt: 2, event: 'finished' },
    ]);
    expect(await scheduler.get(BLOCKING_KIND, 'nudge-1')).toBeUndefined();
    expect((await scheduler.runDue(clock.advance(60 * 60_000))).runs).toEqual([]);
  });
});

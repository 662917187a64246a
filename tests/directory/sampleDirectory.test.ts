import { startAzurite, type EmbeddedAzurite } from '../../bot/storage/azurite';
import { DirectorySync, type DirectoryStatus } from '../../bot/directory/directorySync';
import type { DeltaSource } from '../../bot/directory/deltaPage';
import { SampleDeltaSource } from '../../bot/directory/sampleDeltaSource';
import { sampleOrg } from '../../bot/directory/sampleOrg';
import { sampleOrgRoles } from '../../bot/directory/roles';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import { DIRECTORY_SYNC_JOB, scheduleDirectorySyncs } from '../../bot/directory/directorySchedule';
import { freshJobsTable, HOUR, MINUTE, schedulerOn } from '../scheduler/schedulerHarness';
import { TestClock } from '../support/testClock';
import { openStore, reopenStore, sorted } from './syncHarness';

let azurite: EmbeddedAzurite;
beforeAll(async () => {
  azurite = await startAzurite({ inMemory: true });
});
afterAll(async () => {
  await azurite.stop();
});

describe('the sample org as the directory', () => {
  it('goes through the snapshot store like a Graph snapshot and loads from it after a restart', async () => {
    const { store, names } = await openStore(azurite.connectionString);
    const sync = new DirectorySync({ store, source: new SampleDeltaSource(), roles: sampleOrgRoles({ taskforce: ['extra-taskforce'], executives: [] }) });
    await sync.start();
    expect(sorted(sync.index().all())).toEqual(sorted(sampleOrg()));
    expect(sync.status()).toMatchObject({ source: expect.stringMatching(/^sample:/), people: 2000, anomalies: 1, lastSync: { kind: 'full', requests: 10 } });
    expect(sync.roles().taskforce).toEqual(expect.arrayContaining([samplePersonas.taskforce.id, 'extra-taskforce']));
    expect(sync.roles().executives).toContain(samplePersonas.executive.id);

    const source = new SampleDeltaSource(() => {
      throw new Error('a restart must not read the source again');
    });
    const restarted = new DirectorySync({ store: await reopenStore(azurite.connectionString, names), source, roles: sampleOrgRoles() });
    await restarted.start();
    expect(restarted.index().size).toBe(2000);
    expect(restarted.anomalies()).toEqual([
      {
        kind: 'disabledAccount',
        description: expect.stringMatching(/has a disabled account\.$/),
        people: [expect.objectContaining({ id: expect.any(String), name: expect.any(String) })],
      },
    ]);
  });

  it('shows progress while a sync runs, joins a sync under way, and has no changes later', async () => {
    const { store } = await openStore(azurite.connectionString);
    const sample = new SampleDeltaSource();
    const seen: Array<DirectoryStatus['running']> = [];
    // The source reports what the status says each time a page is asked for.
    const source: DeltaSource = { name: sample.name, firstLink: () => sample.firstLink(), fetch: (link) => (seen.push(sync.status().running), sample.fetch(link)) };
    const sync = new DirectorySync({ store, source, roles: sampleOrgRoles(), checkpointEveryPages: 3 });
    const running = sync.syncNow();
    expect(sync.requestSync()).toBe(false); // joined, not a second sync
    expect(sync.syncNow()).toBe(running);
    await running;
    expect(seen.map((r) => r && [r.kind, r.pages, r.people])).toEqual(Array.from({ length: 10 }, (_, page) => ['full', page, page * 200]));
    expect(sync.status().running).toBeUndefined();
    expect(await sync.syncNow()).toMatchObject({ kind: 'incremental', requests: 1, changes: 0, people: 2000 });
  });

  it('runs on a schedule (one recurring scheduler job) until stopped', async () => {
    const { store } = await openStore(azurite.connectionString);
    const clock = new TestClock();
    const sync = new DirectorySync({ store, source: new SampleDeltaSource(), roles: sampleOrgRoles(), clock: clock.now });
    await sync.start();
    const jobs = await freshJobsTable(azurite.connectionString);
    const scheduler = schedulerOn(jobs, clock);
    await scheduleDirectorySyncs(scheduler, sync, 60, clock.now);
    expect(sync.status().schedule).toEqual({ everyMinutes: 60 });
    const { kind, key } = DIRECTORY_SYNC_JOB;
    expect(await scheduler.get(kind, key)).toMatchObject({ state: 'waiting', dueAt: new Date(clock.now().getTime() + HOUR) });

    // A restart (another scheduler on the same table) keeps the sync already due sooner.
    clock.advance(30 * MINUTE);
    await scheduleDirectorySyncs(schedulerOn(jobs, clock), sync, 60, clock.now);
    expect(await scheduler.get(kind, key)).toMatchObject({ dueAt: new Date(clock.now().getTime() + 30 * MINUTE) });

    const pass = await scheduler.runDue(clock.advance(30 * MINUTE));
    expect(pass.runs.map((run) => run.outcome)).toEqual(['rescheduled']);
    expect(sync.status().lastSync).toEqual({ at: clock.now().toISOString(), kind: 'incremental', requests: 1 });
    expect(await scheduler.get(kind, key)).toMatchObject({ state: 'waiting', dueAt: new Date(clock.now().getTime() + HOUR) });

    await sync.stop();
    expect(sync.status().schedule).toBeUndefined();
    // Without Graph the job goes away.
    await scheduleDirectorySyncs(scheduler, sync, undefined, clock.now);
    expect(await scheduler.get(kind, key)).toBeUndefined();
  });
});

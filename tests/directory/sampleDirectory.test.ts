import { startAzurite, type EmbeddedAzurite } from '../../bot/storage/azurite';
import { DirectorySync, type DirectoryStatus } from '../../bot/directory/directorySync';
import type { DeltaSource } from '../../bot/directory/deltaPage';
import { SampleDeltaSource } from '../../bot/directory/sampleDeltaSource';
import { sampleOrg } from '../../bot/directory/sampleOrg';
import { sampleOrgRoles } from '../../bot/directory/roles';
import { samplePersonas } from '../../bot/directory/samplePersonas';
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
      { kind: 'disabledAccount', description: expect.stringMatching(/has a disabled account\.$/), people: [expect.objectContaining({ id: expect.any(String), name: expect.any(String) })] },
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

  it('runs on a schedule until stopped', async () => {
    const { store } = await openStore(azurite.connectionString);
    const sync = new DirectorySync({ store, source: new SampleDeltaSource(), roles: sampleOrgRoles() });
    sync.startSchedule(60);
    expect(sync.status().schedule).toEqual({ everyMinutes: 60 });
    await sync.stop();
    expect(sync.status().schedule).toBeUndefined();
  });
});

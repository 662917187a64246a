import { startAzurite, type EmbeddedAzurite } from '../../bot/storage/azurite';
import { generateOrg } from '../../bot/directory/sampleOrg';
import { createGraphClient } from '../../bot/directory/graph/graphClient';
import { graphGroupRoles } from '../../bot/directory/graph/graphRoles';
import { GraphDouble, GRAPH_PAGE_SIZE } from './graphDouble';
import { graphSync, openStore, reopenStore, sorted, toDoubleUser } from './syncHarness';

const ORG_SIZE = 1030; // six pages: five full ones and a short one
const org = generateOrg({ size: ORG_SIZE, seed: 11 });
const [top, , , , , , , , someone, other] = org;

let azurite: EmbeddedAzurite;
let double: GraphDouble;

beforeAll(async () => {
  azurite = await startAzurite({ inMemory: true });
});
afterAll(async () => {
  await azurite.stop();
});
beforeEach(async () => {
  double = await new GraphDouble().start();
  double.seed(org.map(toDoubleUser));
});
afterEach(async () => {
  await double.close();
});

describe('a full directory sync through the Graph client', () => {
  it('reads every user with their manager in the fewest pages and stores the snapshot', async () => {
    const { store, names } = await openStore(azurite.connectionString);
    const sync = graphSync(double, store);
    const outcome = await sync.syncNow();

    expect(outcome).toMatchObject({ kind: 'full', requests: Math.ceil(ORG_SIZE / GRAPH_PAGE_SIZE), people: ORG_SIZE });
    expect(double.deltaRequests()).toBe(Math.ceil(ORG_SIZE / GRAPH_PAGE_SIZE));
    expect(sorted(sync.index().all())).toEqual(sorted(org));
    expect(double.requests[0].path).toBe('/v1.0/users/delta?$select=id,displayName,mail,jobTitle,department,accountEnabled,manager');

    // A restart loads the stored snapshot and does not read Graph again.
    const restarted = graphSync(double, await reopenStore(azurite.connectionString, names));
    await restarted.start();
    expect(double.deltaRequests()).toBe(Math.ceil(ORG_SIZE / GRAPH_PAGE_SIZE));
    expect(sorted(restarted.index().all())).toEqual(sorted(org));
    expect(restarted.status()).toMatchObject({ people: ORG_SIZE, lastSync: { kind: 'full', requests: 6 } });
  });

  it('reads managers given as an expanded manager object too', async () => {
    double.managerStyle = 'expanded';
    const { store } = await openStore(azurite.connectionString);
    const sync = graphSync(double, store);
    await sync.syncNow();
    expect(sync.index().managerOf(someone.id)?.id).toBe(someone.managerId);
  });

  it('waits as Retry-After asks on 429 and 503, then carries on', async () => {
    double.failNext({ status: 429, retryAfter: '2' }, { status: 503, retryAfter: '1' }, { status: 503 });
    const sleeps: number[] = [];
    const { store } = await openStore(azurite.connectionString);
    const sync = graphSync(double, store, { sleeps });
    const outcome = await sync.syncNow();

    expect(sleeps).toEqual([2000, 1000, 8000]); // the last answer had no Retry-After: the back-off's third step
    expect(outcome.people).toBe(ORG_SIZE);
    expect(double.requests.slice(0, 4).map((r) => r.status)).toEqual([429, 503, 503, 200]);
  });

  it('records an error it cannot get past, and keeps serving the last snapshot', async () => {
    const { store } = await openStore(azurite.connectionString);
    const sync = graphSync(double, store);
    await sync.syncNow();
    double.failNext({ status: 429, retryAfter: '3600' }); // longer than the longest wait honoured
    await expect(sync.syncNow()).rejects.toThrow();
    expect(sync.status().lastError?.message).toBe('Microsoft Graph was busy and asked us to wait. The sync will carry on at the next attempt, from where it stopped.');
    expect(sync.index().size).toBe(ORG_SIZE);
  });
});

describe('incremental directory syncs', () => {
  it('fetch only the changes: new people, new managers, new titles, removals', async () => {
    const { store, names } = await openStore(azurite.connectionString);
    const sync = graphSync(double, store);
    await sync.syncNow();
    const before = double.deltaRequests();

    double.upsert({
      id: 'new-person',
      displayName: 'Nia Newcomer',
      mail: 'nia.newcomer@mdanderson.example',
      jobTitle: 'Registered Nurse',
      department: 'Nursing',
      accountEnabled: true,
      managerId: other.id,
    });
    double.update(someone.id, { managerId: other.id, jobTitle: 'Charge Nurse' });
    double.update(other.id, { managerId: undefined });
    const leaver = org.find((p) => p !== someone && p !== other && !org.some((q) => q.managerId === p.id))!;
    double.remove(leaver.id);

    const outcome = await sync.syncNow();
    expect(outcome).toMatchObject({ kind: 'incremental', requests: 1, changes: 4, people: ORG_SIZE });
    expect(double.deltaRequests() - before).toBe(1);
    const index = sync.index();
    expect(index.getPerson('new-person')).toMatchObject({ name: 'Nia Newcomer', managerId: other.id });
    expect(index.managerOf(someone.id)?.id).toBe(other.id);
    expect(index.getPerson(someone.id)?.jobTitle).toBe('Charge Nurse');
    expect(index.managerOf(other.id)).toBeUndefined();
    expect(index.getPerson(leaver.id)).toBeUndefined();
    expect(index.isInChainOfCommand(someone.id, top.id)).toBe(false); // other is now a top of their own

    // The stored snapshot has the changes too.
    const restarted = graphSync(double, await reopenStore(azurite.connectionString, names));
    await restarted.start();
    expect(sorted(restarted.index().all())).toEqual(sorted(index.all()));
  });

  it('costs one request when nothing changed', async () => {
    const { store } = await openStore(azurite.connectionString);
    const sync = graphSync(double, store);
    await sync.syncNow();
    const before = double.deltaRequests();
    expect(await sync.syncNow()).toMatchObject({ kind: 'incremental', requests: 1, changes: 0 });
    expect(double.deltaRequests() - before).toBe(1);
  });

  it('starts a full round again when the delta link has expired, and drops the old snapshot', async () => {
    const { store } = await openStore(azurite.connectionString);
    const sync = graphSync(double, store);
    await sync.syncNow();
    double.remove(other.id);
    double.expireDeltaTokens();
    const outcome = await sync.syncNow();
    expect(outcome).toMatchObject({ kind: 'full', people: ORG_SIZE - 1 });
    expect(await store.loadPeople(1)).toEqual([]);
    expect((await store.loadPeople(2)).length).toBe(ORG_SIZE - 1);
  });
});

describe('a sync stopped half way', () => {
  it('resumes a full round after a restart and ends with the same snapshot', async () => {
    const straight = graphSync(double, (await openStore(azurite.connectionString)).store);
    await straight.syncNow();

    const { store, names } = await openStore(azurite.connectionString);
    double.breakAfterPages(3);
    const first = graphSync(double, store, { checkpointEveryPages: 2 });
    await expect(first.syncNow()).rejects.toThrow();
    expect(first.status().interrupted).toMatchObject({ kind: 'full', pages: 2 });
    double.repair();

    const restarted = graphSync(double, await reopenStore(azurite.connectionString, names), { checkpointEveryPages: 2 });
    await restarted.start();
    expect(restarted.status().interrupted).toBeUndefined();
    expect(sorted(restarted.index().all())).toEqual(sorted(straight.index().all()));
    const stored = await store.loadPeople(1);
    expect(stored).toHaveLength(ORG_SIZE); // nobody twice, nobody lost
    expect(new Set(stored.map((p) => p.id)).size).toBe(ORG_SIZE);
  });

  it('resumes an incremental round and ends with the same snapshot', async () => {
    const { store, names } = await openStore(azurite.connectionString);
    const first = graphSync(double, store, { checkpointEveryPages: 1 });
    await first.syncNow();
    // Enough changes for three pages of changes.
    const changed = org.slice(1, 1 + 2 * GRAPH_PAGE_SIZE + 50);
    for (const person of changed) double.update(person.id, { jobTitle: `${person.jobTitle} (acting)` });
    for (const person of org.slice(-20)) double.remove(person.id);

    double.breakAfterPages(2);
    await expect(first.syncNow()).rejects.toThrow();
    expect(first.status().interrupted).toMatchObject({ kind: 'incremental', pages: 2 });
    double.repair();

    const restarted = graphSync(double, await reopenStore(azurite.connectionString, names), { checkpointEveryPages: 1 });
    await restarted.start();
    const expected = org.slice(0, -20).map((p) => (changed.includes(p) ? { ...p, jobTitle: `${p.jobTitle} (acting)` } : p));
    expect(sorted(restarted.index().all())).toEqual(sorted(expected));
  });
});

describe('roles from Entra groups', () => {
  it('reads the taskforce from its group, paged, and the executives from the configured list', async () => {
    const members = org.slice(0, 1001).map((p) => p.id); // two pages of 999
    double.groups.set('taskforce-group', members);
    const client = createGraphClient({ baseUrl: double.baseUrl, credential: double.credential() });
    const roles = graphGroupRoles(client, double.baseUrl, { taskforceGroupId: 'taskforce-group' }, { taskforce: ['ignored'], executives: [top.id] });
    const { store } = await openStore(azurite.connectionString);
    const sync = graphSync(double, store, { roles });
    await sync.syncNow();
    expect(sync.roles().taskforce).toEqual(members);
    expect(sync.roles().executives).toEqual([top.id]);
    expect(double.requests.filter((r) => r.path.includes('transitiveMembers'))).toHaveLength(2);
  });
});

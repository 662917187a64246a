import { toDoubleUser } from '../directory/syncHarness';
import { GraphDouble } from '../directory/graphDouble';
import { sampleOrg } from '../../bot/directory/sampleOrg';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import type { Person } from '../../bot/directory/person';
import { ConnectorDouble } from '../support/connectorDouble';
import { botAdded, installationUpdate, message, personalConversationId, post } from '../support/teamsActivities';
import { expectValidCard, frontLiners, IntakeHarness, textOf } from '../program/intakeHarness';

const priya = samplePersonas.taskforce;
const DAY_MS = 24 * 3600 * 1000;

async function openCohort(h: IntakeHarness, name: string): Promise<string> {
  const created = await h.api('post', '/api/cohorts', priya.id, { name, programYear: 2032, opensOn: '2020-01-01', closesOn: '2099-12-31', topics: [{ title: 'Patient flow' }] });
  expect(created.status).toBe(201);
  const demo = await h.api('get', '/api/cohorts/demo', priya.id);
  if (demo.status === 200 && demo.body.status === 'open') await h.api('post', '/api/cohorts/demo/close', priya.id, {}, { ifMatch: demo.body.etag });
  expect((await h.api('post', `/api/cohorts/${created.body.id}/open`, priya.id, {}, { ifMatch: created.body.etag })).status).toBe(200);
  return created.body.id as string;
}

const nomination = (cohortId: string, topicId: string) => ({ cohortId, topics: topicId, otherTopics: '', motivation: 'Leaders should see a night shift.', agree: 'true' });

/** Cards that cannot be delivered are kept and go out when the person first opens the chat, in every stage. */
describe('cards kept for people the bot cannot reach yet', () => {
  let h: IntakeHarness;
  let cohortId: string;
  let topicId: string;

  beforeAll(async () => {
    h = await IntakeHarness.start();
    await h.install(priya);
    cohortId = await openCohort(h, 'Mentoring Up 2032');
    topicId = (await h.api('get', `/api/cohorts/${cohortId}`, priya.id)).body.topics[0].id;
  });
  afterAll(async () => {
    await h.stop();
  });

  const stored = (personId: string) => h.context().applications.get(cohortId, personId);

  it('tells the nominee once, honestly, that their manager will be asked when they open Mentoring Up, and the answer window starts at delivery', async () => {
    const [nominee] = frontLiners(h, 1, 10);
    const manager = h.service.app.directory().managerOf(nominee.id)!;
    await h.install(nominee); // the manager never opened the bot
    const answer = await h.click(nominee, 'nomination.submit', nomination(cohortId, topicId));
    expect(textOf(answer.card)).toContain('as soon as they open Mentoring Up');
    expect(textOf(answer.card)).not.toContain('We have asked');
    expect(h.cardsOf(nominee)).toEqual([]); // nothing else: no "we could not get an answer" on top
    const waiting = await stored(nominee.id);
    expect(waiting).toMatchObject({ stage: 'nominated', flag: 'managerUnreachable' });
    expect(waiting?.approvalSentAt).toBeUndefined();

    // Weeks pass: nobody was asked, so nobody is reminded and the nominee hears nothing more.
    const nominatedAt = h.clock.now().getTime();
    expect(await h.followUpsAt(new Date(nominatedAt + 20 * DAY_MS), { cohortId, personId: nominee.id })).toEqual({ reminded: 0, flagged: 0 });
    expect(h.cardsOf(nominee)).toEqual([]);

    // The manager opens the chat: Teams sends the install and the bot-added update together; the card arrives once.
    const openedAt = h.clock.now().toISOString();
    const [a, b] = await Promise.all([post(h.baseUrl, installationUpdate(h.connector.url, manager)), post(h.baseUrl, botAdded(h.connector.url, manager))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const approvals = h.cardsOf(manager).filter((card) => textOf(card).includes('nomination.approve'));
    expect(approvals).toHaveLength(1);
    expectValidCard(approvals[0]);
    expect(textOf(approvals[0])).toContain(nominee.name);
    const delivered = await stored(nominee.id);
    expect(delivered?.flag).toBeUndefined();
    expect(Date.parse(delivered!.approvalSentAt!)).toBeGreaterThanOrEqual(Date.parse(openedAt));
    expect(await h.service.app.messenger.deliverKept(manager.id)).toBe(0); // nothing left

    // The reminder counts from delivery: half the window after it, not after the nomination.
    const sentAt = Date.parse(delivered!.approvalSentAt!);
    expect((await h.followUpsAt(new Date(sentAt + 2 * DAY_MS), { cohortId, personId: nominee.id })).reminded).toBe(0);
    expect((await h.followUpsAt(new Date(sentAt + 4 * DAY_MS + 1000), { cohortId, personId: nominee.id })).reminded).toBe(1);
    const approved = await h.click(manager, 'nomination.approve', { cohortId, nomineeId: nominee.id });
    expect(textOf(approved.card)).toContain('Nomination approved');
    expect(textOf(approved.card)).toContain(`${nominee.name} has been told.`);
  });

  it('tells the manager the nominee "has been told" only when they were', async () => {
    const [nominee] = frontLiners(h, 1, 14);
    const manager = h.service.app.directory().managerOf(nominee.id)!;
    await h.install(nominee);
    await h.install(manager);
    await h.click(nominee, 'nomination.submit', nomination(cohortId, topicId));
    h.connector.options.blockedConversations = new Set([personalConversationId(nominee)]); // the nominee removed the app
    const declined = await h.click(manager, 'nomination.decline', { cohortId, nomineeId: nominee.id, declineReason: 'Not this year.' });
    h.connector.options.blockedConversations = new Set();
    expect(textOf(declined.card)).toContain('Nomination declined');
    expect(textOf(declined.card)).not.toContain('has been told');
    expect(textOf(declined.card)).toContain(`${nominee.name} will be told as soon as they open Mentoring Up.`);
  });

  it('keeps a card of any batch (introductions, announcements) for someone who never installed, and delivers it on their first message', async () => {
    const [stranger] = frontLiners(h, 1, 11);
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Meet your partner', wrap: true }] };
    await h.service.app.batches.start({ key: 'kept-test', label: 'Kept test', recipients: [{ personId: stranger.id, message: { card, summary: 'Your partner' } }] });
    const status = await h.service.app.batches.settled('kept-test');
    expect(status).toMatchObject({ unreachable: 1, sent: 0 });
    // Starting the same cards again never keeps a second copy.
    await h.service.app.messenger.keepFor(stranger.id, { card, summary: 'Your partner' }, { keepKey: 'batch.kept-test' });

    await post(h.baseUrl, message(h.connector.url, stranger, 'hello'));
    const received = h.connector.cardsIn(personalConversationId(stranger)).filter((c) => textOf(c).includes('Meet your partner'));
    expect(received).toHaveLength(1);
    await post(h.baseUrl, message(h.connector.url, stranger, 'hello again'));
    expect(h.connector.cardsIn(personalConversationId(stranger)).filter((c) => textOf(c).includes('Meet your partner'))).toHaveLength(1);
  });

  it('keeps the card of someone who removed the app, and does not report them reached', async () => {
    const [leaver] = frontLiners(h, 1, 12);
    await h.install(leaver);
    h.connector.options.blockedConversations = new Set([personalConversationId(leaver)]);
    const outcome = await h.service.app.messenger.sendCard(leaver.id, {
      card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Kept for later' }] },
      summary: 'Kept',
    });
    expect(outcome).toEqual({ status: 'unreachable', reason: 'removed', kept: true, installRequested: false });
    h.connector.options.blockedConversations = new Set();
    await h.install(leaver); // they add it again
    expect(h.cardsOf(leaver).filter((c) => textOf(c).includes('Kept for later'))).toHaveLength(1);
  });
});

describe('with Microsoft Graph: the app is installed for a manager who never opened it', () => {
  const CATALOG_APP_ID = 'c0ffee00-0000-4000-8000-00000000a9b1';
  let graph: GraphDouble;
  let h: IntakeHarness;
  let org: Person[];

  beforeAll(async () => {
    org = sampleOrg();
    graph = await new GraphDouble().start();
    graph.seed(org.map(toDoubleUser));
    graph.catalogApps.add(CATALOG_APP_ID);
    h = await IntakeHarness.start(new ConnectorDouble(), undefined, {
      env: {
        ...graph.serviceEnv(),
        TEAMS_APP_CATALOG_ID: CATALOG_APP_ID,
        TASKFORCE_IDS: priya.id,
      },
      graphCredential: graph.credential(),
    });
  });
  afterAll(async () => {
    await h?.stop();
    await graph?.close();
  });

  it('installs the app for the manager (Graph wire format), tells the nominee so, and the install delivers the card', async () => {
    const cohortId = await openCohort(h, 'Mentoring Up 2033');
    const topicId = (await h.api('get', `/api/cohorts/${cohortId}`, priya.id)).body.topics[0].id;
    const [nominee, second] = frontLiners(h, 2, 13);
    const manager = h.service.app.directory().managerOf(nominee.id)!;
    await h.install(nominee);
    const answer = await h.click(nominee, 'nomination.submit', nomination(cohortId, topicId));
    expect(textOf(answer.card)).toContain('We are adding Mentoring Up to');
    expect(graph.installedApps.get(manager.id)).toEqual(new Set([CATALOG_APP_ID]));
    expect(graph.requests).toContainEqual({ path: `/v1.0/users/${manager.id}/teamwork/installedApps`, status: 201 });
    expect((await h.context().applications.get(cohortId, nominee.id))?.flag).toBeUndefined(); // no flag: the card is on its way

    // Teams answers the install with the bot-added update: the kept card goes out.
    await post(h.baseUrl, botAdded(h.connector.url, manager));
    expect(h.cardsOf(manager).filter((card) => textOf(card).includes('nomination.approve'))).toHaveLength(1);
    expect((await h.context().applications.get(cohortId, nominee.id))?.approvalSentAt).toBeDefined();

    // Installed already (409) but never heard from: no conversationUpdate will come, so the taskforce is told.
    const secondManager = h.service.app.directory().managerOf(second.id)!;
    graph.installedApps.set(secondManager.id, new Set([CATALOG_APP_ID]));
    await h.install(second);
    const again = await h.click(second, 'nomination.submit', nomination(cohortId, topicId));
    expect(graph.requests).toContainEqual({ path: `/v1.0/users/${secondManager.id}/teamwork/installedApps`, status: 409 });
    expect(textOf(again.card)).toContain('as soon as they open Mentoring Up');
    expect((await h.context().applications.get(cohortId, second.id))?.flag).toBe('managerUnreachable');
  });
});

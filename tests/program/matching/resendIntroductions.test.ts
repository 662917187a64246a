import { samplePersonas } from '../../../bot/directory/samplePersonas';
import { DEMO_COHORT_ID } from '../../../bot/program/demo/demoData';
import type { Pair, Proposal, ResendAnswer } from '../../../bot/program/matching/api';
import { message, personalConversationId, post } from '../../support/teamsActivities';
import { IntakeHarness, textOf } from '../intakeHarness';

const priya = samplePersonas.taskforce;
const base = `/api/cohorts/${DEMO_COHORT_ID}`;

/** Introductions that failed are sent again from the Pairs page; those kept for people who never opened the app wait. */
describe('sending failed introductions again', () => {
  let h: IntakeHarness;
  beforeAll(async () => {
    h = await IntakeHarness.start();
  });
  afterAll(async () => {
    await h.stop();
  });

  const introductionsTo = (person: { id: string; name: string }) => h.cardsOf(person).filter((c) => /Meet your (mentor|mentee)/.test(textOf(c)));
  const pairOf = (pairs: Pair[], executiveId: string) => pairs.find((p) => p.executive.id === executiveId)!;

  it('resends to those Teams refused, leaves kept cards alone, and counts what happened', async () => {
    expect((await h.api('post', `${base}/pairs/introductions/resend`, priya.id)).status).toBe(400); // nothing confirmed yet
    const etag = (await h.api('get', `${base}/matching`, priya.id)).body.proposal.etag;
    const proposal = (await h.api('post', `${base}/matching/run`, priya.id, {}, { ifMatch: etag })).body.proposal as Proposal;
    const [broken, neverOpened] = [proposal.pairs[0], proposal.pairs[1]];
    for (const p of proposal.pairs) {
      await h.install(p.executive);
      if (p.mentor.id !== neverOpened.mentor.id) await h.install(p.mentor);
    }
    h.connector.options.brokenConversations = new Set([personalConversationId(broken.executive)]);
    const confirmed = await h.api('post', `${base}/matching/confirm`, priya.id, {}, { ifMatch: proposal.etag });
    expect(confirmed.status).toBe(200);
    let pairs = (await h.api('get', `${base}/pairs`, priya.id)).body.pairs as Pair[];
    expect(pairOf(pairs, broken.executive.id).introductions.executive).toBe('unreachable');
    expect(pairOf(pairs, neverOpened.executive.id).introductions.mentor).toBe('kept');

    // Still broken: tried again, failed again.
    const stillBroken = await h.api('post', `${base}/pairs/introductions/resend`, priya.id);
    expect(stillBroken.status).toBe(200);
    expect(stillBroken.body).toMatchObject({ tried: 1, sent: 0, kept: 0, failed: 1 });

    h.connector.options.brokenConversations = new Set();
    const resent = await h.api('post', `${base}/pairs/introductions/resend`, priya.id);
    const answer = resent.body as ResendAnswer;
    expect(answer).toMatchObject({ tried: 1, sent: 1, kept: 0, failed: 0 });
    expect(pairOf(answer.pairs, broken.executive.id).introductions.executive).toBe('sent');
    expect(introductionsTo(broken.executive)).toHaveLength(1);
    expect(introductionsTo(neverOpened.mentor)).toHaveLength(0);
    expect((await h.api('post', `${base}/pairs/introductions/resend`, priya.id)).body).toMatchObject({ tried: 0 });

    // The one who never opened Mentoring Up gets theirs on opening it, once, and the pair shows it sent.
    await post(h.baseUrl, message(h.connector.url, neverOpened.mentor, 'hi'));
    expect(introductionsTo(neverOpened.mentor)).toHaveLength(1);
    pairs = (await h.api('get', `${base}/pairs`, priya.id)).body.pairs as Pair[];
    expect(pairOf(pairs, neverOpened.executive.id).introductions.mentor).toBe('sent');
    for (const p of pairs) expect([p.introductions.executive, p.introductions.mentor]).toEqual(['sent', 'sent']);

    // "status" in chat shows a paired person their pair.
    const [status] = await h.say(broken.executive, 'status');
    expect(textOf(status)).toContain('your mentor');
    expect(textOf(status)).toContain(broken.mentor.name);
  });

  it('npm run demo:reset removes the confirmed pairs, their introductions, the proposal and its audit', async () => {
    const before = (await h.api('get', `${base}/pairs`, priya.id)).body.pairs as Pair[];
    expect(before.length).toBeGreaterThan(0);
    const mentor = before[0].mentor;
    expect((await h.api('get', '/api/me/pair', mentor.id)).body.pairs).toHaveLength(1);

    await h.service.app.resetDemo();

    expect((await h.api('get', '/api/me/pair', mentor.id)).body.pairs).toEqual([]);
    const pairs = await h.api('get', `${base}/pairs`, priya.id);
    expect(pairs.body).toMatchObject({ status: 'none', pairs: [] });
    expect((await h.api('get', `${base}/matching/audit`, priya.id)).body.entries).toEqual([]);
    expect(await h.service.app.batches.status(`cohort.${DEMO_COHORT_ID}.introductions`)).toBeUndefined();
  });
});

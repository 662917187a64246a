import { samplePersonas } from '../../../bot/directory/samplePersonas';
import { DEMO_COHORT_ID } from '../../../bot/program/demo/demoData';
import type { PersonSummary, Proposal, ProposedPairJson as ProposedPair } from '../../../bot/program/matching/api';
import { cardProblems } from '../../support/cardChecks';
import { IntakeHarness, textOf } from '../intakeHarness';

const jordan = samplePersonas.employee;
const priya = samplePersonas.taskforce;
const angela = samplePersonas.executive;

const base = `/api/cohorts/${DEMO_COHORT_ID}/matching`;

/** Every matching route checks the token (401) and the role (403) before anything else. */
const TASKFORCE_ROUTES: [string, string][] = [
  ['get', base],
  ['post', `${base}/run`],
  ['get', `${base}/check?executiveId=a&mentorId=b`],
  ['put', `${base}/lock`],
  ['post', `${base}/bans`],
  ['delete', `${base}/bans/a/b`],
  ['put', `${base}/assignments/a`],
  ['post', `${base}/confirm`],
  ['get', `${base}/audit`],
  ['get', `/api/cohorts/${DEMO_COHORT_ID}/pairs`],
  ['post', `/api/cohorts/${DEMO_COHORT_ID}/pairs/introductions/resend`],
];

/** Matching on the demo cohort through the real service: run, review, confirm, introductions, and each person's pair. */
describe('matching: proposal, review, confirmation and pairs', () => {
  let h: IntakeHarness;
  beforeAll(async () => {
    h = await IntakeHarness.start();
  });
  afterAll(async () => {
    await h.stop();
  });

  /** The proposal's version now: what the tab sends in If-Match with a change. */
  const proposalEtag = async (cohortId = DEMO_COHORT_ID): Promise<string> => (await h.api('get', `/api/cohorts/${cohortId}/matching`, priya.id)).body.proposal.etag;
  const current = async () => ({ ifMatch: await proposalEtag() });
  const run = async (): Promise<Proposal> => {
    const answer = await h.api('post', `${base}/run`, priya.id, {}, await current());
    expect(answer.status).toBe(200);
    return answer.body.proposal as Proposal;
  };
  const expectNoChainViolation = (pairs: { executive: { id: string }; mentor: { id: string } }[]) => {
    const directory = h.service.app.directory();
    for (const p of pairs) expect(directory.isInChainOfCommand(p.mentor.id, p.executive.id)).toBe(false);
  };

  /**
   * Every executive has a pair, except one the chain-of-command rule leaves without any mentor (the demo's executives
   * include the top of the org, whom every accepted mentor reports up to).
   */
  const expectEveryExecutiveAccounted = (proposal: Proposal) => {
    const directory = h.service.app.directory();
    expect(proposal.pairs.length + proposal.unmatched.length).toBe(12);
    const mentors = [...proposal.pairs.map((p) => p.mentor), ...proposal.freeMentors];
    expect(mentors).toHaveLength(20);
    for (const u of proposal.unmatched) {
      expect(u.reason).toBe('chainOfCommand');
      expect(u.explanation).toBe('Every accepted mentor reports up to this executive.');
      for (const m of mentors) expect(directory.isInChainOfCommand(m.id, u.executive.id)).toBe(true);
    }
  };

  it.each(TASKFORCE_ROUTES)('%s %s answers 401 without a token and 403 to an employee or executive', async (method, path) => {
    const anonymous = await h.api(method, path, undefined, method === 'get' ? undefined : {});
    expect(anonymous.status).toBe(401);
    for (const who of [jordan.id, angela.id]) {
      const refused = await h.api(method, path, who, method === 'get' ? undefined : {});
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('Forbidden');
    }
  });

  it('GET /api/me/pair needs a token (401) and is open to everyone signed in', async () => {
    expect((await h.api('get', '/api/me/pair', undefined)).status).toBe(401);
    const none = await h.api('get', '/api/me/pair', jordan.id);
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ pairs: [] });
  });

  it('shows an empty proposal before the first run, and 404 for an unknown cohort', async () => {
    const empty = await h.api('get', base, priya.id);
    expect(empty.body.proposal).toMatchObject({ status: 'none', pairs: [], counts: { executives: 12, mentors: 20, matched: 0 } });
    expect((await h.api('get', '/api/cohorts/nope/matching', priya.id)).status).toBe(404);
  });

  let first: Proposal;
  it('proposes a pair for every executive of the demo cohort, none inside the chain of command, with explanations', async () => {
    first = await run();
    expect(first.status).toBe('proposed');
    expect(first.pairs.length).toBeGreaterThanOrEqual(11);
    expectEveryExecutiveAccounted(first);
    expectNoChainViolation(first.pairs);
    expect(new Set(first.pairs.map((p) => p.mentor.id)).size).toBe(first.pairs.length);
    for (const p of first.pairs) {
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBe(10 * p.sharedTopics.length + (p.score % 10));
    }
    // The demo's vice presidents lead departments the mentors work in: the rule excludes some of them.
    expect(first.pairs.some((p) => p.chainExcluded > 0)).toBe(true);
  });

  let locked: ProposedPair;
  let banned: ProposedPair;
  it('keeps a locked pair and never proposes a banned one across re-runs', async () => {
    [locked, banned] = [first.pairs[0], first.pairs[1]];
    const lock = await h.api('put', `${base}/lock`, priya.id, { executiveId: locked.executive.id, locked: true }, { ifMatch: first.etag });
    expect(lock.status).toBe(200);
    const stale = await h.api('put', `${base}/lock`, priya.id, { executiveId: locked.executive.id, locked: true }, { ifMatch: first.etag });
    expect(stale.status).toBe(409);
    const ban = await h.api(
      'post',
      `${base}/bans`,
      priya.id,
      { executiveId: banned.executive.id, mentorId: banned.mentor.id, reason: 'They already work together on a project.' },
      await current(),
    );
    expect(ban.status).toBe(200);
    const afterBan = ban.body.proposal as Proposal;
    expect(afterBan.pairs.some((p) => p.executive.id === banned.executive.id)).toBe(false);
    expect(afterBan.unmatched.find((u) => u.executive.id === banned.executive.id)?.reason).toBe('changedByHand');
    for (let i = 0; i < 2; i++) {
      const again = await run();
      expect(again.pairs.find((p) => p.executive.id === locked.executive.id)).toMatchObject({ mentor: { id: locked.mentor.id }, locked: true });
      expect(again.pairs.some((p) => p.executive.id === banned.executive.id && p.mentor.id === banned.mentor.id)).toBe(false);
      expect(again.bans).toEqual([expect.objectContaining({ executiveId: banned.executive.id, mentorId: banned.mentor.id })]);
      expect(again.pairs).toHaveLength(first.pairs.length);
      expectEveryExecutiveAccounted(again);
      expectNoChainViolation(again.pairs);
    }
  });

  it('refuses a hand-placed pair that breaks a rule unless a reason is given, and audits the override', async () => {
    const check = await h.api('get', `${base}/check?executiveId=${banned.executive.id}&mentorId=${banned.mentor.id}`, priya.id);
    expect(check.body).toMatchObject({ allowed: false, violations: [{ rule: 'banned' }] });
    const path = `${base}/assignments/${banned.executive.id}`;
    const refused = await h.api('put', path, priya.id, { mentorId: banned.mentor.id }, await current());
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('The taskforce banned this pair.');
    expect((await h.api('put', path, priya.id, { mentorId: banned.mentor.id, overrideReason: 'short' }, await current())).status).toBe(400);
    const placed = await h.api('put', path, priya.id, { mentorId: banned.mentor.id, overrideReason: 'The project ended; both asked to work together.' }, await current());
    expect(placed.status).toBe(200);
    const pair = (placed.body.proposal as Proposal).pairs.find((p) => p.executive.id === banned.executive.id);
    expect(pair).toMatchObject({
      mentor: { id: banned.mentor.id },
      locked: true,
      source: 'manual',
      override: { rules: ['banned'], reason: 'The project ended; both asked to work together.' },
    });
    const audit = await h.api('get', `${base}/audit`, priya.id);
    expect(audit.body.entries[0]).toMatchObject({ action: 'override', executiveId: banned.executive.id, mentorId: banned.mentor.id, rules: ['banned'], by: priya.id });
  });

  it('refuses a hand-placed pair inside the chain of command without a reason', async () => {
    const directory = h.service.app.directory();
    const proposal = (await h.api('get', base, priya.id)).body.proposal as Proposal;
    const everyone = [...proposal.pairs.map((p) => p.mentor), ...proposal.freeMentors];
    const inside = proposal.pairs.flatMap((p) => everyone.filter((m) => directory.isInChainOfCommand(m.id, p.executive.id)).map((m) => ({ executive: p.executive, mentor: m })))[0];
    expect(inside).toBeDefined();
    const refused = await h.api('put', `${base}/assignments/${inside.executive.id}`, priya.id, { mentorId: inside.mentor.id }, { ifMatch: proposal.etag });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('chain of command');
    const check = await h.api('get', `${base}/check?executiveId=${inside.executive.id}&mentorId=${inside.mentor.id}`, priya.id);
    expect(check.body.violations.map((v: { rule: string }) => v.rule)).toContain('chainOfCommand');
  });

  let confirmedPairs: { executive: PersonSummary; mentor: PersonSummary; introductions: { executive: string; mentor: string } }[];
  let unreachableMentor: PersonSummary;
  it('confirms once when two taskforce members confirm at once, and introduces both people of each pair', async () => {
    const proposal = (await h.api('get', base, priya.id)).body.proposal as Proposal;
    unreachableMentor = proposal.pairs[proposal.pairs.length - 1].mentor;
    for (const p of proposal.pairs) {
      await h.install({ id: p.executive.id, name: p.executive.name });
      if (p.mentor.id !== unreachableMentor.id) await h.install({ id: p.mentor.id, name: p.mentor.name });
    }
    const colleague = h.service.app.directorySync.roles().taskforce.find((id) => id !== priya.id);
    expect(colleague).toBeDefined();
    const [a, b] = await Promise.all([
      h.api('post', `${base}/confirm`, priya.id, {}, { ifMatch: proposal.etag }),
      h.api('post', `${base}/confirm`, colleague, {}, { ifMatch: proposal.etag }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.alreadyConfirmed, b.body.alreadyConfirmed].sort()).toEqual([false, true]);
    const winner = a.body.alreadyConfirmed ? b.body : a.body;
    expect(winner.unreachable).toEqual([expect.objectContaining({ name: unreachableMentor.name })]);
    const ids = (body: { pairs: { executive: { id: string }; mentor: { id: string } }[] }) => body.pairs.map((p) => `${p.executive.id}|${p.mentor.id}`).sort();
    expect(ids(a.body)).toEqual(ids(b.body));

    const again = await h.api('post', `${base}/confirm`, priya.id, {}, { ifMatch: proposal.etag });
    expect(again.body.alreadyConfirmed).toBe(true);
    expect(ids(again.body)).toEqual(ids(a.body));

    const listed = await h.api('get', `/api/cohorts/${DEMO_COHORT_ID}/pairs`, priya.id);
    expect(listed.body.status).toBe('confirmed');
    confirmedPairs = listed.body.pairs;
    expect(confirmedPairs).toHaveLength(proposal.pairs.length);
    expectNoChainViolation(confirmedPairs);
    for (const p of confirmedPairs) {
      expect(p.introductions.executive).toBe('sent');
      // Someone who never opened Mentoring Up: the card is kept for them.
      expect(p.introductions.mentor).toBe(p.mentor.id === unreachableMentor.id ? 'kept' : 'sent');
      const executiveCards = h.cardsOf({ id: p.executive.id, name: p.executive.name }).filter((c) => textOf(c).includes('Meet your mentor'));
      expect(executiveCards).toHaveLength(1);
      expect(cardProblems(executiveCards[0])).toEqual([]);
      expect(textOf(executiveCards[0])).toContain(p.mentor.name);
      expect(textOf(executiveCards[0])).toContain('shadowing');
      if (p.mentor.id === unreachableMentor.id) continue;
      const mentorCards = h.cardsOf({ id: p.mentor.id, name: p.mentor.name }).filter((c) => textOf(c).includes('Meet your mentee'));
      expect(mentorCards).toHaveLength(1);
      expect(cardProblems(mentorCards[0])).toEqual([]);
      expect(textOf(mentorCards[0])).toContain(p.executive.name);
    }
  });

  it('freezes the proposal once confirmed', async () => {
    expect((await h.api('post', `${base}/run`, priya.id, {}, await current())).status).toBe(409);
    expect((await h.api('put', `${base}/lock`, priya.id, { executiveId: locked.executive.id, locked: false }, await current())).status).toBe(409);
  });

  it('shows a participant their own pair, without scores, bans, override reasons or other pairs', async () => {
    const pair = confirmedPairs.find((p) => p.mentor.id === banned.mentor.id);
    expect(pair).toBeDefined();
    const mentorView = await h.api('get', '/api/me/pair', banned.mentor.id);
    expect(mentorView.status).toBe(200);
    expect(mentorView.body.pairs).toHaveLength(1);
    expect(mentorView.body.pairs[0]).toMatchObject({ cohortId: DEMO_COHORT_ID, myRole: 'mentor', partner: { name: banned.executive.name, role: 'executive' } });
    const executiveView = await h.api('get', '/api/me/pair', banned.executive.id);
    expect(executiveView.body.pairs[0]).toMatchObject({ myRole: 'executive', partner: { name: banned.mentor.name, role: 'mentor' } });
    for (const text of [mentorView.text, executiveView.text]) {
      expect(Object.keys(JSON.parse(text).pairs[0]).sort()).toEqual(['cohortId', 'cohortName', 'confirmedAt', 'myRole', 'nextSteps', 'partner', 'sharedTopics']);
      expect(text).not.toMatch(/score|override|"bans?"|reason/i);
      expect(text).not.toContain('The project ended');
      expect(text).not.toContain(banned.mentor.id);
      expect(text).not.toContain(banned.executive.id);
      expect(text).not.toContain(locked.mentor.name);
    }
  });

  it('never pairs two people again in a later cohort', async () => {
    const created = await h.api('post', '/api/cohorts', priya.id, {
      name: 'Mentoring Up next year',
      programYear: new Date().getUTCFullYear() + 1,
      opensOn: '2030-01-01',
      closesOn: '2030-02-01',
      topics: (await h.api('get', `/api/cohorts/${DEMO_COHORT_ID}`, priya.id)).body.topics.map((t: { title: string }) => ({ title: t.title })),
    });
    expect(created.status).toBe(201);
    const next = created.body.id as string;
    const ctx = h.context();
    const accepted = await ctx.applications.listCohort(DEMO_COHORT_ID, { stage: 'accepted' });
    await ctx.applications.createMany(accepted.map(({ etag: _etag, ...a }) => ({ ...a, cohortId: next })));
    const answer = await h.api('post', `/api/cohorts/${next}/matching/run`, priya.id, {}, { ifMatch: await proposalEtag(next) });
    expect(answer.status).toBe(200);
    const proposal = answer.body.proposal as Proposal;
    const before = new Set(confirmedPairs.map((p) => `${p.executive.id}|${p.mentor.id}`));
    expect(proposal.pairs.length).toBeGreaterThan(0);
    for (const p of proposal.pairs) expect(before.has(`${p.executive.id}|${p.mentor.id}`)).toBe(false);
    expectNoChainViolation(proposal.pairs);
    const check = await h.api('get', `/api/cohorts/${next}/matching/check?executiveId=${locked.executive.id}&mentorId=${locked.mentor.id}`, priya.id);
    expect(check.body.violations.map((v: { rule: string }) => v.rule)).toEqual(['pairedBefore']);
  });
});

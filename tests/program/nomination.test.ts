import { samplePersonas } from '../../bot/directory/samplePersonas';
import { frontLiners, inputIds, IntakeHarness, textOf, type Card } from './intakeHarness';

const jordan = samplePersonas.employee;
const sam = samplePersonas.manager;
const priya = samplePersonas.taskforce;

/** Self-nomination in chat and the manager's approval, through the real bot endpoint, storage and connector double. */
describe('mentor self-nomination and manager approval', () => {
  let h: IntakeHarness;
  let cohortId: string;
  const topicIds: string[] = [];

  beforeAll(async () => {
    h = await IntakeHarness.start();
    await h.install(sam);
    await h.install(jordan);
    await h.install(priya);
  });
  afterAll(async () => {
    await h.stop();
  });

  const submitData = (extra: Record<string, unknown> = {}) => ({
    cohortId,
    topics: topicIds.slice(0, 2).join(','),
    otherTopics: '',
    motivation: 'I want leaders to see a night shift.',
    agree: 'true',
    ...extra,
  });
  const stored = (personId: string) => h.context().applications.get(cohortId, personId);

  it('says kindly that nominations are closed when no cohort is open', async () => {
    const demo = await h.api('get', '/api/cohorts/demo', priya.id);
    const closed = await h.api('post', '/api/cohorts/demo/close', priya.id, {}, { ifMatch: demo.body.etag });
    expect(closed.status).toBe(200);
    const [card] = await h.say(jordan, 'nominate');
    expect(textOf(card)).toContain('Nominations are not open');
    expect(inputIds(card)).toEqual([]);
  });

  it('opens a cohort for the rest of the file', async () => {
    const created = await h.api('post', '/api/cohorts', priya.id, {
      name: 'Mentoring Up 2031',
      programYear: 2031,
      opensOn: '2020-01-01',
      closesOn: '2099-12-31',
      topics: [{ title: 'Patient flow' }, { title: 'Night shifts' }, { title: 'Supplies' }],
    });
    expect(created.status).toBe(201);
    cohortId = created.body.id;
    topicIds.push(...created.body.topics.map((t: { id: string }) => t.id));
    expect((await h.api('post', `/api/cohorts/${cohortId}/open`, priya.id, {}, { ifMatch: created.body.etag })).status).toBe(200);
  });

  it('refuses a person with direct reports, kindly, without a form', async () => {
    const [card] = await h.say(sam, 'nominate');
    expect(textOf(card)).toContain('for staff without direct reports');
    expect(textOf(card)).toContain('without supervisory responsibility');
    expect(inputIds(card)).toEqual([]);
    const clicked = await h.click(sam, 'nomination.submit', { ...submitData() });
    expect(textOf(clicked.card)).toContain('for staff without direct reports');
    expect(await stored(sam.id)).toBeUndefined();
  });

  it('gives an eligible person the form: the cohort topics as a multi-select, free text, why, and the expectations', async () => {
    const [card] = await h.say(jordan, 'nominate');
    expect(inputIds(card)).toEqual(['topics', 'otherTopics', 'motivation', 'agree']);
    const text = textOf(card);
    for (const title of ['Patient flow', 'Night shifts', 'Supplies']) expect(text).toContain(title);
    expect(text).toContain('"isMultiSelect":true');
    expect(text).toContain('four times over the year, including hosting one shadowing visit');
    expect(text).toContain('"isRequired":true');
    expect(text).toMatch(/"maxLength":1000/);
    expect(text).toContain('"verb":"nomination.submit"');
    // The welcome card's button gives the same form.
    const fromButton = await h.click(jordan, 'nomination.start', {});
    expect(inputIds(fromButton.card!)).toEqual(['topics', 'otherTopics', 'motivation', 'agree']);
  });

  const hostile: [string, Record<string, unknown>, string, string][] = [
    ['a missing motivation', { motivation: undefined }, 'motivation', 'Please fill in why you want to mentor'],
    ['a 10 KB motivation', { motivation: 'x'.repeat(10 * 1024) }, 'motivation', 'too long'],
    ['HTML markup', { motivation: '<img src=x onerror=alert(1)> hello' }, 'motivation', 'cannot contain HTML tags'],
    ['a right-to-left override', { motivation: 'fine \u202Egnp.exe' }, 'motivation', 'invisible or control characters'],
    ['a lone surrogate', { otherTopics: 'bad \uD800 text' }, 'otherTopics', 'invisible or control characters'],
    ['a control character', { otherTopics: 'bell \u0007' }, 'otherTopics', 'invisible or control characters'],
    ['an unknown topic id', { topics: `t1,t999` }, 'topics', 'not offered in this cohort'],
    ['topics that are not text', { topics: ['t1'] }, 'topics', 'choose topics from the list'],
    ['no topic at all', { topics: '', otherTopics: '' }, 'topics', 'at least one topic'],
    ['no agreement to the expectations', { agree: 'false' }, 'agree', 'agree to the program'],
    ['a motivation that is not text', { motivation: { $gt: '' } }, 'motivation', 'must be text'],
  ];
  it.each(hostile)('re-renders the form with the message next to the field for %s, and stores nothing', async (_name, extra, field, messagePart) => {
    const answer = await h.click(jordan, 'nomination.submit', submitData(extra));
    expect(answer.status).toBe(200);
    const card = answer.card!;
    const body = card.body as Record<string, unknown>[];
    const inputIndex = body.findIndex((e) => e.id === field);
    expect(inputIndex).toBeGreaterThanOrEqual(0);
    const next = body[inputIndex + 1];
    expect(next.color).toBe('Attention');
    expect(String(next.text).toLowerCase()).toContain(messagePart.toLowerCase());
    expect(textOf(card)).not.toContain('onerror');
    expect(textOf(card)).not.toContain('xxxxxxxxxxxxxxxxxxxx');
    expect(await stored(jordan.id)).toBeUndefined();
  });

  it('keeps markdown and unusual but legitimate unicode as plain text, shown without formatting', async () => {
    const motivation = '**Bold** [link](http://x) _café_ 🌙 — 日本語 ${x}';
    const answer = await h.click(jordan, 'nomination.submit', submitData({ motivation, personId: sam.id, managerId: priya.id, stage: 'accepted' }));
    expect(textOf(answer.card)).toContain('Nomination received');
    const application = await stored(jordan.id);
    expect(application).toMatchObject({ personId: jordan.id, stage: 'nominated', managerId: sam.id, motivation, kind: 'mentor', agreedToExpectations: true });
    expect(application?.topicIds).toEqual(topicIds.slice(0, 2));
    expect(await stored(sam.id)).toBeUndefined();
  });

  let approvalCard: Card;
  it('sends the current manager an approval card with who, topics and motivation (in TextRuns, no markdown)', async () => {
    const cards = h.cardsOf(sam);
    approvalCard = cards[cards.length - 1];
    const text = textOf(approvalCard);
    expect(text).toContain('your approval is needed');
    expect(text).toContain('Jordan Lee');
    expect(text).toContain('Patient flow; Night shifts');
    expect(text).toContain('**Bold** [link](http://x)');
    expect(text).toContain('"type":"TextRun"');
    expect(text).toContain('"verb":"nomination.approve"');
    expect(text).toContain('"verb":"nomination.decline"');
    expect(text).toContain('"verb":"nomination.approvalView"');
    expect((await stored(jordan.id))?.approvalActivityId).toBeDefined();
  });

  it('shows the status instead of a second form to someone already nominated', async () => {
    const [card] = await h.say(jordan, 'nominate');
    expect(textOf(card)).toContain('You are already nominated');
    expect(textOf(card)).toContain('Waiting for manager approval');
    const resubmit = await h.click(jordan, 'nomination.submit', submitData({ motivation: 'second try' }));
    expect(textOf(resubmit.card)).toContain('You are already nominated');
    expect((await stored(jordan.id))?.motivation).not.toBe('second try');
    const [status] = await h.say(jordan, 'status');
    expect(textOf(status)).toContain('Mentoring Up 2031 (mentor)');
    expect(textOf(status)).toContain('Waiting for manager approval');
  });

  it('refuses anyone who is not the nominee’s current manager with an error card, and changes nothing', async () => {
    const before = await stored(jordan.id);
    for (const verb of ['nomination.approve', 'nomination.decline', 'nomination.approvalView']) {
      const answer = await h.click(priya, verb, { cohortId, nomineeId: jordan.id });
      expect(answer.status).toBe(200);
      expect(textOf(answer.card)).toContain('Only their manager can answer');
      expect(inputIds(answer.card!)).toEqual([]);
    }
    // Forged ids: Sam names Jordan but a cohort that does not exist, or a person he does not manage.
    expect(textOf((await h.click(sam, 'nomination.approve', { cohortId: 'nope', nomineeId: jordan.id })).card)).toContain('Nomination not found');
    const after = await stored(jordan.id);
    expect(after?.etag).toBe(before?.etag);
    expect(after?.stage).toBe('nominated');
  });

  it('shows Sam his waiting approval in "status", with a button to the card', async () => {
    const [status] = await h.say(sam, 'status');
    expect(textOf(status)).toContain('Review Jordan Lee’s nomination');
    const view = await h.click(sam, 'nomination.approvalView', { cohortId, nomineeId: jordan.id });
    expect(textOf(view.card)).toContain('your approval is needed');
  });

  it('gives one decision for repeated and concurrent approvals, and the nominee hears it once', async () => {
    const jordanCardsBefore = h.cardsOf(jordan).length;
    const answers = await Promise.all([
      h.click(sam, 'nomination.approve', { cohortId, nomineeId: jordan.id }),
      h.click(sam, 'nomination.approve', { cohortId, nomineeId: jordan.id }),
      h.click(sam, 'nomination.decline', { cohortId, nomineeId: jordan.id, declineReason: 'no' }),
      h.click(sam, 'nomination.approve', { cohortId, nomineeId: jordan.id }),
    ]);
    const application = await stored(jordan.id);
    expect(['managerApproved', 'managerDeclined']).toContain(application?.stage);
    const expected = application?.stage === 'managerApproved' ? 'Nomination approved' : 'Nomination declined';
    for (const answer of answers) expect(textOf(answer.card)).toContain(expected);
    // The approval card in Sam's chat is updated once to show the decision.
    const updates = h.connector.received.filter((r) => r.method === 'PUT' && r.activityId === application?.approvalActivityId);
    expect(updates).toHaveLength(1);
    expect(textOf(updates[0].activity)).toContain(expected);
    const told = h.cardsOf(jordan).slice(jordanCardsBefore);
    expect(told).toHaveLength(1);
    expect(textOf(told[0])).toMatch(/approved your nomination|An update on your nomination/);
  });

  it('answers a stale card (a second click, or its refresh) with the decision, changing nothing', async () => {
    const before = await stored(jordan.id);
    const again = await h.click(sam, before?.stage === 'managerApproved' ? 'nomination.decline' : 'nomination.approve', { cohortId, nomineeId: jordan.id });
    expect(textOf(again.card)).toMatch(/Nomination (approved|declined)/);
    expect(inputIds(again.card!)).toEqual([]);
    const refreshed = await h.click(sam, 'nomination.approvalView', { cohortId, nomineeId: jordan.id });
    expect(textOf(refreshed.card)).toMatch(/Nomination (approved|declined)/);
    expect((await stored(jordan.id))?.etag).toBe(before?.etag);
  });

  it('lets a manager decline with a reason the taskforce sees and the nominee does not', async () => {
    const [nominee] = frontLiners(h, 1);
    const manager = h.service.app.directory().managerOf(nominee.id)!;
    await h.install(nominee);
    await h.install(manager);
    await h.click(nominee, 'nomination.submit', submitData());
    const long = await h.click(manager, 'nomination.decline', { cohortId, nomineeId: nominee.id, declineReason: 'y'.repeat(600) });
    expect(textOf(long.card)).toContain('too long');
    expect((await stored(nominee.id))?.stage).toBe('nominated');
    const declined = await h.click(manager, 'nomination.decline', { cohortId, nomineeId: nominee.id, declineReason: 'Busy season; next year.' });
    expect(textOf(declined.card)).toContain('Nomination declined');
    expect((await stored(nominee.id))?.managerDeclineReason).toBe('Busy season; next year.');
    const told = h.cardsOf(nominee).at(-1);
    expect(textOf(told)).toContain('not able to approve your participation');
    expect(textOf(told)).not.toContain('Busy season');
    const detail = await h.api('get', `/api/cohorts/${cohortId}/applications/${nominee.id}`, priya.id);
    expect(detail.body.application.managerDeclineReason).toBe('Busy season; next year.');
  });

  it('refuses a manager acting on a nomination of someone the directory says they do not manage', async () => {
    const [nominee] = frontLiners(h, 1, 1);
    await h.install(nominee);
    await h.click(nominee, 'nomination.submit', submitData());
    const answer = await h.click(sam, 'nomination.approve', { cohortId, nomineeId: nominee.id });
    expect(textOf(answer.card)).toContain('Only their manager can answer');
    expect((await stored(nominee.id))?.stage).toBe('nominated');
  });

  it('flags a nomination whose manager cannot be reached yet, and tells the nominee once when they will be asked', async () => {
    const [nominee] = frontLiners(h, 1, 2);
    await h.install(nominee); // the manager never installed the bot
    const answer = await h.click(nominee, 'nomination.submit', submitData());
    expect(textOf(answer.card)).toContain('as soon as they open Mentoring Up');
    expect(await stored(nominee.id)).toMatchObject({ stage: 'nominated', flag: 'managerUnreachable' });
    expect(h.cardsOf(nominee)).toEqual([]);
    const flags = await h.api('get', `/api/cohorts/${cohortId}/flags`, priya.id);
    expect(flags.status).toBe(200);
    expect(flags.body.flags).toEqual(expect.arrayContaining([expect.objectContaining({ personId: nominee.id, reason: 'managerUnreachable' })]));
  });

  it('reminds a silent manager once half way, then flags the nomination to the taskforce', async () => {
    const [nominee] = frontLiners(h, 1, 3);
    const manager = h.service.app.directory().managerOf(nominee.id)!;
    await h.install(nominee);
    await h.install(manager);
    await h.click(nominee, 'nomination.submit', submitData());
    const sentAt = Date.parse((await stored(nominee.id))!.approvalSentAt!);
    const at = (days: number) => new Date(sentAt + days * 24 * 3600 * 1000 + 1000);
    const nomination = { cohortId, personId: nominee.id };
    const managerCards = () => h.cardsOf(manager).length;

    const early = managerCards();
    expect((await h.followUpsAt(at(1), nomination)).reminded).toBe(0);
    expect(managerCards()).toBe(early);

    expect((await h.followUpsAt(at(4), nomination)).reminded).toBe(1);
    expect(managerCards()).toBe(early + 1);
    expect(textOf(h.cardsOf(manager).at(-1))).toContain('your approval is needed');
    expect((await stored(nominee.id))?.reminderSentAt).toBeDefined();
    await h.followUpsAt(at(5), nomination); // one reminder only
    expect(managerCards()).toBe(early + 1);
    expect((await stored(nominee.id))?.flag).toBeUndefined();

    expect((await h.followUpsAt(at(7), nomination)).flagged).toBe(1);
    expect(await stored(nominee.id)).toMatchObject({ stage: 'nominated', flag: 'managerNoAnswer' });
    const flags = await h.api('get', `/api/cohorts/${cohortId}/flags`, priya.id);
    expect(flags.body.flags).toEqual(expect.arrayContaining([expect.objectContaining({ personId: nominee.id, reason: 'managerNoAnswer' })]));
    expect(textOf(h.cardsOf(nominee).at(-1))).toContain('following up with your manager');

    // The manager can still answer; the flag goes away.
    const approved = await h.click(manager, 'nomination.approve', { cohortId, nomineeId: nominee.id });
    expect(textOf(approved.card)).toContain('Nomination approved');
    expect((await stored(nominee.id))?.flag).toBeUndefined();
  });
});

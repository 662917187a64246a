import { samplePersonas } from '../../../bot/directory/samplePersonas';
import { DEMO_COHORT_ID } from '../../../bot/program/demo/demoData';
import type { LearningSendingJson, MyLearning } from '../../../bot/program/learnings/api';
import { cardProblems, liveMarkdown, markdownTexts, shownMarkdownText } from '../../support/cardChecks';
import { confirmDemoPairs, type Participant } from '../confirmedCohort';
import { IntakeHarness, textOf, type Card } from '../intakeHarness';

const priya = samplePersonas.taskforce;
const cohort = DEMO_COHORT_ID;
const sendPath = `/api/cohorts/${cohort}/you-said-we-did/send`;
const sendingPath = `/api/cohorts/${cohort}/you-said-we-did/sending`;

/** "You said, we did" sent to the cohort in chat through the real service and the Bot Connector double. */
describe('you said, we did: the published entries reach the cohort in chat, each once', () => {
  let h: IntakeHarness;
  let people: Participant[];
  let executives: Participant[];
  const heading = 'You said, we did';
  const cardsOf = (person: Participant): Card[] => h.cardsOf(person).filter((card) => textOf(card).includes(heading));
  const everyoneHas = (count: number) => {
    for (const person of people) expect(cardsOf(person)).toHaveLength(count);
  };
  const addEntry = async (executive: Participant, learned: string, shareConsent: boolean): Promise<MyLearning> => {
    const answer = await h.api('post', '/api/me/learnings', executive.id, { cohortId: cohort, learned, changed: `Changed after: ${learned}`, shareConsent });
    expect(answer.status).toBe(201);
    return answer.body.entry as MyLearning;
  };
  const publish = async (entry: MyLearning): Promise<void> => {
    const answer = await h.api('put', `/api/cohorts/${cohort}/learnings/${entry.entryId}/publication`, priya.id, { published: true }, { ifMatch: entry.etag });
    expect(answer.status).toBe(200);
  };
  const sending = async (): Promise<LearningSendingJson> => (await h.api('get', sendingPath, priya.id)).body as LearningSendingJson;
  /** The texts a person reads on a card, escapes resolved. */
  const shownTexts = (card: Card) => markdownTexts(card).map(shownMarkdownText);

  beforeAll(async () => {
    h = await IntakeHarness.start();
    people = await confirmDemoPairs(h);
    executives = people.filter((p) => p.role === 'executive');
  }, 120_000);
  afterAll(async () => {
    await h.stop();
  });

  it.each([
    ['get', sendingPath],
    ['post', sendPath],
  ])('%s %s answers 401 without a token and 403 to a participant', async (method, path) => {
    expect((await h.api(method, path, undefined, method === 'get' ? undefined : {})).status).toBe(401);
    for (const who of [executives[0].id, people.find((p) => p.role === 'mentor')!.id]) {
      const refused = await h.api(method, path, who, method === 'get' ? undefined : {});
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('Forbidden');
    }
  });

  it('has nothing to send before anything is published (409, no card)', async () => {
    expect(await sending()).toEqual({ recipients: people.length, unsentEntries: 0, last: null });
    const refused = await h.api('post', sendPath, priya.id, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('Every published entry has already been sent to the cohort. Publish another entry first.');
    await h.service.app.batches.idle();
    everyoneHas(0);
  });

  const markup = 'The night rota [looks fine](https://evil.test) on paper but is **hard** to _staff_ at `night`';
  const privateText = 'I do not listen enough in meetings.';
  const sharedUnpublished = 'Porters walk 12 km a shift.';

  it('sends one card to every participant with the published entry: the executive named, the text escaped, nothing unconsented', async () => {
    const [a, b] = executives;
    await publish(await addEntry(a, markup, true));
    await addEntry(a, privateText, false);
    await addEntry(b, sharedUnpublished, true);
    expect(await sending()).toEqual({ recipients: people.length, unsentEntries: 1, last: null });

    // Two clicks at once: the second finds the entries sent (409), or, racing the first, starts the same key's batch
    // again, which sends nothing new. Either way, one card each.
    const answers = await Promise.all([h.api('post', sendPath, priya.id, {}), h.api('post', sendPath, priya.id, {})]);
    const started = answers.filter((answer) => answer.status === 202);
    expect(answers.filter((answer) => answer.status !== 202).map((answer) => answer.status)).toEqual(started.length === 2 ? [] : [409]);
    const [first] = started;
    expect(first.body.entries).toBe(1);
    for (const answer of started) expect(answer.body.sending.key).toBe(first.body.sending.key);
    await h.service.app.batches.idle();
    everyoneHas(1);
    for (const person of people) {
      const [card] = cardsOf(person);
      expect(cardProblems(card)).toEqual([]);
      for (const text of markdownTexts(card)) expect(liveMarkdown(text)).toEqual([]);
      const shown = shownTexts(card);
      expect(shown).toContain(`${a.name} learned`);
      expect(shown).toContain(markup);
      expect(shown).toContain(`What changed: Changed after: ${markup}`);
      expect(textOf(card)).not.toContain(privateText);
      expect(textOf(card)).not.toContain(sharedUnpublished);
    }
    const after = await sending();
    expect(after).toMatchObject({ recipients: people.length, unsentEntries: 0, last: { key: first.body.sending.key, state: 'done', total: people.length, sent: people.length } });

    // Sending again has nothing new: refused, no card.
    expect((await h.api('post', sendPath, priya.id, {})).status).toBe(409);
    await h.service.app.batches.idle();
    everyoneHas(1);
  });

  it('sends only the entries published since; an entry whose consent was withdrawn is not sent', async () => {
    const [a, b, c] = executives;
    const later = 'Night staff eat at 3 am; the canteen closes at 8 pm.';
    const withdrawnText = 'Ward clerks answer every call for the ward.';
    await publish(await addEntry(b, later, true));
    const toWithdraw = await addEntry(c, withdrawnText, true);
    await publish(toWithdraw);
    const current = (await h.api('get', `/api/cohorts/${cohort}/learnings`, priya.id)).body.entries.find((e: MyLearning) => e.entryId === toWithdraw.entryId) as MyLearning;
    const withdrawn = await h.api(
      'put',
      `/api/me/learnings/${cohort}/${toWithdraw.entryId}`,
      c.id,
      { learned: withdrawnText, changed: '', shareConsent: false },
      { ifMatch: current.etag },
    );
    expect(withdrawn.status).toBe(200);
    expect((await sending()).unsentEntries).toBe(1);

    const sent = await h.api('post', sendPath, priya.id, {});
    expect(sent.status).toBe(202);
    expect(sent.body.entries).toBe(1);
    await h.service.app.batches.idle();
    everyoneHas(2);
    for (const person of people) {
      const card = cardsOf(person)[1];
      expect(cardProblems(card)).toEqual([]);
      expect(shownTexts(card)).toContain(later);
      expect(shownTexts(card)).toContain(`${b.name} learned`);
      expect(textOf(card)).not.toContain(a.name);
      expect(textOf(card)).not.toContain(withdrawnText);
    }
  });
});

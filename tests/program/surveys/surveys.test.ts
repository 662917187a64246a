import { TableClient } from '@azure/data-tables';
import { samplePersonas } from '../../../bot/directory/samplePersonas';
import { DEMO_COHORT_ID } from '../../../bot/program/demo/demoData';
import type { Proposal } from '../../../bot/program/matching/api';
import type { CohortSurveys, MySurvey, SurveyResults } from '../../../bot/program/surveys/api';
import { SURVEY_ANSWER_TABLE } from '../../../bot/program/surveys/surveyStore';
import { cardProblems } from '../../support/cardChecks';
import { personalConversationId } from '../../support/teamsActivities';
import { IntakeHarness, inputIds, textOf, type Card } from '../intakeHarness';

const priya = samplePersonas.taskforce;
const jordan = samplePersonas.employee;
const angela = samplePersonas.executive;
const cohort = DEMO_COHORT_ID;
const base = `/api/cohorts/${cohort}/surveys`;
const DAY = 24 * 60 * 60 * 1000;

interface Someone {
  id: string;
  name: string;
}

/** The ChoiceSets of a card: id, style and the label of every point. */
function choiceSets(card: Card): { id: string; style: unknown; label: unknown; value: unknown; choices: { title: string; value: string }[] }[] {
  const found: ReturnType<typeof choiceSets> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Input.ChoiceSet') found.push(record as unknown as ReturnType<typeof choiceSets>[number]);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/**
 * The whole survey cycle through the real service: items edited, pairs confirmed (the pre survey opens), answers on the
 * card and in the tab, refusals, the reminder, the close, the post survey at the end of the year, and the results.
 */
describe('surveys: pre and post, answered in chat and in the tab, reported without names', () => {
  let h: IntakeHarness;
  let executives: Someone[];
  let mentors: Someone[];
  let surveys: CohortSurveys;

  const runAllDue = async () => {
    for (let pass = 0; pass < 10; pass++) {
      const { runs, full } = await h.service.app.scheduler.runDue();
      if (runs.length === 0 && !full) break;
    }
  };
  const settle = async (key: string) => h.service.app.batches.settled(key);
  const answersTable = () => TableClient.fromConnectionString(h.service.azurite.connectionString, SURVEY_ANSWER_TABLE, { allowInsecureConnection: true });
  const storedRows = async () => {
    const rows: Record<string, unknown>[] = [];
    for await (const row of answersTable().listEntities()) rows.push(row);
    return rows;
  };
  const surveyCardsOf = (person: Someone, heading: string) => h.cardsOf(person).filter((card) => textOf(card).includes(heading));
  const answer = (scores: Record<string, string | number>, round = 'pre') => ({ cohortId: cohort, round, ...scores });

  beforeAll(async () => {
    h = await IntakeHarness.start();
    const run = await h.api(
      'post',
      `/api/cohorts/${cohort}/matching/run`,
      priya.id,
      {},
      { ifMatch: (await h.api('get', `/api/cohorts/${cohort}/matching`, priya.id)).body.proposal.etag },
    );
    const proposal = run.body.proposal as Proposal;
    executives = proposal.pairs.map((p) => ({ id: p.executive.id, name: p.executive.name }));
    mentors = proposal.pairs.map((p) => ({ id: p.mentor.id, name: p.mentor.name }));
    for (const person of [...executives, ...mentors]) await h.install(person);
  });
  afterAll(async () => {
    await h.stop();
  });

  it.each([
    ['get', base],
    ['put', `${base}/items`],
    ['get', `${base}/results`],
  ])('%s %s answers 401 without a token and 403 to an employee or executive', async (method, path) => {
    expect((await h.api(method, path, undefined, method === 'get' ? undefined : {})).status).toBe(401);
    for (const who of [jordan.id, angela.id]) {
      const refused = await h.api(method, path, who, method === 'get' ? undefined : {});
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('Forbidden');
    }
  });

  it.each([
    ['get', '/api/me/surveys'],
    ['put', `/api/me/surveys/${cohort}/pre`],
  ])('%s %s answers 401 without a token; before any survey opens there is nothing to answer', async (method, path) => {
    expect((await h.api(method, path, undefined, method === 'get' ? undefined : {})).status).toBe(401);
    const asJordan = await h.api(method, path, jordan.id, method === 'get' ? undefined : { answers: {} }, method === 'get' ? {} : { ifMatch: 'new' });
    if (method === 'get') expect(asJordan.body).toEqual({ surveys: [] });
    else expect(asJordan.body.error.code).toBe('NotFound'); // no round yet: nothing is open
  });

  it('lets the taskforce edit the items before the pre survey opens (If-Match, stale versions refused)', async () => {
    const before = (await h.api('get', base, priya.id)).body as CohortSurveys;
    expect(before.rounds).toEqual([]);
    expect(before.itemsLocked).toBe(false);
    expect(before.items.map((i) => i.id)).toEqual(['employeePulse', 'employeeChallenges', 'feelValued', 'leadersInspire', 'mentoringValued', 'leadersAware']);
    const items = [...before.items, { text: 'I know where to take an idea for improving my area.', roles: ['mentor'] }];
    expect((await h.api('put', `${base}/items`, priya.id, { items })).status).toBe(428);
    const saved = await h.api('put', `${base}/items`, priya.id, { items }, { ifMatch: before.etag });
    expect(saved.status).toBe(200);
    expect((saved.body as CohortSurveys).items.at(-1)).toEqual({ id: 'q1', text: 'I know where to take an idea for improving my area.', roles: ['mentor'] });
    const stale = await h.api('put', `${base}/items`, priya.id, { items }, { ifMatch: before.etag });
    expect(stale.status).toBe(409);
    const tooShort = await h.api('put', `${base}/items`, priya.id, { items: [{ text: 'Short', roles: ['mentor'] }] }, { ifMatch: saved.body.etag });
    expect(tooShort.status).toBe(400);
  });

  it('opens the pre survey when the pairs are confirmed: a card to every participant, labelled on every point', async () => {
    const proposal = (await h.api('get', `/api/cohorts/${cohort}/matching`, priya.id)).body.proposal as Proposal;
    expect((await h.api('post', `/api/cohorts/${cohort}/matching/confirm`, priya.id, {}, { ifMatch: proposal.etag })).status).toBe(200);
    await runAllDue();
    await settle(`survey.${cohort}.pre`);
    // Publishing the event again (an interrupted confirmation completed) sends nothing twice.
    await h.service.app.events.publish('pairsConfirmed', { cohortId: cohort });
    await runAllDue();
    await settle(`survey.${cohort}.pre`);
    for (const person of executives) {
      const cards = surveyCardsOf(person, 'Before you start');
      expect(cards).toHaveLength(1);
      expect(cardProblems(cards[0])).toEqual([]);
      expect(textOf(cards[0])).toContain('only shown as totals for groups of at least 5 people');
      expect(inputIds(cards[0])).toEqual(['employeePulse', 'employeeChallenges', 'mentoringValued', 'leadersAware']);
    }
    for (const person of mentors) {
      const [card] = surveyCardsOf(person, 'Before you start');
      expect(cardProblems(card)).toEqual([]);
      expect(inputIds(card)).toEqual(['feelValued', 'leadersInspire', 'mentoringValued', 'leadersAware', 'q1']);
      for (const set of choiceSets(card)) {
        expect(set.style).toBe('expanded');
        expect(typeof set.label).toBe('string');
        expect(set.choices.map((c) => c.title)).toEqual(['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree']);
      }
    }
    surveys = (await h.api('get', base, priya.id)).body as CohortSurveys;
    expect(surveys.itemsLocked).toBe(true);
    expect(surveys.rounds.map((r) => [r.round, r.state])).toEqual([
      ['pre', 'open'],
      ['post', 'scheduled'],
    ]);
    expect(surveys.rounds[0]).toMatchObject({ invited: { executive: executives.length, mentor: mentors.length }, answered: { executive: 0, mentor: 0 } });
    const locked = await h.api('put', `${base}/items`, priya.id, { items: surveys.items.slice(1) }, { ifMatch: surveys.etag });
    expect(locked.status).toBe(400);
    expect(locked.body.error.message).toContain('pre survey has opened');
  });

  const executiveScores = (score: number) => ({ employeePulse: String(score), employeeChallenges: String(score), mentoringValued: '4', leadersAware: '3' });
  const mentorScores = (score: number) => ({ feelValued: String(score), leadersInspire: String(score), mentoringValued: '4', leadersAware: String(score), q1: '3' });

  it('takes answers on the card, lets them change, and refuses off-scale values and other people without storing anything', async () => {
    const refusedOffScale = await h.click(executives[0], 'survey.answer', answer({ ...executiveScores(2), employeePulse: '6' }));
    expect(textOf(refusedOffScale.card)).toContain('Each answer must be one point of the scale');
    const refusedMissing = await h.click(executives[0], 'survey.answer', answer({ employeePulse: '2' }));
    expect(textOf(refusedMissing.card)).toContain('Please answer every question');
    const notYours = await h.click(jordan, 'survey.answer', answer(executiveScores(2)));
    expect(textOf(notYours.card)).toContain('This survey is not yours');
    expect(await storedRows()).toEqual([]);

    // Four executives answer (one changes their mind), every mentor but two answers.
    for (const person of executives.slice(0, 4)) {
      const saved = await h.click(person, 'survey.answer', answer(executiveScores(2)));
      expect(textOf(saved.card)).toContain('your answers are saved');
      expect(textOf(saved.card)).toContain('Change my answers');
    }
    const changed = await h.click(executives[0], 'survey.answer', answer(executiveScores(3)));
    expect(choiceSets(changed.card as Card).find((s) => s.id === 'employeePulse')?.value).toBe('3');
    // "survey" in chat shows the open survey again, with the answers so far.
    const [again] = await h.say(executives[0], 'survey');
    expect(choiceSets(again).find((s) => s.id === 'employeePulse')?.value).toBe('3');
    await h.install(jordan);
    expect(await h.say(jordan, 'survey')).toEqual([]);
    expect(h.connector.textsIn(personalConversationId(jordan)).at(-1)).toContain('You have no survey to answer right now.');
    for (const person of mentors.slice(0, -2)) await h.click(person, 'survey.answer', answer(mentorScores(3)));
    const rows = await storedRows();
    expect(rows).toHaveLength(4 + mentors.length - 2);
    const overview = (await h.api('get', base, priya.id)).body as CohortSurveys;
    expect(overview.rounds[0].answered).toEqual({ executive: 4, mentor: mentors.length - 2 });
  });

  let mine: MySurvey;
  it('shows a participant their open survey in the tab and saves answers there with If-Match', async () => {
    const late = mentors[mentors.length - 2];
    const listed = await h.api('get', '/api/me/surveys', late.id);
    expect(listed.status).toBe(200);
    [mine] = listed.body.surveys as MySurvey[];
    expect(mine).toMatchObject({ cohortId: cohort, round: 'pre', role: 'mentor', answers: null, version: 'new' });
    const path = `/api/me/surveys/${cohort}/pre`;
    expect((await h.api('put', path, late.id, { answers: mentorScores(2) })).status).toBe(428);
    const offScale = await h.api('put', path, late.id, { answers: { ...mentorScores(2), q1: 0 } }, { ifMatch: mine.version });
    expect(offScale.status).toBe(400);
    const saved = await h.api('put', path, late.id, { answers: { feelValued: 2, leadersInspire: 2, mentoringValued: 4, leadersAware: 2, q1: 3 } }, { ifMatch: mine.version });
    expect(saved.status).toBe(200);
    expect(saved.body.survey.answers).toEqual({ feelValued: 2, leadersInspire: 2, mentoringValued: 4, leadersAware: 2, q1: 3 });
    expect((await h.api('put', path, late.id, { answers: mentorScores(3) }, { ifMatch: mine.version })).status).toBe(409);
    // Answers for a survey that does not exist are refused.
    expect((await h.api('put', `/api/me/surveys/not-a-cohort/pre`, late.id, { answers: mentorScores(3) }, { ifMatch: 'new' })).status).toBe(404);
    // Someone who is not a participant of the cohort cannot answer its open survey.
    const outsider = await h.api('put', path, jordan.id, { answers: mentorScores(3) }, { ifMatch: 'new' });
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.code).toBe('Forbidden');
  });

  it('reminds only those who have not answered, and refuses a late click once the survey has closed', async () => {
    const pre = surveys.rounds[0];
    h.clock.set(new Date(Date.parse(pre.remindAt) + 60_000));
    await runAllDue();
    await settle(`survey-reminder.${cohort}.pre`);
    const reminded = [...executives, ...mentors].filter((p) => surveyCardsOf(p, 'A reminder').length > 0).map((p) => p.id);
    expect(reminded.sort()).toEqual([...executives.slice(4), mentors[mentors.length - 1]].map((p) => p.id).sort());

    h.clock.set(new Date(Date.parse(pre.closesAt) + 60_000));
    await runAllDue();
    const before = await storedRows();
    const late = await h.click(mentors[mentors.length - 1], 'survey.answer', answer(mentorScores(4)));
    expect(textOf(late.card)).toContain('This survey has closed');
    const changedLate = await h.click(mentors[0], 'survey.answer', answer(mentorScores(5)));
    expect(textOf(changedLate.card)).toContain('This survey has closed');
    expect(await storedRows()).toEqual(before);
    expect((await h.api('get', '/api/me/surveys', mentors[0].id)).body).toEqual({ surveys: [] });
    const closedInTab = await h.api('put', `/api/me/surveys/${cohort}/pre`, mentors[0].id, { answers: mentorScores(5) }, { ifMatch: 'new' });
    expect(closedInTab.status).toBe(409);
    expect(closedInTab.body.error.message).toContain('This survey has closed');
    expect(await storedRows()).toEqual(before);
    expect(((await h.api('get', base, priya.id)).body as CohortSurveys).rounds[0].state).toBe('closed');
  });

  it('opens the post survey at the end of the year; results link pre and post by key, and a group of 4 shows no figures', async () => {
    const post = surveys.rounds[1];
    h.clock.set(new Date(Date.parse(post.opensAt) + 60_000));
    await runAllDue();
    await settle(`survey.${cohort}.post`);
    for (const person of [...executives, ...mentors]) expect(surveyCardsOf(person, 'Your year in mentoring')).toHaveLength(1);
    for (const person of executives.slice(0, 4)) await h.click(person, 'survey.answer', answer(executiveScores(5), 'post'));
    // The mentors who answered pre: all but the last two moved up, the one who answered in the tab did too.
    for (const person of mentors.slice(0, -1)) await h.click(person, 'survey.answer', answer(mentorScores(4), 'post'));
    h.clock.set(new Date(Date.parse(post.closesAt) + DAY));
    await runAllDue();

    const results = (await h.api('get', `${base}/results`, priya.id)).body as SurveyResults;
    expect(results.minimumGroupSize).toBe(5);
    const executiveResults = results.results.filter((r) => r.role === 'executive');
    expect(executiveResults).toHaveLength(4);
    for (const result of executiveResults) {
      expect(result.shown).toBe(false);
      expect(Object.keys(result).sort()).toEqual(['itemId', 'itemText', 'role', 'shown', 'warning']);
      if (!result.shown) expect(result.warning).toEqual({ reason: 'too-few', message: 'Fewer than 5 people answered, so results are not shown.' });
    }
    const feelValued = results.results.find((r) => r.role === 'mentor' && r.itemId === 'feelValued');
    const matched = mentors.length - 1;
    expect(feelValued).toMatchObject({ shown: true, matchedPeople: matched, up: matched, down: 0, pointsChange: 100 });
    if (!feelValued?.shown) throw new Error('expected figures for the mentors');
    expect(feelValued.pre.share).toBe(0);
    expect(feelValued.post.share).toBe(1);
    expect(feelValued.mcnemarP).toBeCloseTo(2 * 0.5 ** matched, 12);
    expect(feelValued.ci95Points[0]).toBeGreaterThan(0);
    expect(feelValued.sentence).toContain(`+100 points, ${matched} of ${matched} moved up and none down`);
    const unchanged = results.results.find((r) => r.role === 'mentor' && r.itemId === 'mentoringValued');
    expect(unchanged).toMatchObject({ shown: true, pointsChange: 0, up: 0, down: 0, mcnemarP: 1 });
  });

  it('stores answers under 64-hex pseudonyms only: no name or id in any row, pre and post linked by the key', async () => {
    const rows = await storedRows();
    const text = JSON.stringify(rows).toLowerCase();
    for (const person of [...executives, ...mentors]) {
      expect(text).not.toContain(person.id.toLowerCase());
      expect(text).not.toContain(person.name.toLowerCase());
    }
    for (const row of rows) {
      expect(row.rowKey).toMatch(/^[0-9a-f]{64}$/);
      expect(
        Object.keys(row)
          .filter((k) => !['etag', 'timestamp', 'partitionKey', 'rowKey'].includes(k))
          .sort(),
      ).toEqual(['role', 'scores', 'updatedAt']);
    }
    const keysOf = (round: string) => new Set(rows.filter((r) => r.partitionKey === `${cohort}:${round}`).map((r) => String(r.rowKey)));
    const pre = keysOf('pre');
    const post = keysOf('post');
    expect([...post].filter((key) => pre.has(key))).toHaveLength(4 + mentors.length - 1);
  });
});

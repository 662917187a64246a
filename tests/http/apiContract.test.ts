import { samplePersonas } from '../../bot/directory/samplePersonas';
import { DEMO_COHORT_ID } from '../../bot/program/demo/demoData';
import { IntakeHarness } from '../program/intakeHarness';

const priya = samplePersonas.taskforce;
const demo = `/api/cohorts/${DEMO_COHORT_ID}`;
const matching = `${demo}/matching`;

/**
 * The API contract at work on the real service: request schemas refuse what does not fit with a 400 naming the field
 * (and store nothing), every update needs If-Match (428 without it, 409 when stale), unknown fields are dropped.
 */
describe('the API contract: schemas, If-Match and unknown fields', () => {
  let h: IntakeHarness;
  beforeAll(async () => {
    h = await IntakeHarness.start();
  });
  afterAll(async () => {
    await h.stop();
  });

  const asPriya = (method: string, path: string, body?: unknown, ifMatch?: string) => h.api(method, path, priya.id, body, { ifMatch });
  const read = async (path: string) => (await asPriya('get', path)).body;
  const valid = { name: 'Contract cohort', programYear: 2032, opensOn: '2032-01-10', closesOn: '2032-02-10', topics: [{ title: 'Rostering' }] };

  /** An interview Priya is assigned to score, with its candidate. */
  const priyasInterview = async (): Promise<{ personId: string; sheet: string }> => {
    const mine = (await read('/api/interviews/mine')).interviews as { cohortId: string; candidateId: string; stage: string }[];
    const due = mine.find((i) => i.cohortId === DEMO_COHORT_ID && (i.stage === 'managerApproved' || i.stage === 'interviewed'));
    if (!due) throw new Error('the demo cohort has no interview for Priya to score');
    return { personId: due.candidateId, sheet: `${demo}/interviews/${due.candidateId}` };
  };
  /** An executive who applied and awaits a decision. */
  const undecidedExecutive = async (): Promise<string> => {
    const applied = (await read(`${demo}/pipeline?stage=applied`)).applicants as { personId: string }[];
    if (!applied[0]) throw new Error('the demo cohort has no executive waiting for a decision');
    return applied[0].personId;
  };

  describe('request schemas', () => {
    it.each([
      ['a name that is a number', { ...valid, name: 42 }, 'The cohort name must be text.'],
      ['a 5 KB name', { ...valid, name: 'x'.repeat(5_000) }, 'The cohort name is too long: please keep it under 100 characters.'],
      ['topics that are not a list', { ...valid, topics: 'Rostering' }, 'List at least one topic participants can choose.'],
      ['a topic that is not an object', { ...valid, topics: ['Rostering'] }, 'Each topic needs a title.'],
      ['a 1 KB topic title', { ...valid, topics: [{ title: 't'.repeat(1_000) }] }, 'A topic title is too long: please keep it under 80 characters.'],
      ['a year with a fraction', { ...valid, programYear: 2032.5 }, 'The program year must be a year such as 2025.'],
      ['a body that is a list', [valid], 'Please send the request as a JSON object.'],
    ])('refuses a cohort with %s: 400 with a sentence about that field, nothing stored', async (_case, body, message) => {
      const before = (await read('/api/cohorts')).cohorts.length;
      const refused = await asPriya('post', '/api/cohorts', body);
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({ error: { code: 'BadRequest', message } });
      expect((await read('/api/cohorts')).cohorts).toHaveLength(before);
    });

    it('names a field that has no sentence of its own by its path', async () => {
      const { sheet } = await priyasInterview();
      const etag = (await read(sheet)).interview.etag;
      const refused = await asPriya('post', sheet, { scores: { candor: 'four' } }, etag);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toBe('The field `scores.candor` must be a number.');
      expect((await read(sheet)).interview.etag).toBe(etag);
    });

    it('refuses a wrong type or an oversized text on other stages too', async () => {
      const executive = await undecidedExecutive();
      const decision = `${demo}/applications/${executive}/decision`;
      const etag = (await read(`${demo}/applications/${executive}`)).application.etag;
      const longNote = await asPriya('post', decision, { decision: 'accept', note: 'n'.repeat(3_000) }, etag);
      expect(longNote.body.error.message).toBe('The note is too long: please keep it under 500 characters.');
      const unknownDecision = await asPriya('post', decision, { decision: 'promote' }, etag);
      expect(unknownDecision.body.error.message).toBe('Choose accept, waitlist or decline.');
      expect((await read(`${demo}/applications/${executive}`)).application).toMatchObject({ stage: 'applied', etag });

      const proposal = (await read(matching)).proposal;
      const lock = await asPriya('put', `${matching}/lock`, { executiveId: 'x', locked: 'yes' }, proposal.etag);
      expect(lock.status).toBe(400);
      expect(lock.body.error.message).toBe('Say whether the pair is locked (true or false).');

      const search = await asPriya('get', '/api/people?limit=many');
      expect(search.status).toBe(400);
      expect(search.body.error.message).toBe('Please use a whole number from 1 to 100.');
      const token = await fetch(`${h.baseUrl}/api/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId: 42 }) });
      expect(token.status).toBe(400);
      expect(await token.json()).toEqual({ error: { code: 'BadRequest', message: 'Choose a person to sign in as.' } });
    });

    it('drops unknown fields: a cohort edit cannot set its status, demo flag or id', async () => {
      const created = await asPriya('post', '/api/cohorts', { ...valid, name: 'Unknown fields', status: 'open', isDemo: true, id: 'demo' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'draft', isDemo: false });
      expect(created.body.id).not.toBe('demo');
      const edited = await asPriya(
        'put',
        `/api/cohorts/${created.body.id}`,
        { ...valid, name: 'Unknown fields', status: 'open', isDemo: true, acceptingApplications: true, topics: [{ id: 't1', title: 'Rostering', secret: 'kept?' }] },
        created.body.etag,
      );
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ status: 'draft', isDemo: false, acceptingApplications: false });
      expect(edited.body.topics).toEqual([{ id: 't1', title: 'Rostering' }]);
    });
  });

  describe('If-Match on every update', () => {
    /** The version of what an update changes, read as the tab reads it. */
    const cohortVersion = (path: string) => async (): Promise<string> => (await read(path)).etag;
    const applicationVersion = (path: string) => async (): Promise<string> => (await read(path)).application.etag;
    const interviewVersion = (sheet: string) => async (): Promise<string> => (await read(sheet)).interview.etag;
    const proposalVersion = async (): Promise<string> => (await read(matching)).proposal.etag;
    const proposal = async () => (await read(matching)).proposal;

    /** Each update route, with a body that would be accepted and the version it changes. */
    type Update = { method: string; path: string; body?: unknown; version: () => Promise<string> };
    const updates: [string, () => Promise<Update>][] = [
      [
        'PUT a cohort',
        async () => {
          const created = (await asPriya('post', '/api/cohorts', { ...valid, name: `If-Match ${Date.now()}` })).body;
          const path = `/api/cohorts/${created.id}`;
          return { method: 'put', path, body: valid, version: cohortVersion(path) };
        },
      ],
      // The demo cohort starts open (opening or closing it as it already is answers it as is).
      ['close a cohort', async () => ({ method: 'post', path: `${demo}/close`, body: {}, version: cohortVersion(demo) })],
      ['open a cohort', async () => ({ method: 'post', path: `${demo}/open`, body: {}, version: cohortVersion(demo) })],
      [
        'assign an interviewer',
        async () => {
          const path = `${demo}/applications/${(await priyasInterview()).personId}`;
          return { method: 'put', path: `${path}/interviewer`, body: { interviewerId: priya.id }, version: applicationVersion(path) };
        },
      ],
      [
        'decide',
        async () => {
          const path = `${demo}/applications/${await undecidedExecutive()}`;
          return { method: 'post', path: `${path}/decision`, body: { decision: 'waitlist' }, version: applicationVersion(path) };
        },
      ],
      [
        'submit interview scores',
        async () => {
          const { sheet } = await priyasInterview();
          const scores = { candor: 4, frontLine: 4, communication: 4, commitment: 4, openness: 4 };
          return { method: 'post', path: sheet, body: { scores }, version: interviewVersion(sheet) };
        },
      ],
      ['run matching', async () => ({ method: 'post', path: `${matching}/run`, body: {}, version: proposalVersion })],
      [
        'lock a proposed pair',
        async () => {
          const executiveId = (await proposal()).pairs[0].executive.id;
          return { method: 'put', path: `${matching}/lock`, body: { executiveId, locked: true }, version: proposalVersion };
        },
      ],
      [
        'ban a pair',
        async () => {
          const pair = (await proposal()).pairs.at(-1);
          return { method: 'post', path: `${matching}/bans`, body: { executiveId: pair.executive.id, mentorId: pair.mentor.id }, version: proposalVersion };
        },
      ],
      [
        'lift a ban',
        async () => {
          const ban = (await proposal()).bans[0];
          return { method: 'delete', path: `${matching}/bans/${ban.executiveId}/${ban.mentorId}`, version: proposalVersion };
        },
      ],
      [
        'place a mentor by hand',
        async () => {
          const executiveId = (await proposal()).pairs[0].executive.id;
          return { method: 'put', path: `${matching}/assignments/${executiveId}`, body: { mentorId: null }, version: proposalVersion };
        },
      ],
      ['confirm the pairs', async () => ({ method: 'post', path: `${matching}/confirm`, body: {}, version: proposalVersion })],
    ];

    it.each(updates)('%s: 428 without If-Match or with `*`, 409 with a stale one, 200 with the current one', async (_name, prepare) => {
      const update = await prepare();
      const etag = await update.version();
      const send = (ifMatch?: string) => asPriya(update.method, update.path, update.body, ifMatch);
      for (const missing of [undefined, '*']) {
        const refused = await send(missing);
        expect(refused.status).toBe(428);
        expect(refused.body).toEqual({ error: { code: 'PreconditionRequired', message: 'This change needs the version you are looking at. Please reload and try again.' } });
      }
      const stale = await send(`W/"datetime'2000-01-01T00%3A00%3A00.000Z'"`);
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('Conflict');
      expect(await update.version()).toBe(etag);
      const done = await send(etag);
      expect(done.status).toBe(200);
    });
  });
});

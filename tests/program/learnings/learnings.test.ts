import { samplePersonas } from '../../../bot/directory/samplePersonas';
import { DEMO_COHORT_ID } from '../../../bot/program/demo/demoData';
import type { MyLearning, MyLearnings, PublishedLearning, SharedLearning } from '../../../bot/program/learnings/api';
import { confirmDemoPairs } from '../confirmDemoPairs';
import { IntakeHarness } from '../intakeHarness';

const priya = samplePersonas.taskforce;
const jordan = samplePersonas.employee;
const angela = samplePersonas.executive;
const cohort = DEMO_COHORT_ID;

/** "You said, we did" through the real service: executives' entries, consent, publication to the cohort. */
describe('you said, we did: what executives learned and changed, published with their consent', () => {
  let h: IntakeHarness;
  let executive: { id: string; name: string };
  let mentor: { id: string; name: string };
  beforeAll(async () => {
    h = await IntakeHarness.start();
    const proposal = await confirmDemoPairs(h);
    const pair = proposal.pairs.find((p) => p.executive.id !== angela.id) ?? proposal.pairs[0];
    executive = { id: pair.executive.id, name: pair.executive.name };
    mentor = { id: pair.mentor.id, name: pair.mentor.name };
  });
  afterAll(async () => {
    await h.stop();
  });

  it.each([
    ['get', `/api/cohorts/${cohort}/learnings`],
    ['put', `/api/cohorts/${cohort}/learnings/x/publication`],
  ])('%s %s answers 401 without a token and 403 to an employee or executive', async (method, path) => {
    expect((await h.api(method, path, undefined, method === 'get' ? undefined : {})).status).toBe(401);
    for (const who of [jordan.id, angela.id]) {
      const refused = await h.api(method, path, who, method === 'get' ? undefined : { published: true }, { ifMatch: 'x' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('Forbidden');
    }
  });

  it.each([
    ['get', '/api/me/learnings'],
    ['post', '/api/me/learnings'],
    ['put', `/api/me/learnings/${cohort}/x`],
    ['get', `/api/cohorts/${cohort}/you-said-we-did`],
  ])('%s %s answers 401 without a token', async (method, path) => {
    expect((await h.api(method, path, undefined, method === 'get' ? undefined : {})).status).toBe(401);
  });

  const entryBody = (shareConsent: boolean) => ({
    cohortId: cohort,
    learned: 'Night shifts cover two wards with one porter.',
    changed: 'We moved a porter post to nights.',
    shareConsent,
  });

  it('refuses entries from anyone who is not a paired executive of the cohort (403), and a cohort page to outsiders', async () => {
    for (const who of [mentor.id, jordan.id]) {
      const refused = await h.api('post', '/api/me/learnings', who, entryBody(true));
      expect(refused.status).toBe(403);
    }
    expect((await h.api('get', '/api/me/learnings', mentor.id)).body).toEqual({ cohorts: [], entries: [] });
    expect((await h.api('get', `/api/cohorts/${cohort}/you-said-we-did`, jordan.id)).status).toBe(403);
    expect((await h.api('post', '/api/me/learnings', executive.id, { ...entryBody(true), learned: '' })).status).toBe(400);
  });

  let shared: MyLearning;
  let private_: MyLearning;
  it('keeps a private entry to the executive; the taskforce sees only the shared one', async () => {
    const a = await h.api('post', '/api/me/learnings', executive.id, entryBody(true));
    expect(a.status).toBe(201);
    shared = a.body.entry;
    private_ = (await h.api('post', '/api/me/learnings', executive.id, { ...entryBody(false), learned: 'I do not listen enough in meetings.' })).body.entry;
    const mine = (await h.api('get', '/api/me/learnings', executive.id)).body as MyLearnings;
    expect(mine.cohorts).toEqual([{ cohortId: cohort, cohortName: expect.any(String) }]);
    expect(mine.entries.map((e) => e.entryId).sort()).toEqual([shared.entryId, private_.entryId].sort());
    const seen = (await h.api('get', `/api/cohorts/${cohort}/learnings`, priya.id)).body.entries as SharedLearning[];
    expect(seen.map((e) => e.entryId)).toEqual([shared.entryId]);
    expect(seen[0]).toMatchObject({ executiveName: executive.name, published: false });
    // The private entry cannot be published, nor even found, by the taskforce.
    const publishPrivate = await h.api('put', `/api/cohorts/${cohort}/learnings/${private_.entryId}/publication`, priya.id, { published: true }, { ifMatch: private_.etag });
    expect(publishPrivate.status).toBe(404);
  });

  it('publishes a shared entry to the cohort (If-Match); withdrawing consent takes it down', async () => {
    const path = `/api/cohorts/${cohort}/learnings/${shared.entryId}/publication`;
    expect((await h.api('put', path, priya.id, { published: true })).status).toBe(428);
    const published = await h.api('put', path, priya.id, { published: true }, { ifMatch: shared.etag });
    expect(published.status).toBe(200);
    expect((await h.api('put', path, priya.id, { published: true }, { ifMatch: shared.etag })).status).toBe(409);
    const page = await h.api('get', `/api/cohorts/${cohort}/you-said-we-did`, mentor.id);
    expect(page.status).toBe(200);
    expect(page.body.entries as PublishedLearning[]).toEqual([
      { entryId: shared.entryId, executiveName: executive.name, learned: shared.learned, changed: shared.changed, publishedAt: expect.any(String) },
    ]);

    const current = ((await h.api('get', '/api/me/learnings', executive.id)).body as MyLearnings).entries.find((e) => e.entryId === shared.entryId) as MyLearning;
    expect(current.published).toBe(true);
    const withdrawn = await h.api(
      'put',
      `/api/me/learnings/${cohort}/${shared.entryId}`,
      executive.id,
      { learned: current.learned, changed: current.changed, shareConsent: false },
      { ifMatch: current.etag },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.entry).toMatchObject({ shareConsent: false, published: false });
    expect((await h.api('get', `/api/cohorts/${cohort}/you-said-we-did`, mentor.id)).body.entries).toEqual([]);
    expect((await h.api('get', `/api/cohorts/${cohort}/learnings`, priya.id)).body.entries).toEqual([]);
    // Someone else's entry cannot be changed.
    expect(
      (await h.api('put', `/api/me/learnings/${cohort}/${shared.entryId}`, mentor.id, { learned: 'x', changed: '', shareConsent: true }, { ifMatch: withdrawn.body.entry.etag }))
        .status,
    ).toBe(404);
  });
});

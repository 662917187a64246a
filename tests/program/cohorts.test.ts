import { samplePersonas } from '../../bot/directory/samplePersonas';
import { announcementKey } from '../../bot/program/cohorts/cohortAnnouncement';
import { defaultYearStart } from '../../bot/program/year/yearPlan';
import { addDays, localDateOf } from '../../bot/calendar/calendarTime';
import { frontLiners, IntakeHarness, textOf } from './intakeHarness';

const jordan = samplePersonas.employee;
const priya = samplePersonas.taskforce;
const angela = samplePersonas.executive;

/** Every tab route of the intake checks the token (401) and the role (403) before anything else. */
const TASKFORCE_ROUTES: [string, string][] = [
  ['get', '/api/cohorts'],
  ['get', '/api/cohort-defaults'],
  ['post', '/api/cohorts'],
  ['get', '/api/cohorts/demo'],
  ['put', '/api/cohorts/demo'],
  ['post', '/api/cohorts/demo/open'],
  ['post', '/api/cohorts/demo/close'],
  ['post', '/api/cohorts/demo/announce'],
  ['get', '/api/cohorts/demo/announcement'],
  ['get', '/api/cohorts/demo/flags'],
  ['get', '/api/cohorts/demo/applications/x'],
  ['put', '/api/cohorts/demo/applications/x/interviewer'],
  ['post', '/api/cohorts/demo/applications/x/decision'],
  ['post', '/api/cohorts/demo/applications/x/approval-request'],
  ['get', '/api/taskforce/members'],
  ['get', '/api/interviews/mine'],
  ['get', '/api/cohorts/demo/interviews/x'],
  ['post', '/api/cohorts/demo/interviews/x'],
  ['get', '/api/cohorts/demo/pipeline'],
  ['get', '/api/cohorts/demo/pipeline/csv'],
];

describe('cohorts in the tab, and announcing them', () => {
  let h: IntakeHarness;
  beforeAll(async () => {
    h = await IntakeHarness.start();
  });
  afterAll(async () => {
    await h.stop();
  });
  /** The version of a cohort as the taskforce reads it now. */
  const etagOf = async (cohortId: string): Promise<string> => (await h.api('get', `/api/cohorts/${cohortId}`, priya.id)).body.etag;

  it.each(TASKFORCE_ROUTES)('%s %s answers 401 without a token and 403 to an employee or executive', async (method, path) => {
    const anonymous = await h.api(method, path, undefined, method === 'get' ? undefined : {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('Unauthorized');
    for (const who of [jordan.id, angela.id]) {
      const refused = await h.api(method, path, who, method === 'get' ? undefined : {});
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('Forbidden');
    }
  });

  it('GET /api/me/mentoring needs a token (401) and is open to everyone signed in', async () => {
    expect((await h.api('get', '/api/me/mentoring', undefined)).status).toBe(401);
    expect((await h.api('get', '/api/me/mentoring', jordan.id)).status).toBe(200);
  });

  it('ships a default rubric with five criteria, each with anchors for 1 to 5', async () => {
    const defaults = await h.api('get', '/api/cohort-defaults', priya.id);
    expect(defaults.body.rubric.map((c: { title: string }) => c.title)).toEqual([
      'Candor and constructiveness',
      'Insight into front-line operations',
      'Communication',
      'Commitment and availability',
      'Openness to the role reversal',
    ]);
    for (const c of defaults.body.rubric) expect(c.anchors).toHaveLength(5);
  });

  const valid = { name: 'Cohort 2030', programYear: 2030, opensOn: '2030-01-10', closesOn: '2030-02-10', topics: [{ title: 'Rostering' }, { title: 'Supplies' }] };

  it.each([
    ['no name', { ...valid, name: '' }, 'name'],
    ['a 10 KB name', { ...valid, name: 'n'.repeat(10_000) }, 'too long'],
    ['markup in a topic', { ...valid, topics: [{ title: '<script>x</script>' }] }, 'HTML'],
    ['a bad date', { ...valid, opensOn: '2030-02-30' }, 'dates'],
    ['a window that closes before it opens', { ...valid, closesOn: '2029-12-31' }, 'close on or after'],
    ['no topics', { ...valid, topics: [] }, 'at least one topic'],
    ['a forged topic id', { ...valid, topics: [{ id: 't99', title: 'X' }] }, 'id this cohort does not have'],
    ['a rubric criterion with four anchors', { ...valid, rubric: [{ title: 'A', anchors: ['1', '2', '3', '4'] }] }, 'five anchors'],
    ['a year that is text', { ...valid, programYear: '2030' }, 'year'],
    ['a mentoring year start that is no date', { ...valid, yearStartsOn: '2030-02-30' }, 'Give “Mentoring year starts on” as a date'],
    ['a mentoring year start that is a number', { ...valid, yearStartsOn: 20300301 }, 'Give “Mentoring year starts on” as a date'],
    ['a mentoring year start before applications close', { ...valid, yearStartsOn: '2030-02-10' }, 'Mentoring year starts on: The year must start after applications close.'],
  ])('refuses a cohort with %s (400, nothing created)', async (_name, body, messagePart) => {
    const before = (await h.api('get', '/api/cohorts', priya.id)).body.cohorts.length;
    const response = await h.api('post', '/api/cohorts', priya.id, body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(messagePart);
    expect((await h.api('get', '/api/cohorts', priya.id)).body.cohorts.length).toBe(before);
  });

  it('creates a draft cohort with the default rubric, and edits keep topic ids stable', async () => {
    const created = await h.api('post', '/api/cohorts', priya.id, valid);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      acceptingApplications: false,
      topics: [
        { id: 't1', title: 'Rostering' },
        { id: 't2', title: 'Supplies' },
      ],
    });
    expect(created.body.rubric).toHaveLength(5);
    const id = created.body.id;
    const edited = await h.api(
      'put',
      `/api/cohorts/${id}`,
      priya.id,
      {
        ...valid,
        topics: [{ id: 't2', title: 'Supplies and equipment' }, { title: 'Night shifts' }],
        rubric: [...created.body.rubric.slice(0, 4), { title: 'Curiosity', anchors: ['a', 'b', 'c', 'd', 'e'] }],
      },
      { ifMatch: created.body.etag },
    );
    expect(edited.status).toBe(200);
    expect(edited.body.topics).toEqual([
      { id: 't2', title: 'Supplies and equipment' },
      { id: 't3', title: 'Night shifts' },
    ]);
    expect(edited.body.rubric.map((c: { id: string }) => c.id)).toEqual(['candor', 'frontLine', 'communication', 'commitment', 'c1']);
    const stale = await h.api('put', `/api/cohorts/${id}`, priya.id, valid, { ifMatch: created.body.etag });
    expect(stale.status).toBe(409);
    expect((await h.api('get', '/api/cohorts/nope', priya.id)).status).toBe(404);
    expect((await h.api('get', `/api/cohorts/${encodeURIComponent("x' or 1 eq 1")}`, priya.id)).status).toBe(404);
  });

  it('takes an optional start of the mentoring year, checked with the year’s rules, and shows the default without one', async () => {
    const inDays = (days: number) => addDays(localDateOf(new Date(), 'America/Chicago'), days);
    const body = { ...valid, name: 'Cohort with a set year', opensOn: inDays(1), closesOn: inDays(30) };
    const plain = await h.api('post', '/api/cohorts', priya.id, body);
    expect(plain.status).toBe(201);
    expect(plain.body).toMatchObject({ yearStartsOn: null, year: null });
    expect(plain.body.defaultYearStartsOn).toBe(defaultYearStart(localDateOf(new Date(), 'America/Chicago')));
    const tooFar = await h.api('put', `/api/cohorts/${plain.body.id}`, priya.id, { ...body, yearStartsOn: inDays(800) }, { ifMatch: plain.body.etag });
    expect(tooFar.status).toBe(400);
    expect(tooFar.body.error.message).toBe('Mentoring year starts on: Please choose a start within the next two years.');
    const set = await h.api('put', `/api/cohorts/${plain.body.id}`, priya.id, { ...body, yearStartsOn: inDays(60) }, { ifMatch: plain.body.etag });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ yearStartsOn: inDays(60), year: null });
    // An edit without the field keeps the start; null puts the default back.
    const renamed = await h.api('put', `/api/cohorts/${plain.body.id}`, priya.id, { ...body, name: 'Renamed' }, { ifMatch: set.body.etag });
    expect(renamed.body.yearStartsOn).toBe(inDays(60));
    const lateClose = await h.api('put', `/api/cohorts/${plain.body.id}`, priya.id, { ...body, closesOn: inDays(61) }, { ifMatch: renamed.body.etag });
    expect(lateClose.body.error.message).toBe('Mentoring year starts on: The year must start after applications close.');
    const cleared = await h.api('put', `/api/cohorts/${plain.body.id}`, priya.id, { ...body, yearStartsOn: null }, { ifMatch: renamed.body.etag });
    expect(cleared.body.yearStartsOn).toBeNull();
  });

  it('lets one cohort take applications at a time, and opening then closing works', async () => {
    const cohorts = (await h.api('get', '/api/cohorts', priya.id)).body.cohorts;
    const demo = cohorts.find((c: { id: string }) => c.id === 'demo');
    expect(demo).toMatchObject({ status: 'open', isDemo: true, acceptingApplications: true });
    const draft = cohorts.find((c: { name: string }) => c.name === 'Cohort 2030');
    const refused = await h.api('post', `/api/cohorts/${draft.id}/open`, priya.id, {}, { ifMatch: draft.etag });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('only one cohort');
    expect((await h.api('post', `/api/cohorts/${draft.id}/announce`, priya.id, {})).status).toBe(409);
  });

  it('announces an opened cohort to every eligible employee, with progress; people who never installed are unreachable; a second announce sends nothing twice', async () => {
    const installed = frontLiners(h, 3);
    for (const p of installed) await h.install(p);
    await h.install(samplePersonas.manager); // has direct reports: not eligible, must not be told
    expect((await h.api('post', '/api/cohorts/demo/close', priya.id, {}, { ifMatch: await etagOf('demo') })).status).toBe(200);
    const created = await h.api('post', '/api/cohorts', priya.id, { ...valid, name: 'Announced cohort', opensOn: '2020-01-01', closesOn: '2099-01-01' });
    const id = created.body.id;

    const directory = h.service.app.directory();
    const eligible = directory.all().filter((p) => p.accountEnabled && !directory.hasDirectReports(p.id)).length;
    expect(eligible).toBeGreaterThan(1500);
    expect((await h.api('get', `/api/cohorts/${id}/announcement`, priya.id)).body).toEqual({ announcement: null, recipients: eligible });
    const opened = await h.api('post', `/api/cohorts/${id}/open`, priya.id, { announce: true }, { ifMatch: created.body.etag });
    expect(opened.status).toBe(200);
    expect(opened.body.cohort.status).toBe('open');
    expect(opened.body.announcement).toMatchObject({ key: announcementKey(id), total: eligible });

    await h.service.app.batches.settled(announcementKey(id));
    const progress = await h.api('get', `/api/cohorts/${id}/announcement`, priya.id);
    expect(progress.body.announcement).toMatchObject({ state: 'done', total: eligible, sent: installed.length, unreachable: eligible - installed.length, failed: 0 });
    for (const p of installed) {
      const cards = h.cardsOf(p);
      expect(cards).toHaveLength(1);
      expect(textOf(cards[0])).toContain('Announced cohort');
      expect(textOf(cards[0])).toContain('"verb":"nomination.start"');
    }
    expect(h.cardsOf(samplePersonas.manager)).toHaveLength(0);

    const again = await h.api('post', `/api/cohorts/${id}/announce`, priya.id, {});
    expect(again.status).toBe(202);
    await h.service.app.batches.settled(announcementKey(id));
    for (const p of installed) expect(h.cardsOf(p)).toHaveLength(1);

    // The announcement's button opens the form for this cohort.
    const form = await h.click(installed[0], 'nomination.start', { cohortId: id });
    expect(textOf(form.card)).toContain('Rostering');
    expect((await h.api('get', '/api/cohorts/demo/announcement', priya.id)).body.announcement).toBeNull();
  });

  it('opens exactly one cohort when two taskforce members open different cohorts at the same moment', async () => {
    const colleague = h.service.app.directorySync.roles().taskforce.find((id) => id !== priya.id)!;
    const open = async () => (await h.api('get', '/api/cohorts', priya.id)).body.cohorts.filter((c: { status: string }) => c.status === 'open');
    for (const current of await open()) expect((await h.api('post', `/api/cohorts/${current.id}/close`, priya.id, {}, { ifMatch: current.etag })).status).toBe(200);
    for (let round = 1; round <= 4; round++) {
      const drafts = [];
      for (const name of [`Race ${round}a`, `Race ${round}b`]) drafts.push((await h.api('post', '/api/cohorts', priya.id, { ...valid, name })).body);
      const answers = await Promise.all([
        h.api('post', `/api/cohorts/${drafts[0].id}/open`, priya.id, {}, { ifMatch: drafts[0].etag }),
        h.api('post', `/api/cohorts/${drafts[1].id}/open`, colleague, {}, { ifMatch: drafts[1].etag }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(answers.find((a) => a.status === 409)!.body.error.message).toMatch(/Close Race \d[ab] first|changed/);
      const nowOpen = await open();
      expect(nowOpen).toHaveLength(1);
      expect((await h.api('post', `/api/cohorts/${nowOpen[0].id}/close`, priya.id, {}, { ifMatch: nowOpen[0].etag })).status).toBe(200);
    }
  });
});

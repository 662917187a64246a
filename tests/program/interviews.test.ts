import { samplePersonas } from '../../bot/directory/samplePersonas';
import { DEMO_COHORT_ID, resetDemo } from '../../bot/program/demo/demoData';
import { inputIds, IntakeHarness, textOf } from './intakeHarness';

const jordan = samplePersonas.employee;
const sam = samplePersonas.manager;
const priya = samplePersonas.taskforce;
const angela = samplePersonas.executive;

/** Executive applications, interviews, decisions, the pipeline and the demo cohort, on the demo data local mode starts with. */
describe('executive applications, interviews, decisions and the pipeline', () => {
  let h: IntakeHarness;
  beforeAll(async () => {
    h = await IntakeHarness.start();
    for (const p of [jordan, sam, priya, angela]) await h.install(p);
  });
  afterAll(async () => {
    await h.stop();
  });

  const pipeline = (query = '') => h.api('get', `/api/cohorts/${DEMO_COHORT_ID}/pipeline${query}`, priya.id);
  const application = (personId: string) => h.context().applications.get(DEMO_COHORT_ID, personId);
  /** The versions the tab would send back in If-Match: the application's, and its interview's. */
  const applicationEtag = async (personId: string): Promise<string> =>
    (await h.api('get', `/api/cohorts/${DEMO_COHORT_ID}/applications/${personId}`, priya.id)).body.application.etag;
  const interviewEtag = async (personId: string): Promise<string> => (await h.api('get', `/api/cohorts/${DEMO_COHORT_ID}/interviews/${personId}`, priya.id)).body.interview.etag;

  it('starts with a demo cohort whose applicants stand at every stage, with 20 accepted mentors and 12 accepted executives', async () => {
    const { body } = await pipeline();
    for (const stage of ['nominated', 'managerApproved', 'managerDeclined', 'interviewed', 'applied', 'accepted', 'waitlisted', 'declined']) {
      expect(body.counts[stage]).toBeGreaterThan(0);
    }
    const accepted = (await pipeline('?stage=accepted')).body.applicants;
    expect(accepted.filter((a: { kind: string }) => a.kind === 'mentor')).toHaveLength(20);
    expect(accepted.filter((a: { kind: string }) => a.kind === 'executive')).toHaveLength(12);
    const ids = body.applicants.map((a: { personId: string }) => a.personId);
    expect(ids).not.toContain(jordan.id);
    expect(ids).not.toContain(angela.id);
    expect(body.applicants.some((a: { flag: string | null }) => a.flag === 'managerNoAnswer')).toBe(true);
    // Sam has a report's nomination waiting; Priya has interviews to score.
    expect(textOf((await h.say(sam, 'status'))[0])).toContain('waiting for your approval');
    const mine = await h.api('get', '/api/me/mentoring', priya.id);
    expect(mine.body.interviewsToDo.filter((i: { scored: boolean }) => !i.scored).length).toBeGreaterThanOrEqual(2);
  });

  it('lets Jordan, who has no application yet, nominate from the demo cohort', async () => {
    const [card] = await h.say(jordan, 'nominate');
    expect(inputIds(card)).toContain('motivation');
    expect(textOf(card)).toContain('Staffing and scheduling');
  });

  it('tells a non-executive that "apply" is for executives', async () => {
    const [card] = await h.say(jordan, 'apply');
    expect(textOf(card)).toContain('Applications are for executives');
    expect(inputIds(card)).toEqual([]);
  });

  it('lets an executive apply with topics and what they hope to gain, with no manager approval', async () => {
    const [form] = await h.say(angela, 'apply');
    expect(inputIds(form)).toEqual(['topics', 'otherTopics', 'motivation']);
    const invalid = await h.click(angela, 'executive.submit', { cohortId: DEMO_COHORT_ID, topics: 't1', motivation: '' });
    expect(textOf(invalid.card)).toContain('Please fill in what you hope to gain');
    expect(await application(angela.id)).toBeUndefined();
    const samCards = h.cardsOf(sam).length;
    const done = await h.click(angela, 'executive.submit', {
      cohortId: DEMO_COHORT_ID,
      topics: 't1,t7',
      otherTopics: '=HYPERLINK("http://evil")',
      motivation: 'To see the work up close.',
    });
    expect(textOf(done.card)).toContain('Application received');
    const stored = await application(angela.id);
    expect(stored).toMatchObject({ kind: 'executive', stage: 'applied', topicIds: ['t1', 't7'] });
    expect(stored?.managerId).toBeUndefined();
    expect(h.cardsOf(sam).length).toBe(samCards);
    expect(textOf((await h.say(angela, 'apply'))[0])).toContain('You have already applied');
  });

  let candidateId: string;
  it('assigns a taskforce interviewer, who gets the rubric card; the candidate hears who will call', async () => {
    const waiting = (await pipeline('?stage=managerApproved')).body.applicants.find((a: { interviewerId: string | null }) => a.interviewerId === null);
    candidateId = waiting.personId;
    await h.install({ id: candidateId, name: waiting.name });
    const notTaskforce = await h.api(
      'put',
      `/api/cohorts/${DEMO_COHORT_ID}/applications/${candidateId}/interviewer`,
      priya.id,
      { interviewerId: jordan.id },
      { ifMatch: await applicationEtag(candidateId) },
    );
    expect(notTaskforce.status).toBe(400);
    const before = h.cardsOf(priya).length;
    const assigned = await h.api(
      'put',
      `/api/cohorts/${DEMO_COHORT_ID}/applications/${candidateId}/interviewer`,
      priya.id,
      { interviewerId: priya.id },
      { ifMatch: await applicationEtag(candidateId) },
    );
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ rubricCardDelivered: true, application: { interviewerId: priya.id, interviewerName: 'Priya Raman' } });
    const rubric = h.cardsOf(priya).slice(before);
    expect(rubric).toHaveLength(1);
    expect(inputIds(rubric[0])).toEqual(['score_candor', 'score_frontLine', 'score_communication', 'score_commitment', 'score_openness', 'notes', 'mentorAreas']);
    expect(textOf(rubric[0])).toContain('1: Avoids hard truths or only complains');
    expect(textOf(rubric[0])).toContain('5: Relishes the reversal and builds trust both ways');
    expect(textOf(h.cardsOf({ id: candidateId, name: waiting.name }).at(-1))).toContain('Priya Raman from the program taskforce will contact you');
  });

  const fullScores = {
    score_candor: '4',
    score_frontLine: '5',
    score_communication: '3',
    score_commitment: '4',
    score_openness: '5',
    notes: 'Clear, grounded examples.',
    mentorAreas: 'Night shifts',
  };

  it('refuses scores from anyone but the assigned interviewer, in chat and in the tab', async () => {
    const colleague = (await h.api('get', '/api/taskforce/members', priya.id)).body.members.find((m: { id: string }) => m.id !== priya.id);
    await h.install(colleague);
    const inChat = await h.click(colleague, 'interview.submit', { cohortId: DEMO_COHORT_ID, candidateId, ...fullScores });
    expect(inChat.status).toBe(403);
    expect(inChat.error).toEqual({ code: 'Forbidden', message: 'Only the interviewer the taskforce assigned can score this candidate.' });
    expect((await h.click(colleague, 'interview.open', { cohortId: DEMO_COHORT_ID, candidateId })).status).toBe(403);
    expect((await h.click(jordan, 'interview.submit', { cohortId: DEMO_COHORT_ID, candidateId, ...fullScores })).status).toBe(403);
    const inTab = await h.api(
      'post',
      `/api/cohorts/${DEMO_COHORT_ID}/interviews/${candidateId}`,
      colleague.id,
      { scores: { candor: 4 } },
      { ifMatch: await interviewEtag(candidateId) },
    );
    expect(inTab.status).toBe(403);
    expect((await h.context().interviews.get(DEMO_COHORT_ID, candidateId))?.submittedAt).toBeUndefined();
  });

  it.each([
    ['a missing score', { score_openness: undefined }, 'Please score openness'],
    ['a score of 6', { score_candor: '6' }, 'Please score candor'],
    ['a 10 KB note', { notes: 'z'.repeat(10_240) }, 'Notes is too long'],
  ])('re-renders the rubric with the message for %s, storing nothing', async (_name, extra, messagePart) => {
    const answer = await h.click(priya, 'interview.submit', { cohortId: DEMO_COHORT_ID, candidateId, ...fullScores, ...extra });
    expect(answer.status).toBe(200);
    expect(textOf(answer.card)).toContain(messagePart);
    expect(textOf(answer.card)).toContain('"color":"Attention"');
    expect((await h.context().interviews.get(DEMO_COHORT_ID, candidateId))?.submittedAt).toBeUndefined();
  });

  it('refuses a forged criterion in the tab form', async () => {
    const forged = await h.api(
      'post',
      `/api/cohorts/${DEMO_COHORT_ID}/interviews/${candidateId}`,
      priya.id,
      { scores: { candor: 4, frontLine: 5, communication: 3, commitment: 4, openness: 5, bribery: 5 } },
      { ifMatch: await interviewEtag(candidateId) },
    );
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toContain('criterion');
  });

  it('saves the assigned interviewer’s scores and moves the candidate to interviewed', async () => {
    const answer = await h.click(priya, 'interview.submit', { cohortId: DEMO_COHORT_ID, candidateId, ...fullScores });
    expect(textOf(answer.card)).toContain('Your scores for');
    expect(textOf(answer.card)).toContain('Update my scores');
    expect((await application(candidateId))?.stage).toBe('interviewed');
    const form = await h.api('get', `/api/cohorts/${DEMO_COHORT_ID}/interviews/${candidateId}`, priya.id);
    expect(form.body).toMatchObject({
      canScore: true,
      interview: { scores: { candor: 4, frontLine: 5, communication: 3, commitment: 4, openness: 5 }, mentorAreas: 'Night shifts' },
    });
    expect(form.body.rubric).toHaveLength(5);
    const viaTab = await h.api(
      'post',
      `/api/cohorts/${DEMO_COHORT_ID}/interviews/${candidateId}`,
      priya.id,
      { scores: { candor: 5, frontLine: 5, communication: 4, commitment: 4, openness: 5 }, notes: 'Updated', mentorAreas: 'Night shifts' },
      { ifMatch: form.body.interview.etag },
    );
    expect(viaTab.status).toBe(200);
    expect(viaTab.body.interview.scores.candor).toBe(5);
  });

  it('keeps scores from the candidate and the manager', async () => {
    const candidate = { id: candidateId, name: 'candidate' };
    const mine = await h.api('get', '/api/me/mentoring', candidateId);
    expect(mine.status).toBe(200);
    expect(mine.body.applications[0]).toMatchObject({ stage: 'interviewed', status: 'Interviewed, decision pending' });
    expect(mine.text).not.toMatch(/score|Updated|Night shifts/i);
    const [status] = await h.say(candidate, 'status');
    expect(textOf(status)).not.toMatch(/"candor"|Updated/);
    const managerId = (await application(candidateId))!.managerId!;
    expect((await h.api('get', '/api/me/mentoring', managerId)).text).not.toMatch(/score|Updated/i);
    // The taskforce sees them, beside the application.
    const detail = await h.api('get', `/api/cohorts/${DEMO_COHORT_ID}/applications/${candidateId}`, priya.id);
    expect(detail.body.interview.scores.candor).toBe(5);
  });

  it('lets the taskforce decide with the scores in view, tells the candidate kindly, and decides only once', async () => {
    const row = (await pipeline('?stage=interviewed')).body.applicants.find((a: { personId: string }) => a.personId === candidateId);
    expect(row.averageScore).toBe(4.6);
    expect(
      (
        await h.api(
          'post',
          `/api/cohorts/${DEMO_COHORT_ID}/applications/${candidateId}/decision`,
          priya.id,
          { decision: 'promote' },
          { ifMatch: await applicationEtag(candidateId) },
        )
      ).status,
    ).toBe(400);
    const decided = await h.api(
      'post',
      `/api/cohorts/${DEMO_COHORT_ID}/applications/${candidateId}/decision`,
      priya.id,
      { decision: 'accept', note: 'Strong' },
      { ifMatch: await applicationEtag(candidateId) },
    );
    expect(decided.status).toBe(200);
    expect(decided.body.application).toMatchObject({ stage: 'accepted', decidedBy: priya.id });
    expect(textOf(h.cardsOf({ id: candidateId, name: '' }).at(-1))).toContain('you have been accepted as a mentor');
    const again = await h.api(
      'post',
      `/api/cohorts/${DEMO_COHORT_ID}/applications/${candidateId}/decision`,
      priya.id,
      { decision: 'decline' },
      { ifMatch: await applicationEtag(candidateId) },
    );
    expect(again.status).toBe(409);
    // Scores are frozen once decided.
    expect((await h.click(priya, 'interview.submit', { cohortId: DEMO_COHORT_ID, candidateId, ...fullScores })).status).toBe(409);
    // A nominee not yet interviewed cannot be decided.
    const notInterviewed = (await pipeline('?stage=managerApproved')).body.applicants[0];
    expect(
      (
        await h.api(
          'post',
          `/api/cohorts/${DEMO_COHORT_ID}/applications/${notInterviewed.personId}/decision`,
          priya.id,
          { decision: 'accept' },
          { ifMatch: await applicationEtag(notInterviewed.personId) },
        )
      ).status,
    ).toBe(409);
  });

  it('decides an executive without an interview, and the waitlist tells them kindly', async () => {
    const decided = await h.api(
      'post',
      `/api/cohorts/${DEMO_COHORT_ID}/applications/${angela.id}/decision`,
      priya.id,
      { decision: 'waitlist' },
      { ifMatch: await applicationEtag(angela.id) },
    );
    expect(decided.body.application.stage).toBe('waitlisted');
    expect(textOf(h.cardsOf(angela).at(-1))).toContain('You are on the waiting list');
  });

  it('filters the pipeline by stage and kind, and refuses unknown filters', async () => {
    const executives = await pipeline('?kind=executive&stage=accepted');
    expect(executives.body.applicants).toHaveLength(12);
    expect(executives.body.applicants.every((a: { kind: string; stage: string }) => a.kind === 'executive' && a.stage === 'accepted')).toBe(true);
    expect((await pipeline('?stage=hired')).status).toBe(400);
    expect((await pipeline('?kind=robot')).status).toBe(400);
    expect((await h.api('get', '/api/cohorts/nope/pipeline', priya.id)).status).toBe(404);
  });

  it('exports the pipeline as CSV that spreadsheets will not run as formulas', async () => {
    const csv = await h.api('get', `/api/cohorts/${DEMO_COHORT_ID}/pipeline/csv?kind=executive`, priya.id);
    expect(csv.status).toBe(200);
    expect(csv.contentType).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('"Name","Job title","Department","Kind","Stage","Topics","Other topics","Submitted","Manager","Interviewer","Average score","Flag"');
    expect(lines).toHaveLength(1 + 12 + 2 + 1); // header, accepted and applied demo executives, Angela
    const angelaLine = lines.find((l) => l.startsWith('"Angela Brooks"'))!;
    expect(angelaLine).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(angelaLine).toContain('"On the waiting list"');
  });

  it('resets the demo cohort to its starting state', async () => {
    await resetDemo(h.context().parts);
    expect(await application(angela.id)).toBeUndefined();
    expect((await application(candidateId))?.stage).toBe('managerApproved');
    const { body } = await pipeline();
    expect(body.counts.accepted).toBe(32);
  });
});

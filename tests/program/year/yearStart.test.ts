import { DEMO_COHORT_ID } from '../../../bot/program/demo/demoData';
import type { CohortJson } from '../../../bot/program/cohorts/api';
import type { CohortIceBreaker } from '../../../bot/program/icebreaker/api';
import type { CohortOrientation } from '../../../bot/program/orientation/api';
import type { CohortSurveys } from '../../../bot/program/surveys/api';
import type { YearViewJson } from '../../../bot/program/year/api';
import { quarterWindows, yearStartingOn } from '../../../bot/program/year/yearPlan';
import { addDays, zonedInstant } from '../../../bot/calendar/calendarTime';
import { IntakeHarness } from '../intakeHarness';
import { confirmDemoPairs, runJobsAt, taskforceLead } from './yearHarness';

const cohortPath = `/api/cohorts/${DEMO_COHORT_ID}`;

/** A cohort as the form sends it back. */
function formOf(cohort: CohortJson): Record<string, unknown> {
  const { name, programYear, opensOn, closesOn, yearStartsOn, topics, rubric } = cohort;
  return { name, programYear, opensOn, closesOn, yearStartsOn, topics, rubric };
}

/**
 * The start of the mentoring year the taskforce sets on the cohort, through the real service: the year stage's quarters,
 * the post survey, the orientation and the ice breaker all follow it, and it is fixed once the pairs are confirmed.
 */
describe('a mentoring year that starts on the day the taskforce set', () => {
  let h: IntakeHarness;
  let startsOn: string;
  const get = async <T>(path: string): Promise<T> => (await h.api('get', path, taskforceLead.id)).body as T;

  beforeAll(async () => {
    h = await IntakeHarness.start();
    const cohort = await get<CohortJson>(cohortPath);
    startsOn = addDays(cohort.closesOn, 10);
    expect(startsOn).not.toBe(cohort.defaultYearStartsOn);
    const set = await h.api('put', cohortPath, taskforceLead.id, { ...formOf(cohort), yearStartsOn: startsOn }, { ifMatch: cohort.etag });
    expect(set.status).toBe(200);
    await confirmDemoPairs(h);
    await runJobsAt(h, new Date());
  }, 120_000);
  afterAll(async () => {
    await h.stop();
  });

  it('plans every pair’s quarters from that start', async () => {
    const view = await get<YearViewJson>(`${cohortPath}/year`);
    const year = yearStartingOn(startsOn);
    expect(view.year).toEqual({ ...year, quarters: quarterWindows(year).map((q) => ({ quarter: q.quarter, opensOn: q.opensOn, closesOn: q.closesOn })) });
    for (const pair of view.pairs) expect(pair.meetings.map((m) => m.window)).toEqual(view.year!.quarters);
  });

  it('opens the post survey on the last day of that year, at the nudge time', async () => {
    const surveys = await get<CohortSurveys>(`${cohortPath}/surveys`);
    const post = surveys.rounds.find((r) => r.round === 'post')!;
    expect(post.opensAt).toBe(zonedInstant(yearStartingOn(startsOn).endsOn, '08:30', 'America/Chicago').toISOString());
  });

  it('puts the orientation sessions and the ice breaker before that start', async () => {
    expect((await get<CohortOrientation>(`${cohortPath}/orientation`)).yearStartsOn).toBe(startsOn);
    expect((await get<CohortIceBreaker>(`${cohortPath}/icebreaker`)).yearStartsOn).toBe(startsOn);
  });

  it('shows the year on the cohort, and no longer lets the start move (the rest of the cohort still can)', async () => {
    const cohort = await get<CohortJson>(cohortPath);
    const view = await get<YearViewJson>(`${cohortPath}/year`);
    expect(cohort.yearStartsOn).toBe(startsOn);
    expect(cohort.year).toEqual({ startsOn, endsOn: view.year!.endsOn, quarters: view.year!.quarters, postSurveyOpensOn: view.year!.endsOn });
    const moved = await h.api('put', cohortPath, taskforceLead.id, { ...formOf(cohort), yearStartsOn: addDays(startsOn, 7) }, { ifMatch: cohort.etag });
    expect(moved.status).toBe(409);
    expect(moved.body.error.message).toContain('fixed now that the pairs are confirmed');
    const cleared = await h.api('put', cohortPath, taskforceLead.id, { ...formOf(cohort), yearStartsOn: null }, { ifMatch: cohort.etag });
    expect(cleared.status).toBe(409);
    const renamed = await h.api('put', cohortPath, taskforceLead.id, { ...formOf(cohort), name: 'Renamed cohort' }, { ifMatch: cohort.etag });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Renamed cohort', yearStartsOn: startsOn });
    expect(await get<YearViewJson>(`${cohortPath}/year`)).toMatchObject({ year: view.year });
  });
});

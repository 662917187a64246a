import { addDays, nextWorkingDay, zonedInstant } from '../../../bot/calendar/calendarTime';
import { samplePersonas } from '../../../bot/directory/samplePersonas';
import { DEMO_COHORT_ID } from '../../../bot/program/demo/demoData';
import type { MeetingsPerQuarterJson } from '../../../bot/program/outcomes/api';
import type { YearViewJson } from '../../../bot/program/year/api';
import { IntakeHarness } from '../intakeHarness';
import { confirmDemoPairs, headingOf, meetingButtonData, runJobsAt, taskforceLead, type TestPair } from '../year/yearHarness';

const meetings = `/api/cohorts/${DEMO_COHORT_ID}/outcomes/meetings`;
const NOTE = 'We walked the night shift together; keep this between us';

/** Meetings held per quarter for the Outcomes page's chart, through the real service: counts only, for the taskforce. */
describe('outcomes: meetings held, missed and still open per quarter', () => {
  let h: IntakeHarness;
  let pairs: TestPair[];
  const counts = async (): Promise<MeetingsPerQuarterJson> => {
    const answer = await h.api('get', meetings, taskforceLead.id);
    expect(answer.status).toBe(200);
    return answer.body as MeetingsPerQuarterJson;
  };
  const noonOn = (date: string) => zonedInstant(date, '12:00', 'America/Chicago');

  beforeAll(async () => {
    h = await IntakeHarness.start();
  }, 120_000);
  afterAll(async () => {
    await h.stop();
  });

  it('answers 401 without a token, 403 to anyone but the taskforce, 404 for a cohort that does not exist', async () => {
    expect((await h.api('get', meetings, undefined)).status).toBe(401);
    for (const who of [samplePersonas.employee.id, samplePersonas.executive.id]) {
      const refused = await h.api('get', meetings, who);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('Forbidden');
    }
    const missing = await h.api('get', '/api/cohorts/no-such-cohort/outcomes/meetings', taskforceLead.id);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NotFound');
  });

  it('has no quarters before the pairs are confirmed', async () => {
    expect(await counts()).toEqual({ cohortId: DEMO_COHORT_ID, year: null, pairs: 0, quarters: [] });
  });

  it('counts one meeting per pair in each quarter: held, missed when the quarter closed without a log, open otherwise', async () => {
    pairs = await confirmDemoPairs(h);
    await runJobsAt(h, new Date());
    const view = (await h.api('get', `/api/cohorts/${DEMO_COHORT_ID}/year`, taskforceLead.id)).body as YearViewJson;
    const quarters = view.year!.quarters;
    const n = pairs.length;
    expect(n).toBeGreaterThan(1);
    const planned = await counts();
    expect(planned.year).toEqual({ startsOn: view.year!.startsOn, endsOn: view.year!.endsOn });
    expect(planned.pairs).toBe(n);
    expect(planned.quarters).toEqual(quarters.map((q) => ({ quarter: q.quarter, opensOn: q.opensOn, closesOn: q.closesOn, held: 0, missed: 0, open: n })));

    // One pair logs meeting 1 inside quarter 1; the quarter then closes for the others without a log.
    const [a] = pairs;
    const mentor = { id: a.mentor.id, name: a.mentor.name };
    const heldOn = nextWorkingDay(addDays(quarters[0].opensOn, 10), { workingDays: [1, 2, 3, 4, 5] });
    await runJobsAt(h, noonOn(quarters[0].opensOn));
    const toBook = (await h.say(mentor, 'meetings'))[0];
    const booked = await h.click(mentor, 'year.book', { ...meetingButtonData(toBook, 'year.bookForm'), date: heldOn, time: '10:00', placeKind: 'common-area', place: 'Café' });
    expect(headingOf(booked.card ?? {})).toBe('Meeting 1 is booked');
    await runJobsAt(h, noonOn(addDays(heldOn, 1)));
    const toLog = (await h.say(mentor, 'meetings'))[0];
    const logged = await h.click(mentor, 'year.log', { ...meetingButtonData(toLog, 'year.logForm'), heldOn, where: 'common-area', note: NOTE });
    expect(headingOf(logged.card ?? {})).toBe('Meeting 1 is logged');
    await runJobsAt(h, noonOn(addDays(quarters[1].opensOn, 1)));

    const answer = await h.api('get', meetings, taskforceLead.id);
    expect((answer.body as MeetingsPerQuarterJson).quarters.map(({ quarter, held, missed, open }) => ({ quarter, held, missed, open }))).toEqual([
      { quarter: 1, held: 1, missed: n - 1, open: 0 },
      { quarter: 2, held: 0, missed: 0, open: n },
      { quarter: 3, held: 0, missed: 0, open: n },
      { quarter: 4, held: 0, missed: 0, open: n },
    ]);
    // Counts only: no pair, no person, no note.
    for (const pair of pairs) {
      for (const person of [pair.mentor, pair.executive]) {
        expect(answer.text).not.toContain(person.id);
        expect(answer.text).not.toContain(person.name);
      }
    }
    expect(answer.text).not.toContain(NOTE);
  }, 120_000);
});

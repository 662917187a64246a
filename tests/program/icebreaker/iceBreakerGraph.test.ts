// The ice breaker with Microsoft Graph: the event goes into the organiser's calendar as a Teams meeting, moves with it
// (through Graph's throttling), is cancelled with it, and a Graph that does not answer changes nothing. The service's
// own stores and tables (real Azurite, the service's scheduler and send batches), with the loopback Graph double.
import { createGraphCalendar } from '../../../bot/directory/graph/graphCalendar';
import { samplePersonas } from '../../../bot/directory/samplePersonas';
import { CohortDirectory } from '../../../bot/program/year/cohortMembers';
import { DEMO_COHORT_ID } from '../../../bot/program/demo/demoData';
import { IceBreakerService } from '../../../bot/program/icebreaker/iceBreakerService';
import { ICE_BREAKER_TABLE, IceBreakerStore, RSVP_TABLE } from '../../../bot/program/icebreaker/iceBreakerStore';
import { addDays } from '../../../bot/calendar/calendarTime';
import { GraphDouble } from '../../directory/graphDouble';
import { confirmDemoPairs, type Participant } from '../confirmedCohort';
import { IntakeHarness, textOf } from '../intakeHarness';

const ORGANISER = 'mentoring-up-organiser';

describe('the ice breaker with Microsoft Graph', () => {
  let h: IntakeHarness;
  let graph: GraphDouble;
  let people: Participant[];
  let iceBreakers: IceBreakerService;
  const retries: number[] = [];
  const by = samplePersonas.taskforce.id;

  beforeAll(async () => {
    [h, graph] = await Promise.all([IntakeHarness.start(), new GraphDouble().start()]);
    graph.seed([{ id: ORGANISER, displayName: 'Mentoring Up', mail: 'mentoring-up@contoso.test', accountEnabled: true }]);
    people = await confirmDemoPairs(h);
    const parts = h.parts(h.clock.now);
    const calendar = createGraphCalendar(graph.baseUrl, graph.credential(), { sleep: async () => undefined, onRetry: ({ status }) => void retries.push(status) });
    iceBreakers = new IceBreakerService(parts, new IceBreakerStore(parts.table(ICE_BREAKER_TABLE), parts.table(RSVP_TABLE)), new CohortDirectory(parts), calendar, ORGANISER);
  });
  afterAll(async () => {
    await h?.stop();
    await graph?.close();
  });

  it('creates a Teams meeting in the organiser calendar, inviting everyone by mail, and puts its link on the cards', async () => {
    const before = await iceBreakers.forTaskforce(DEMO_COHORT_ID);
    expect(before.calendarConnected).toBe(true);
    const after = await iceBreakers.schedule(DEMO_COHORT_ID, { date: addDays(before.yearStartsOn, -2), time: '12:00', place: 'Atrium café' }, 'none', by);
    const [event] = graph.calendar.liveEvents();
    expect(graph.calendar.liveEvents()).toHaveLength(1);
    expect(event).toMatchObject({ organiserId: ORGANISER, body: { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', location: { displayName: 'Atrium café' } } });
    const mails = (event.body.attendees as { emailAddress: { address: string } }[]).map((a) => a.emailAddress.address).sort();
    const directory = h.service.app.directory();
    expect(mails).toEqual(
      people
        .map((p) => directory.getPerson(p.id)?.mail)
        .filter(Boolean)
        .sort(),
    );
    expect(after.iceBreaker).toMatchObject({ inCalendar: true, joinUrl: expect.stringMatching(/^https:\/\//) });
    await h.service.app.batches.settled(`cohort.${DEMO_COHORT_ID}.icebreaker.r1`);
    expect(textOf(h.cardsOf(people[0]).find((c) => textOf(c).includes('icebreaker.rsvp')))).toContain(after.iceBreaker!.joinUrl!);
  });

  it('moves the same event when the date changes, through a 429 with Retry-After', async () => {
    const before = await iceBreakers.forTaskforce(DEMO_COHORT_ID);
    graph.calendar.failNext({ status: 429, retryAfter: '1' });
    const moved = await iceBreakers.schedule(DEMO_COHORT_ID, { date: before.iceBreaker!.date, time: '14:30', place: 'Atrium café' }, before.etag, by);
    expect(retries).toEqual([429]);
    expect(moved.iceBreaker).toMatchObject({ revision: 2, joinUrl: before.iceBreaker!.joinUrl });
    expect(graph.calendar.liveEvents()).toHaveLength(1);
    expect(graph.calendar.liveEvents()[0].body.start).toMatchObject({ dateTime: expect.stringMatching(/T\d\d:30:00/) });
  });

  it('changes nothing when Graph keeps failing: no new revision, no cards', async () => {
    await h.service.app.batches.settled(`cohort.${DEMO_COHORT_ID}.icebreaker.r2`);
    const before = await iceBreakers.forTaskforce(DEMO_COHORT_ID);
    const cardCount = () => people.reduce((sum, p) => sum + h.cardsOf(p).length, 0);
    const cardsBefore = cardCount();
    graph.calendar.failNext({ status: 503 }, { status: 503 }, { status: 503 });
    await expect(iceBreakers.schedule(DEMO_COHORT_ID, { date: before.iceBreaker!.date, time: '16:00', place: 'Atrium café' }, before.etag, by)).rejects.toMatchObject({
      code: 'Unreachable',
    });
    const after = await iceBreakers.forTaskforce(DEMO_COHORT_ID);
    expect(after.iceBreaker).toEqual(before.iceBreaker);
    expect(cardCount()).toBe(cardsBefore);
  });

  it('cancels the calendar event with the ice breaker', async () => {
    const before = await iceBreakers.forTaskforce(DEMO_COHORT_ID);
    const cancelled = await iceBreakers.cancel(DEMO_COHORT_ID, before.etag, by);
    expect(cancelled.iceBreaker?.cancelled).toBe(true);
    expect(graph.calendar.liveEvents()).toHaveLength(0);
  });
});

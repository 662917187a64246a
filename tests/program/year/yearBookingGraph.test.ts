// Booking the year's meetings through Microsoft Graph: "Find a time" reads both people's free/busy, offers common
// slots, and a chosen slot is booked and put in both calendars. The real service (Azurite, the Bot Connector double)
// configured with Graph, against the loopback Graph double.
import { sampleOrg, sampleRoles } from '../../../bot/directory/sampleOrg';
import { addDays, nextWorkingDay, localDateOf, localTimeOf, readableDay, zonedInstant } from '../../../bot/calendar/calendarTime';
import type { MyYearPlanJson, YearViewJson } from '../../../bot/program/year/api';
import { DEMO_COHORT_ID } from '../../../bot/program/demo/demoData';
import { GraphDouble } from '../../directory/graphDouble';
import type { DoubleEvent } from '../../directory/calendarDouble';
import { toDoubleUser } from '../../directory/syncHarness';
import { ConnectorDouble } from '../../support/connectorDouble';
import { IntakeHarness, inputIds, textOf, type Card } from '../intakeHarness';
import { confirmDemoPairs, headingOf, meetingButtonData, runJobsAt, taskforceLead, type TestPair } from './yearHarness';

const TIME_ZONE = 'America/Chicago';
const ORGANISER = 'mentoring-up-organiser';

interface Button {
  title: string;
  verb: string;
  data: Record<string, string>;
}

/** Every Action.Execute of a card. */
function buttonsOf(card: Card): Button[] {
  const found: Button[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute') found.push({ title: String(record.title), verb: String(record.verb), data: record.data as Record<string, string> });
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

const slotsOf = (card: Card): Button[] => buttonsOf(card).filter((b) => b.verb === 'year.bookSlot');

describe('booking the year’s meetings through Microsoft Graph', () => {
  let graph: GraphDouble;
  let h: IntakeHarness;
  let a: TestPair;
  let b: TestPair;
  let view: YearViewJson;
  /** The first slot card, kept until its slots have passed. */
  let firstOffer: Card;
  const person = (p: { id: string; name: string }) => ({ id: p.id, name: p.name });
  const mailOf = (p: { id: string }) => h.person(p.id).mail!;
  const at = (date: string, time: string) => zonedInstant(date, time, TIME_ZONE);
  const clickCard = async (who: { id: string; name: string }, verb: string, data: Record<string, unknown>): Promise<Card> => {
    const answer = await h.click(person(who), verb, data);
    if (!answer.card) throw new Error(`no card for ${verb}: ${JSON.stringify(answer.error)}`);
    return answer.card;
  };
  const planOf = async (who: { id: string; name: string }): Promise<Card> => (await h.say(person(who), 'meetings'))[0];
  const findTime = async (who: { id: string; name: string }, meeting: number): Promise<Card> => {
    const data = buttonsOf(await planOf(who)).find((x) => x.verb === 'year.findTime' && x.data.meeting === String(meeting));
    if (!data) throw new Error(`no Find a time for meeting ${meeting}`);
    return clickCard(who, 'year.findTime', data.data);
  };
  const meetingOf = async (who: { id: string }, n: number) => ((await h.api('get', '/api/me/year', who.id)).body.plans as MyYearPlanJson[])[0].meetings[n - 1];
  const eventsOf = (pair: TestPair): DoubleEvent[] =>
    graph.calendar.liveEvents().filter((e) => JSON.stringify(e.body.attendees).toLowerCase().includes(mailOf(pair.executive).toLowerCase()));

  beforeAll(async () => {
    graph = await new GraphDouble().start();
    const org = sampleOrg();
    // With Graph, roles come from the configured lists: the sample org's, as local mode reads them.
    const roles = sampleRoles(org);
    graph.seed([...org.map(toDoubleUser), { id: ORGANISER, displayName: 'Mentoring Up', mail: 'mentoring-up@contoso.test', accountEnabled: true }]);
    h = await IntakeHarness.start(new ConnectorDouble(), undefined, {
      env: {
        ...graph.serviceEnv(),
        GRAPH_CALENDAR_ORGANISER: ORGANISER,
        TASKFORCE_IDS: roles.taskforce.join(','),
        EXECUTIVE_IDS: roles.executives.join(','),
      },
      graphCredential: graph.credential(),
    });
    [a, b] = await confirmDemoPairs(h);
    await runJobsAt(h, new Date());
    view = (await h.api('get', `/api/cohorts/${DEMO_COHORT_ID}/year`, taskforceLead.id)).body;
    // Monday noon, the day quarter 1 opens.
    await runJobsAt(h, at(view.year!.quarters[0].opensOn, '12:00'));
  }, 120_000);
  afterAll(async () => {
    await h?.stop();
    await graph?.close();
  });

  it('offers up to three common slots read from both people’s free/busy, and the form as the way out', async () => {
    const monday = view.year!.quarters[0].opensOn;
    const [tuesday, wednesday, thursday, friday] = [1, 2, 3, 4].map((n) => addDays(monday, n));
    // The mentor is busy Tuesday 12:00-14:00 (a day's notice starts at noon); the executive all Wednesday.
    graph.calendar.addBusy(mailOf(a.mentor), { start: at(tuesday, '12:00'), end: at(tuesday, '14:00'), status: 'busy' });
    graph.calendar.addBusy(mailOf(a.executive), { start: at(wednesday, '08:00'), end: at(wednesday, '18:00'), status: 'busy' });

    const plan = await planOf(a.executive);
    expect(
      buttonsOf(plan)
        .filter((x) => x.verb === 'year.findTime')
        .map((x) => x.data.meeting),
    ).toEqual(['1', '2', '3', '4']);
    const card = await findTime(a.executive, 1);
    firstOffer = card;
    expect(headingOf(card)).toBe('Times that suit you both for meeting 1');
    expect(slotsOf(card).map((s) => s.title)).toEqual([`${readableDay(tuesday)}, 14:00–15:00`, `${readableDay(thursday)}, 09:00–10:00`, `${readableDay(friday)}, 09:00–10:00`]);
    expect(inputIds(card)).toEqual(['placeKind', 'place']);
    expect(buttonsOf(card).map((x) => x.title)).toContain('Enter a date we agreed');
    expect(graph.requests).toContainEqual({ path: `/v1.0/users/${ORGANISER}/calendar/getSchedule`, status: 200 });
    expect(graph.calendar.liveEvents()).toHaveLength(0); // looking books nothing
  });

  it('books a chosen slot: one Teams meeting inviting both, however often the button is clicked', async () => {
    const [slot] = slotsOf(await findTime(a.executive, 1));
    const choice = { ...slot.data, placeKind: 'virtual', place: '' };
    const booked = await clickCard(a.executive, 'year.bookSlot', choice);
    expect(headingOf(booked)).toBe('Meeting 1 is booked');
    expect(textOf(booked)).toContain('The invitation is in both your calendars, with a Teams link.');
    const again = await clickCard(a.executive, 'year.bookSlot', choice);
    expect(headingOf(again)).toBe('Meeting 1 is already booked');

    const events = eventsOf(a);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ organiserId: ORGANISER, body: { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } });
    expect(events[0].body.start).toMatchObject({ dateTime: slot.data.start.slice(0, 19), timeZone: 'UTC' });
    const mails = (events[0].body.attendees as { emailAddress: { address: string } }[]).map((x) => x.emailAddress.address).sort();
    expect(mails).toEqual([mailOf(a.mentor), mailOf(a.executive)].sort());
    expect(await meetingOf(a.mentor, 1)).toMatchObject({ status: 'booked', bookedFor: `${addDays(view.year!.quarters[0].opensOn, 1)} 14:00` });
    // The agenda nudge follows the booking, as for a date entered on the form.
    const agendaKey = `year.nudge.agenda:${DEMO_COHORT_ID}.${a.executive.id}:1:mentor:r1`;
    expect((await h.service.app.scheduler.get('year.nudge.agenda', agendaKey))?.state).toBe('waiting');
  });

  it('makes one event when both clicks arrive at once', async () => {
    const [slot] = slotsOf(await findTime(b.mentor, 1));
    const choice = { ...slot.data, placeKind: 'common-area', place: 'Level 2 café' };
    const answers = await Promise.all([clickCard(b.mentor, 'year.bookSlot', choice), clickCard(b.mentor, 'year.bookSlot', choice)]);
    expect(answers.map(headingOf).sort()).toEqual(['Meeting 1 is already booked', 'Meeting 1 is booked']);
    const events = eventsOf(b);
    expect(events).toHaveLength(1);
    expect(events[0].body).toMatchObject({ isOnlineMeeting: false, location: { displayName: 'Level 2 café' } });
    expect(events[0].body.onlineMeetingProvider).toBeUndefined();
  });

  it('keeps one event when the two people book different slots at once: the second card is out of date', async () => {
    // Meeting 3's quarter has not opened: the search starts on its first day.
    const [mentorCard, executiveCard] = [await findTime(b.mentor, 3), await findTime(b.executive, 3)];
    const [first, second] = [slotsOf(mentorCard)[0], slotsOf(executiveCard)[1]];
    expect(first.data.start).not.toBe(second.data.start);
    const answers = await Promise.all([
      clickCard(b.mentor, 'year.bookSlot', { ...first.data, placeKind: 'virtual', place: '' }),
      clickCard(b.executive, 'year.bookSlot', { ...second.data, placeKind: 'virtual', place: '' }),
    ]);
    expect(answers.map(headingOf).sort()).toEqual(['Meeting 3 is booked', 'This card was out of date']);
    const meeting3 = eventsOf(b).filter((e) => e.body.isOnlineMeeting === true);
    expect(meeting3).toHaveLength(1);
    // The event is where the stored booking is.
    const start = new Date(`${(meeting3[0].body.start as { dateTime: string }).dateTime}Z`);
    expect((await meetingOf(b.mentor, 3)).bookedFor).toBe(`${localDateOf(start, TIME_ZONE)} ${localTimeOf(start, TIME_ZONE)}`);
  });

  it('moves the same event when the meeting is booked again, through a 429; an older slot card changes nothing', async () => {
    const [before] = eventsOf(a);
    const oldCard = await findTime(a.mentor, 1);
    const card = await findTime(a.mentor, 1);
    const other = slotsOf(card).find((s) => s.data.start !== (before.body.start as { dateTime: string }).dateTime + 'Z')!;
    graph.calendar.failNext({ status: 429, retryAfter: '0' });
    const moved = await clickCard(a.mentor, 'year.bookSlot', { ...other.data, placeKind: 'virtual', place: '' });
    expect(headingOf(moved)).toBe('Meeting 1 is booked');
    const after = eventsOf(a);
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(before.id);
    expect((after[0].body.start as { dateTime: string }).dateTime).toBe(other.data.start.slice(0, 19));
    expect(graph.requests.filter((r) => r.path === `/v1.0/users/${ORGANISER}/events/${before.id}`).map((r) => r.status)).toEqual([429, 200]);

    // A slot card from before the move (its version is old): the current card, nothing changed.
    const stale = await clickCard(a.executive, 'year.bookSlot', { ...slotsOf(oldCard)[2].data, placeKind: 'virtual', place: '' });
    expect(headingOf(stale)).toBe('This card was out of date');
    expect(eventsOf(a)[0].body.start).toEqual(after[0].body.start);
  });

  it('moves the event when a date is entered on the form, which then needs a time', async () => {
    const plan = await planOf(a.mentor);
    const data = meetingButtonData(plan, 'year.bookForm');
    const form = await clickCard(a.mentor, 'year.bookForm', data);
    expect(textOf(form)).toContain('"label":"The time"');
    const date = addDays(view.year!.quarters[0].opensOn, 9);
    const dayOnly = await clickCard(a.mentor, 'year.book', { ...data, date, placeKind: 'virtual' });
    expect(textOf(dayOnly)).toContain('Please give a time too, so the invitation moves with it.');
    const booked = await clickCard(a.mentor, 'year.book', { ...data, date, time: '11:00', placeKind: 'virtual' });
    expect(headingOf(booked)).toBe('Meeting 1 is booked');
    const events = eventsOf(a);
    expect(events).toHaveLength(1);
    expect((events[0].body.start as { dateTime: string }).dateTime).toBe(at(date, '11:00').toISOString().slice(0, 19));
  });

  it('books the shadowing visit in person, at the mentor’s place, with no Teams link', async () => {
    await runJobsAt(h, at(view.year!.quarters[1].opensOn, '12:00'));
    // A slot card whose times have passed: the current card, nothing changed.
    const passed = await clickCard(a.executive, 'year.bookSlot', { ...slotsOf(firstOffer)[1].data, placeKind: 'virtual', place: '' });
    expect(headingOf(passed)).toBe('This card was out of date');
    const card = await findTime(a.executive, 2);
    expect(textOf(card)).toContain('the invitation has no Teams link');
    expect(textOf(card)).not.toContain('"value":"virtual"');
    const [slot] = slotsOf(card);
    const booked = await clickCard(a.executive, 'year.bookSlot', { ...slot.data, placeKind: 'mentor-area', place: 'Pharmacy, level B3' });
    expect(textOf(booked)).toContain('in person, no Teams link');
    const visit = eventsOf(a).find((e) => String(e.body.subject).includes('shadowing'))!;
    expect(visit.body).toMatchObject({ isOnlineMeeting: false, location: { displayName: 'Pharmacy, level B3' } });
    expect(visit.body.onlineMeetingProvider).toBeUndefined();
    const start = new Date(`${(visit.body.start as { dateTime: string }).dateTime}Z`);
    const end = new Date(`${(visit.body.end as { dateTime: string }).dateTime}Z`);
    expect((end.getTime() - start.getTime()) / 60_000).toBe(90);
  });

  it('changes nothing when Graph keeps failing, and says so kindly with the form', async () => {
    // As often as the client tries (once and two retries).
    const unavailable = [0, 1, 2].map(() => ({ status: 503, retryAfter: '0' }));
    const [slot] = slotsOf(await findTime(b.executive, 2));
    const eventsBefore = graph.calendar.liveEvents().length;
    graph.calendar.failNext(...unavailable);
    const answer = await clickCard(b.executive, 'year.bookSlot', { ...slot.data, placeKind: 'mentor-area', place: '' });
    expect(headingOf(answer)).toBe('The calendars did not answer');
    expect(textOf(answer)).toContain('We could not reach the calendars; try again or enter the date you agreed.');
    expect(buttonsOf(answer).map((x) => x.verb)).toEqual(expect.arrayContaining(['year.findTime', 'year.bookForm']));
    expect((await meetingOf(b.executive, 2)).status).toBe('planned');
    expect(graph.calendar.liveEvents()).toHaveLength(eventsBefore);

    graph.calendar.failNext(...unavailable);
    expect(headingOf(await findTime(b.executive, 2))).toBe('The calendars did not answer');

    // Moving a meeting that is in the calendars, from the form: the same, and the booking stays as it was.
    const data = meetingButtonData(await planOf(a.mentor), 'year.bookForm');
    expect(data.meeting).toBe('2');
    const before = await meetingOf(a.mentor, 2);
    graph.calendar.failNext(...unavailable);
    const date = nextWorkingDay(addDays(view.year!.quarters[1].opensOn, 10), { workingDays: [1, 2, 3, 4, 5] });
    const moved = await clickCard(a.mentor, 'year.book', { ...data, date, time: '10:00', placeKind: 'mentor-area' });
    expect(headingOf(moved)).toBe('The calendars did not answer');
    expect(await meetingOf(a.mentor, 2)).toEqual(before);
  });

  it('offers the form kindly when a schedule cannot be read', async () => {
    const executive = h.person(b.executive.id);
    graph.remove(executive.id); // Graph no longer knows the mailbox
    try {
      const card = await findTime(b.mentor, 2);
      expect(headingOf(card)).toBe('We could not read both calendars');
      expect(slotsOf(card)).toEqual([]);
      const form = buttonsOf(card).find((x) => x.title === 'Enter a date we agreed')!;
      expect(inputIds(await clickCard(b.mentor, form.verb, form.data))).toEqual(['date', 'time', 'placeKind', 'place']);
    } finally {
      graph.seed([toDoubleUser(executive)]);
    }
  });

  it('says kindly when the two have no free time in common, and offers the form', async () => {
    const q4 = view.year!.quarters[3];
    graph.calendar.addBusy(mailOf(b.mentor), { start: at(q4.opensOn, '00:00'), end: at(addDays(q4.closesOn, 1), '00:00'), status: 'oof' });
    const card = await findTime(b.executive, 4);
    expect(headingOf(card)).toBe('No common free time found');
    expect(slotsOf(card)).toEqual([]);
    expect(buttonsOf(card).map((x) => x.title)).toContain('Enter a date we agreed');
  });
});

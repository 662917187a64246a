import { samplePersonas } from '../../../bot/directory/samplePersonas';
import { DEMO_COHORT_ID } from '../../../bot/program/demo/demoData';
import type { AgendaSetJson, MyYearPlanJson, YearViewJson } from '../../../bot/program/year/api';
import { addDays, nextWorkingDay, zonedInstant } from '../../../bot/calendar/calendarTime';
import { IntakeHarness, inputIds, textOf, type Card } from '../intakeHarness';
import { attendanceOf, buttonData, confirmDemoPairs, headingOf, lastCardWith, meetingButtonData, runJobsAt, scheduleIceBreaker, taskforceLead, type TestPair } from './yearHarness';

const TIME_ZONE = 'America/Chicago';
const year = `/api/cohorts/${DEMO_COHORT_ID}/year`;
const agendas = `/api/cohorts/${DEMO_COHORT_ID}/agendas`;
const SECRET_NOTE = 'We talked about the night-shift handover; keep this between us';

/** The meetings of a pair through the real service: plans, chat, booking and logging cards, notes, agendas, pauses. */
describe('the year: meetings, agendas, booking, logs and private notes', () => {
  let h: IntakeHarness;
  let pairs: TestPair[];
  let a: TestPair;
  let b: TestPair;
  let view: YearViewJson;
  const person = (p: { id: string; name: string }) => ({ id: p.id, name: p.name });
  const myYear = async (id: string): Promise<MyYearPlanJson[]> => (await h.api('get', '/api/me/year', id)).body.plans;
  const meetingOf = async (who: { id: string }, n: number) => (await myYear(who.id))[0].meetings[n - 1];
  const clickCard = async (who: { id: string; name: string }, verb: string, data: Record<string, unknown>): Promise<Card> => {
    const answer = await h.click(person(who), verb, data);
    if (!answer.card) throw new Error(`no card for ${verb}: ${JSON.stringify(answer.error)}`);
    return answer.card;
  };
  const firstCard = async (who: { id: string; name: string }, text: string): Promise<Card> => {
    const cards = await h.say(person(who), text);
    expect(cards).toHaveLength(1);
    return cards[0];
  };
  /** Noon in the program's zone on a date. */
  const noonOn = (date: string) => zonedInstant(date, '12:00', TIME_ZONE);

  beforeAll(async () => {
    h = await IntakeHarness.start();
    pairs = await confirmDemoPairs(h);
    await runJobsAt(h, new Date());
    [a, b] = pairs;
    view = (await h.api('get', year, taskforceLead.id)).body;
  }, 120_000);
  afterAll(async () => {
    await h.stop();
  });

  it.each([
    ['get', year],
    ['get', `${year}/csv`],
    ['get', agendas],
    ['put', agendas],
  ])('%s %s answers 401 without a token and 403 to a participant', async (method, path) => {
    expect((await h.api(method, path, undefined, method === 'get' ? undefined : {})).status).toBe(401);
    for (const who of [a.mentor.id, a.executive.id]) {
      const refused = await h.api(method, path, who, method === 'get' ? undefined : {});
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('Forbidden');
    }
  });

  it('GET /api/me/year needs a token and shows nothing to someone not in a pair', async () => {
    expect((await h.api('get', '/api/me/year', undefined)).status).toBe(401);
    expect(await myYear(taskforceLead.id)).toEqual([]);
  });

  it('gives every confirmed pair four meetings over four back-to-back quarters, once, whatever runs again', async () => {
    expect(view.year).not.toBeNull();
    expect(view.pairs).toHaveLength(pairs.length);
    const quarters = view.year!.quarters;
    expect(quarters.map((q) => q.quarter)).toEqual([1, 2, 3, 4]);
    expect(quarters[0].opensOn).toBe(view.year!.startsOn);
    for (let i = 1; i < 4; i++) expect(quarters[i].opensOn).toBe(addDays(quarters[i - 1].closesOn, 1));
    expect(quarters[3].closesOn).toBe(view.year!.endsOn);
    for (const p of view.pairs)
      expect(p.meetings.map((m) => [m.number, m.status])).toEqual([
        [1, 'planned'],
        [2, 'planned'],
        [3, 'planned'],
        [4, 'planned'],
      ]);
    expect(view.pairs[0].meetings[1].title).toBe('The shadowing visit');

    // The event again (a second confirmation, a crash before the job ended): same plans, same jobs, nothing sent.
    await h.service.app.events.publish('pairsConfirmed', { cohortId: DEMO_COHORT_ID });
    await runJobsAt(h, new Date());
    const again: YearViewJson = (await h.api('get', year, taskforceLead.id)).body;
    expect(again.pairs).toEqual(view.pairs);
    const bookKey = `year.nudge.book:${DEMO_COHORT_ID}.${a.executive.id}:1:mentor`;
    expect((await h.service.app.scheduler.get('year.nudge.book', bookKey))?.state).toBe('waiting');
  });

  it('shows the taskforce who acknowledged their orientation (and which version) and who answered the ice breaker, in the view and the CSV', async () => {
    expect(view.iceBreakerOn).toBeNull();
    for (const p of [a, b]) expect(attendanceOf(view, p)).toEqual([null, null, null, null]);
    /** CSV fields as the export quotes them. */
    const fields = (...values: string[]) => values.map((v) => `"${v}"`).join(',');
    const csvBefore = (await h.api('get', `${year}/csv`, taskforceLead.id)).text;
    expect(csvBefore).toContain(fields('Executive’s orientation', 'Mentor’s orientation', 'Executive at the ice breaker', 'Mentor at the ice breaker'));
    expect(csvBefore).toContain(fields(a.executive.name, a.mentor.name, 'not yet', 'not yet', 'not scheduled', 'not scheduled'));

    // a's mentor acknowledges the orientation on the card they received; the ice breaker is scheduled and answered.
    const acknowledged = await h.click(person(a.mentor), 'orientation.acknowledge', buttonData(lastCardWith(h, a.mentor, 'orientation.acknowledge'), 'orientation.acknowledge'));
    expect(acknowledged.card).toBeDefined();
    const iceBreakerOn = addDays(view.year!.startsOn, -3);
    await scheduleIceBreaker(h, iceBreakerOn);
    const rsvp = async (who: { id: string; name: string }, answer: string) => {
      const answered = await h.click(person(who), 'icebreaker.rsvp', buttonData(lastCardWith(h, who, 'icebreaker.rsvp'), 'icebreaker.rsvp', answer));
      expect(answered.card).toBeDefined();
    };
    await rsvp(a.executive, 'yes');
    await rsvp(a.mentor, 'maybe');
    await rsvp(b.mentor, 'no');

    const after: YearViewJson = (await h.api('get', year, taskforceLead.id)).body;
    expect(after.iceBreakerOn).toBe(iceBreakerOn);
    expect(attendanceOf(after, a)).toEqual([null, 'yes', 1, 'maybe']);
    expect(attendanceOf(after, b)).toEqual([null, null, null, 'no']);
    const csv = (await h.api('get', `${year}/csv`, taskforceLead.id)).text.split('\r\n');
    const rowsOf = (p: TestPair) => csv.filter((line) => line.startsWith(fields(p.executive.name, p.mentor.name)));
    expect(rowsOf(a)).toHaveLength(4);
    expect(rowsOf(b)).toHaveLength(4);
    for (const line of rowsOf(a)) expect(line.startsWith(fields(a.executive.name, a.mentor.name, 'not yet', 'acknowledged (version 1)', 'yes', 'maybe'))).toBe(true);
    for (const line of rowsOf(b)) expect(line.startsWith(fields(b.executive.name, b.mentor.name, 'not yet', 'not yet', 'no answer', 'no'))).toBe(true);
  });

  it('"meetings" shows the pair’s plan; "agenda" the next agenda for the caller’s role', async () => {
    const plan = await firstCard(a.mentor, 'meetings');
    expect(headingOf(plan)).toBe(`Your meetings with ${a.executive.name}`);
    for (const n of [1, 2, 3, 4]) expect(textOf(plan)).toContain(`Meeting ${n}`);
    const mentorAgenda = await firstCard(a.mentor, 'agenda');
    const executiveAgenda = await firstCard(a.executive, 'agenda');
    expect(textOf(mentorAgenda)).toContain('Questions for you, the mentor');
    expect(textOf(mentorAgenda)).toContain('What does a normal shift or day look like for you');
    expect(textOf(executiveAgenda)).toContain('Questions for you, the executive');
    expect(textOf(executiveAgenda)).not.toContain('What does a normal shift or day look like for you');
    const stranger = await firstCard(samplePersonas.employee, 'meetings');
    expect(headingOf(stranger)).toBe('No meetings yet');
    // Help lists what works; the welcome card offers the plan to someone in a pair.
    const help = textOf(await firstCard(a.mentor, 'help'));
    for (const command of ['meetings', 'agenda', 'pause', 'resume']) expect(help).toContain(`"title":"${command}"`);
    expect(textOf(await firstCard(a.mentor, 'hello'))).toContain('"verb":"year.plan"');
    expect(textOf(await firstCard(samplePersonas.employee, 'hello'))).not.toContain('year.plan');
  });

  it('books a meeting from the card: a date outside the quarter, a double click, a stale card or another pair change nothing', async () => {
    const q1 = view.year!.quarters[0];
    await runJobsAt(h, noonOn(q1.opensOn));
    const plan = await firstCard(a.executive, 'meetings');
    const data = meetingButtonData(plan, 'year.bookForm');
    const form = await clickCard(a.executive, 'year.bookForm', data);
    expect(inputIds(form)).toEqual(['date', 'time', 'placeKind', 'place']);
    // Without Graph nothing offers to find a time, and a "Find a time" click (an old card) gets the form.
    expect(textOf(plan)).not.toContain('year.findTime');
    expect(textOf(form)).toContain('"label":"The time (optional)"');
    expect(inputIds(await clickCard(a.executive, 'year.findTime', data))).toEqual(['date', 'time', 'placeKind', 'place']);

    const outside = await clickCard(a.executive, 'year.book', { ...data, date: addDays(q1.closesOn, 1), placeKind: 'common-area', place: 'Café' });
    expect(textOf(outside)).toContain('This meeting belongs to quarter 1');
    expect(textOf(outside)).toContain('Café'); // what was typed is kept
    expect((await meetingOf(a.executive, 1)).status).toBe('planned');

    const date = nextWorkingDay(addDays(q1.opensOn, 14), { workingDays: [1, 2, 3, 4, 5] });
    const booking = { ...data, date, time: '10:00', placeKind: 'common-area', place: 'Level 2 café' };
    const booked = await clickCard(a.executive, 'year.book', booking);
    expect(headingOf(booked)).toBe('Meeting 1 is booked');
    const twice = await clickCard(a.executive, 'year.book', booking);
    expect(headingOf(twice)).toBe('Meeting 1 is already booked');
    const stale = await clickCard(a.mentor, 'year.book', { ...booking, date: addDays(date, 1) });
    expect(headingOf(stale)).toBe('This card was out of date');
    const stranger = await clickCard(b.mentor, 'year.book', { ...booking, date: addDays(date, 2) });
    expect(textOf(stranger)).toContain('This meeting belongs to another pair');
    const meeting = await meetingOf(a.mentor, 1);
    expect(meeting).toMatchObject({ status: 'booked', bookedFor: `${date} 10:00` });
  });

  it('logs a meeting with a private note; an oversized note or a wrong place for the shadowing visit change nothing', async () => {
    const q1 = view.year!.quarters[0];
    const date = (await meetingOf(a.mentor, 1)).bookedFor!.slice(0, 10);
    await runJobsAt(h, noonOn(addDays(date, 1)));
    const plan = await firstCard(a.mentor, 'meetings');
    const data = meetingButtonData(plan, 'year.logForm');
    const tooLong = 'x'.repeat(2001);
    const refused = await clickCard(a.mentor, 'year.log', { ...data, heldOn: date, where: 'common-area', note: tooLong });
    expect(textOf(refused)).toContain('The note is too long');
    expect(textOf(refused)).toContain(tooLong); // nothing typed is lost
    expect((await meetingOf(a.mentor, 1)).status).toBe('booked');
    expect(addDays(date, 30) <= q1.closesOn).toBe(true);
    const future = await clickCard(a.mentor, 'year.log', { ...data, heldOn: addDays(date, 30), where: 'common-area' });
    expect(textOf(future)).toContain('has not come yet');

    const logged = await clickCard(a.mentor, 'year.log', { ...data, heldOn: date, where: 'common-area', note: SECRET_NOTE });
    expect(headingOf(logged)).toBe('Meeting 1 is logged');
    const again = await clickCard(a.mentor, 'year.log', { ...data, heldOn: date, where: 'common-area', note: SECRET_NOTE });
    expect(headingOf(again)).toBe('Meeting 1 is already logged');

    // Meeting 2 is the shadowing visit: only in the mentor's area.
    const q2 = view.year!.quarters[1];
    await runJobsAt(h, noonOn(addDays(q2.opensOn, 20)));
    const plan2 = await firstCard(a.mentor, 'meetings');
    const data2 = meetingButtonData(plan2, 'year.bookForm');
    const wrongPlace = await clickCard(a.mentor, 'year.book', { ...data2, date: addDays(q2.opensOn, 22), placeKind: 'common-area' });
    expect(textOf(wrongPlace)).toContain('The shadowing visit happens where the mentor works');
    expect((await meetingOf(a.mentor, 2)).status).toBe('planned');
  });

  it('keeps the note to the pair: every route that could carry it, tested', async () => {
    // The pair reads it: in the tab and in chat.
    expect((await meetingOf(a.mentor, 1)).note).toBe(SECRET_NOTE);
    expect((await meetingOf(a.executive, 1)).note).toBe(SECRET_NOTE);
    expect(textOf(await firstCard(a.executive, 'meetings'))).toContain('night-shift handover');
    // Nobody else: the taskforce's view and CSV, another pair, a manager, a card clicked with the pair's ids.
    const secret = 'night-shift handover';
    expect((await h.api('get', year, taskforceLead.id)).text).not.toContain(secret);
    expect((await h.api('get', `${year}/csv`, taskforceLead.id)).text).not.toContain(secret);
    expect((await h.api('get', `/api/cohorts/${DEMO_COHORT_ID}/pairs`, taskforceLead.id)).text).not.toContain(secret);
    for (const who of [b.mentor.id, b.executive.id, h.service.app.directory().managerOf(a.mentor.id)!.id, taskforceLead.id]) {
      expect((await h.api('get', '/api/me/year', who)).text).not.toContain(secret);
      expect((await h.api('get', '/api/me/pair', who)).text).not.toContain(secret);
    }
    const ids = { cohortId: DEMO_COHORT_ID, executiveId: a.executive.id, meeting: '1', version: '3' };
    for (const verb of ['year.logForm', 'year.agendaView', 'year.bookForm', 'year.plan']) {
      const answer = await h.click(person(b.mentor), verb, ids);
      expect(textOf(answer)).not.toContain(secret);
    }
    expect(textOf(await firstCard(b.mentor, 'meetings'))).not.toContain(secret);
  });

  it('flags a meeting held in the executive’s office to the taskforce (the place, never the note)', async () => {
    // Pair b never booked quarter 1, which has closed (missed); they log it late, held in the executive's office.
    expect((await meetingOf(b.executive, 1)).status).toBe('missed');
    const plan = await firstCard(b.executive, 'meetings');
    const data = meetingButtonData(plan, 'year.logForm');
    expect(data.meeting).toBe('1');
    const logged = await clickCard(b.executive, 'year.log', { ...data, heldOn: view.year!.quarters[0].closesOn, where: 'executive-office', note: 'office chat' });
    expect(headingOf(logged)).toBe('Meeting 1 is logged');
    const after: YearViewJson = (await h.api('get', year, taskforceLead.id)).body;
    const row = after.pairs.find((p) => p.executive.id === b.executive.id)!;
    expect(row.meetings[0]).toMatchObject({ status: 'held', where: 'executive-office', flagged: true });
    expect(JSON.stringify(after)).not.toContain('office chat');
  });

  it('lets the taskforce edit the agendas with the version they read (428 without it, 409 when stale)', async () => {
    const current: AgendaSetJson = (await h.api('get', agendas, taskforceLead.id)).body;
    expect(current.version).toBe(1);
    expect(current.templates[1].checklist.length).toBeGreaterThanOrEqual(3);
    const templates = current.templates.map((t) => (t.meeting === 3 ? { ...t, title: 'Your recommendations' } : t));
    expect((await h.api('put', agendas, taskforceLead.id, { templates })).status).toBe(428);
    const saved = await h.api('put', agendas, taskforceLead.id, { templates }, { ifMatch: current.etag });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    const stale = await h.api('put', agendas, taskforceLead.id, { templates }, { ifMatch: current.etag });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('Conflict');
    const noChecklist = saved.body.templates.map((t: AgendaSetJson['templates'][number]) => (t.meeting === 2 ? { ...t, checklist: [] } : t));
    const invalid = await h.api('put', agendas, taskforceLead.id, { templates: noChecklist }, { ifMatch: saved.body.etag });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toContain('checklist');
    const row = (await h.api('get', year, taskforceLead.id)).body.pairs[0];
    expect(row.meetings[2].title).toBe('Your recommendations');
  });

  it('pauses and resumes reminders in chat', async () => {
    const unclear = await firstCard(a.executive, 'pause soon');
    expect(headingOf(unclear)).toBe('How long a pause?');
    const paused = await firstCard(a.executive, 'pause 3');
    expect(headingOf(paused)).toBe('Reminders paused');
    expect((await myYear(a.executive.id))[0].pauses).toHaveLength(1);
    const resumed = await firstCard(a.executive, 'resume');
    expect(headingOf(resumed)).toBe('Reminders are back on');
    expect((await myYear(a.executive.id))[0].pauses).toEqual([]);
  });
});

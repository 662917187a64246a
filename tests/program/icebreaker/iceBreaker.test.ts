// The ice breaker through the real service, without Microsoft Graph: the taskforce schedules it before one-on-ones
// start and picks alumni, everyone invited answers on the card (changeable; stale and double clicks safe; strangers
// refused), a reminder goes the working day before (moved with the event, none after cancelling).
import { samplePersonas } from '../../../bot/directory/samplePersonas';
import { DEMO_COHORT_ID } from '../../../bot/program/demo/demoData';
import type { CohortIceBreaker } from '../../../bot/program/icebreaker/api';
import { REMINDER_KIND } from '../../../bot/program/icebreaker/iceBreakerService';
import { PAIR_BY_PERSON_TABLE, PAIR_TABLE, PairStore } from '../../../bot/program/matching/matchingStore';
import { addDays } from '../../../bot/calendar/calendarTime';
import { confirmDemoPairs, runDueJobs, type Participant } from '../confirmedCohort';
import { liveMarkdown, markdownTexts } from '../../support/cardChecks';
import { expectValidCard, IntakeHarness, textOf } from '../intakeHarness';

const priya = samplePersonas.taskforce;
const outsider = samplePersonas.manager;
const base = `/api/cohorts/${DEMO_COHORT_ID}/icebreaker`;
const TEAMS_LINK = 'https://teams.microsoft.com/l/meetup-join/icebreaker';

describe('the ice breaker without Microsoft Graph', () => {
  let h: IntakeHarness;
  let people: Participant[];
  let alumnus: Participant;
  const view = async () => (await h.api('get', base, priya.id)).body as CohortIceBreaker;
  /** Invitation, reminder and cancellation cards a person received, each checked as Teams would. */
  const invitations = (p: { id: string; name: string }) => {
    const cards = h.cardsOf(p).filter((c) => textOf(c).includes('icebreaker.rsvp') || textOf(c).includes('The ice breaker is cancelled'));
    cards.forEach(expectValidCard);
    return cards;
  };
  const everyone = () => [...people, alumnus];

  beforeAll(async () => {
    h = await IntakeHarness.start();
    people = await confirmDemoPairs(h);
    // An earlier cohort whose executive is an alumnus now.
    const earlier = await h.api('post', '/api/cohorts', priya.id, {
      name: 'Mentoring Up 2024',
      programYear: 2024,
      opensOn: '2024-01-08',
      closesOn: '2024-02-09',
      topics: [{ title: 'Flow' }],
    });
    const directory = h.service.app.directory();
    const paired = new Set(people.map((p) => p.id));
    const executive = directory.all().find((p) => p.accountEnabled && directory.hasDirectReports(p.id) && !paired.has(p.id) && !p.id.startsWith('5a1e0000'))!;
    const mentor = directory.all().find((p) => p.accountEnabled && !directory.hasDirectReports(p.id) && !paired.has(p.id) && !p.id.startsWith('5a1e0000'))!;
    const connection = h.service.azurite.connectionString;
    const { TableClient } = await import('@azure/data-tables');
    const client = (name: string) => TableClient.fromConnectionString(connection, name, { allowInsecureConnection: true });
    const snapshot = (p: typeof mentor) => ({ name: p.name, jobTitle: p.jobTitle ?? null, department: p.department ?? null });
    await new PairStore(client(PAIR_TABLE), client(PAIR_BY_PERSON_TABLE)).putAll([
      {
        cohortId: earlier.body.id,
        executiveId: executive.id,
        mentorId: mentor.id,
        executive: snapshot(executive),
        mentor: snapshot(mentor),
        sharedTopics: [],
        score: 1,
        confirmedAt: '2024-03-01T10:00:00.000Z',
        confirmedBy: priya.id,
        override: null,
      },
    ]);
    alumnus = { id: executive.id, name: executive.name, role: 'executive' };
    await h.install(alumnus);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('offers the executives of earlier cohorts as alumni, and refuses a date from the start of one-on-ones, an http link or a stranger as alumnus', async () => {
    const before = await view();
    expect(before).toMatchObject({ iceBreaker: null, etag: 'none', calendarConnected: false });
    expect(before.candidates).toEqual([{ personId: alumnus.id, name: alumnus.name, cohortNames: ['Mentoring Up 2024'] }]);
    const good = { date: addDays(before.yearStartsOn, -3), time: '12:00', place: 'Atrium café', link: TEAMS_LINK, alumniIds: [alumnus.id] };
    expect((await h.api('put', base, priya.id, good)).status).toBe(428);
    const late = await h.api('put', base, priya.id, { ...good, date: before.yearStartsOn }, { ifMatch: 'none' });
    expect(late.body.error.message).toContain('Please choose a day before the start of the year');
    expect((await h.api('put', base, priya.id, { ...good, link: 'http://evil.test' }, { ifMatch: 'none' })).body.error.message).toContain('https://');
    expect((await h.api('put', base, priya.id, { ...good, alumniIds: [people[0].id] }, { ifMatch: 'none' })).body.error.message).toContain('not paired in an earlier cohort');
    expect(await view()).toEqual(before);
  });

  it('invites the cohort and the alumni once, with RSVP buttons and the pasted link', async () => {
    const before = await view();
    const oversized = await h.api('put', base, priya.id, { date: addDays(before.yearStartsOn, -3), time: '12:00', place: 'x'.repeat(5_000), alumniIds: [] }, { ifMatch: 'none' });
    expect(oversized.body.error.message).toContain('The place is too long');
    const saved = await h.api(
      'put',
      base,
      priya.id,
      { date: addDays(before.yearStartsOn, -3), time: '12:00', place: 'Atrium [café](https://evil.test)', link: TEAMS_LINK, alumniIds: [alumnus.id] },
      { ifMatch: 'none' },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.iceBreaker).toMatchObject({ revision: 1, cancelled: false, inCalendar: false, link: TEAMS_LINK });
    await h.service.app.batches.settled(`cohort.${DEMO_COHORT_ID}.icebreaker.r1`);
    for (const p of everyone()) expect([p.name, invitations(p).length]).toEqual([p.name, 1]);
    const card = textOf(invitations(alumnus)[0]);
    expect(card).toContain('share what you gained');
    expect(card).toContain(TEAMS_LINK);
    // A place typed like a link stays text on the card.
    const where = markdownTexts(invitations(people[0])[0]).find((t) => t.startsWith('Atrium'));
    expect(where).toBe('Atrium \\[café\\](https://evil.test)');
    expect(liveMarkdown(where!)).toEqual([]);
    expect(saved.body.counts).toEqual({ yes: 0, no: 0, maybe: 0, waiting: everyone().length });
    expect(await h.service.app.scheduler.get(REMINDER_KIND, `${DEMO_COHORT_ID}:r1`)).toBeDefined();
  });

  it('records answers, lets people change them, and treats a double click as one', async () => {
    const [mentor, executive] = [people.find((p) => p.role === 'mentor')!, people.find((p) => p.role === 'executive')!];
    const yes = await h.click(mentor, 'icebreaker.rsvp', { cohortId: DEMO_COHORT_ID, answer: 'yes', revision: 1 });
    expect(textOf(yes.card)).toContain('Your answer: Yes, I will be there.');
    expect((await h.click(mentor, 'icebreaker.rsvp', { cohortId: DEMO_COHORT_ID, answer: 'yes', revision: 1 })).card).toEqual(yes.card);
    await h.click(mentor, 'icebreaker.rsvp', { cohortId: DEMO_COHORT_ID, answer: 'maybe', revision: 1 });
    await h.click(executive, 'icebreaker.rsvp', { cohortId: DEMO_COHORT_ID, answer: 'no', revision: 1 });
    await h.click(alumnus, 'icebreaker.rsvp', { cohortId: DEMO_COHORT_ID, answer: 'yes', revision: 1 });
    const shown = await view();
    expect(shown.counts).toEqual({ yes: 1, no: 1, maybe: 1, waiting: everyone().length - 3 });
    expect(shown.invitees.find((i) => i.personId === mentor.id)).toMatchObject({ rsvp: 'maybe', role: 'mentor' });
    expect(shown.invitees.find((i) => i.personId === alumnus.id)).toMatchObject({ rsvp: 'yes', role: 'alumnus' });
    expect((await h.api('get', '/api/me/icebreakers', mentor.id)).body.iceBreakers).toEqual([
      expect.objectContaining({ cohortId: DEMO_COHORT_ID, role: 'mentor', rsvp: 'maybe', link: TEAMS_LINK }),
    ]);
  });

  it('refuses a stranger, an answer that is not one of the three, and a hostile one, changing nothing', async () => {
    const before = await view();
    expect(textOf((await h.click(outsider, 'icebreaker.rsvp', { cohortId: DEMO_COHORT_ID, answer: 'yes', revision: 1 })).card)).toContain('This invitation is for someone else');
    const mentor = people.find((p) => p.role === 'mentor')!;
    expect(textOf((await h.click(mentor, 'icebreaker.rsvp', { cohortId: DEMO_COHORT_ID, answer: 'definitely', revision: 1 })).card)).toContain('Please answer yes, no or maybe.');
    expect(textOf((await h.click(mentor, 'icebreaker.rsvp', { cohortId: DEMO_COHORT_ID, answer: '<b>yes</b>'.repeat(1000), revision: 1 })).card)).toContain(
      'Please answer yes, no or maybe.',
    );
    expect(await view()).toEqual(before);
  });

  it('moves: everyone is invited again, the reminder moves, and an answer on the old card is not taken', async () => {
    const before = await view();
    const moved = await h.api(
      'put',
      base,
      priya.id,
      { date: before.iceBreaker!.date, time: '15:00', place: 'Atrium café', link: TEAMS_LINK, alumniIds: [alumnus.id] },
      { ifMatch: before.etag },
    );
    expect(moved.body.iceBreaker.revision).toBe(2);
    await h.service.app.batches.settled(`cohort.${DEMO_COHORT_ID}.icebreaker.r2`);
    for (const p of everyone()) expect([p.name, invitations(p).length]).toEqual([p.name, 2]);
    expect(textOf(invitations(people[0])[1])).toContain('The ice breaker has moved');
    expect(await h.service.app.scheduler.get(REMINDER_KIND, `${DEMO_COHORT_ID}:r1`)).toBeUndefined();
    expect(await h.service.app.scheduler.get(REMINDER_KIND, `${DEMO_COHORT_ID}:r2`)).toBeDefined();
    const mentor = people.find((p) => p.role === 'mentor')!;
    const stale = await h.click(mentor, 'icebreaker.rsvp', { cohortId: DEMO_COHORT_ID, answer: 'no', revision: 1 });
    expect(textOf(stale.card)).toContain('The ice breaker has changed since this card was sent.');
    expect(textOf(stale.card)).toContain('15:00');
    expect((await view()).invitees.find((i) => i.personId === mentor.id)?.rsvp).toBe('maybe');
    // Saving the same again is not a move: nobody is invited twice.
    const same = await h.api(
      'put',
      base,
      priya.id,
      { date: before.iceBreaker!.date, time: '15:00', place: 'Atrium café', link: TEAMS_LINK, alumniIds: [alumnus.id] },
      { ifMatch: moved.body.etag },
    );
    expect(same.body.iceBreaker.revision).toBe(2);
    expect((await h.api('put', base, priya.id, { date: before.iceBreaker!.date, time: '16:00', link: TEAMS_LINK }, { ifMatch: moved.body.etag })).status).toBe(409);
  });

  it('reminds the working day before everyone who has not said no, once', async () => {
    const job = await h.service.app.scheduler.get(REMINDER_KIND, `${DEMO_COHORT_ID}:r2`);
    h.clock.set(job!.dueAt);
    await runDueJobs(h);
    await runDueJobs(h);
    const key = `cohort.${DEMO_COHORT_ID}.icebreaker.reminder.r2`;
    await h.service.app.batches.settled(key);
    const answers = new Map((await view()).invitees.map((i) => [i.personId, i.rsvp]));
    for (const p of everyone()) {
      const reminders = h.cardsOf(p).filter((c) => textOf(c).includes('A reminder: the ice breaker is on'));
      expect([p.name, reminders.length]).toEqual([p.name, answers.get(p.id) === 'no' ? 0 : 1]);
    }
  });

  it('cancels: everyone invited is told, the reminder is gone, and answers no longer change', async () => {
    const before = await view();
    const cancelled = await h.api('post', `${base}/cancel`, priya.id, undefined, { ifMatch: before.etag });
    expect(cancelled.body.iceBreaker.cancelled).toBe(true);
    await h.service.app.batches.settled(`cohort.${DEMO_COHORT_ID}.icebreaker.cancelled.r2`);
    for (const p of everyone()) expect([p.name, h.cardsOf(p).filter((c) => textOf(c).includes('The ice breaker is cancelled')).length]).toEqual([p.name, 1]);
    expect(await h.service.app.scheduler.get(REMINDER_KIND, `${DEMO_COHORT_ID}:r2`)).toBeUndefined();
    const mentor = people.find((p) => p.role === 'mentor')!;
    const late = await h.click(mentor, 'icebreaker.rsvp', { cohortId: DEMO_COHORT_ID, answer: 'yes', revision: 2 });
    expect(textOf(late.card)).toContain('The ice breaker is cancelled');
    expect(textOf(late.card)).not.toContain('icebreaker.rsvp');
    expect((await view()).invitees.find((i) => i.personId === mentor.id)?.rsvp).toBe('maybe');
    expect((await h.api('get', '/api/me/icebreakers', mentor.id)).body.iceBreakers).toEqual([]);
  });

  it('answers 401 without a token and 403 outside the taskforce on every taskforce route', async () => {
    const routes: [string, string][] = [
      ['get', base],
      ['put', base],
      ['post', `${base}/cancel`],
    ];
    await h.expectRefusedWithoutRole(routes, alumnus.id);
    expect((await h.api('get', '/api/me/icebreakers', undefined)).status).toBe(401);
  });
});

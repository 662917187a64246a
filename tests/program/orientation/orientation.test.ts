// Orientations through the real service: sent when pairs are confirmed (once, whatever runs again), acknowledged on the
// card with the version seen, edited by the taskforce in versions, sessions set, and reminders to those still to read.
import { samplePersonas } from '../../../bot/directory/samplePersonas';
import { DEMO_COHORT_ID } from '../../../bot/program/demo/demoData';
import type { CohortOrientation } from '../../../bot/program/orientation/api';
import { addDays } from '../../../bot/calendar/calendarTime';
import { confirmDemoPairs, runDueJobs, type Participant } from '../confirmedCohort';
import { expectValidCard, IntakeHarness, textOf, type Card } from '../intakeHarness';

const priya = samplePersonas.taskforce;
const outsider = samplePersonas.manager;
const base = `/api/cohorts/${DEMO_COHORT_ID}/orientation`;

describe('orientations', () => {
  let h: IntakeHarness;
  let people: Participant[];
  let mentor: Participant;
  let executive: Participant;
  const orientationCards = (p: Participant) => h.cardsOf(p).filter((c) => textOf(c).includes('Your orientation as a'));
  const view = async () => (await h.api('get', base, priya.id)).body as CohortOrientation;
  const settle = (key: string) => h.service.app.batches.settled(key);

  beforeAll(async () => {
    h = await IntakeHarness.start();
    people = await confirmDemoPairs(h);
    await settle(`cohort.${DEMO_COHORT_ID}.orientation`);
    mentor = people.find((p) => p.role === 'mentor')!;
    executive = people.find((p) => p.role === 'executive')!;
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('sends each mentor the mentor orientation and each executive the mentee one, once, even when the event runs again', async () => {
    await h.service.app.events.publish('pairsConfirmed', { cohortId: DEMO_COHORT_ID });
    await runDueJobs(h);
    await settle(`cohort.${DEMO_COHORT_ID}.orientation`);
    for (const p of people) {
      const cards = orientationCards(p);
      expect([p.name, cards.length]).toEqual([p.name, 1]);
      expectValidCard(cards[0]);
      const text = textOf(cards[0]);
      expect(text).toContain(p.role === 'mentor' ? 'Your orientation as a mentor' : 'Your orientation as a mentee');
      expect(text).toContain('Why the roles are reversed');
      expect(text).toContain('common area');
      expect(text).toContain('orientation.acknowledge');
    }
  });

  it('records "I\'ve read this" with the version seen; a double click changes nothing', async () => {
    const first = await h.click(mentor, 'orientation.acknowledge', { cohortId: DEMO_COHORT_ID, version: 1 });
    expect(textOf(first.card)).toContain('You confirmed you read this');
    expect(textOf(first.card)).not.toContain('orientation.acknowledge');
    const acknowledgedAt = (await view()).people.find((p) => p.personId === mentor.id)?.acknowledgedAt;
    const again = await h.click(mentor, 'orientation.acknowledge', { cohortId: DEMO_COHORT_ID, version: 1 });
    expect(again.card).toEqual(first.card);
    const shown = await view();
    expect(shown.people.find((p) => p.personId === mentor.id)).toMatchObject({ acknowledgedVersion: 1, acknowledgedAt, needsAcknowledgement: false });
    expect(shown.counts.mentor.acknowledged).toBe(1);
    expect(shown.counts.mentor.total + shown.counts.executive.total).toBe(people.length);
    // Those still to acknowledge come first, with their names.
    expect(shown.people[0]).toMatchObject({ needsAcknowledgement: true, name: expect.any(String) });
  });

  it('tells someone outside the cohort the card is not for them, and records nothing', async () => {
    for (const verb of ['orientation.acknowledge', 'orientation.view']) {
      const answer = await h.click(outsider, verb, { cohortId: DEMO_COHORT_ID, version: 1 });
      expect(textOf(answer.card)).toContain('This orientation is not for you');
    }
    const stale = await h.click(mentor, 'orientation.acknowledge', { cohortId: 'no-such-cohort', version: 1 });
    expect(textOf(stale.card)).toContain('This orientation is not for you');
    expect((await view()).people.some((p) => p.personId === outsider.id)).toBe(false);
  });

  it('keeps what people acknowledged through a small edit; a material edit asks them again and a stale card shows the new text', async () => {
    const before = await view();
    const edit = { title: before.texts.mentor.title, body: `${before.texts.mentor.body}\n\nA typo fixed.` };
    expect((await h.api('put', `${base}/texts/mentor`, priya.id, edit)).status).toBe(428);
    const small = await h.api('put', `${base}/texts/mentor`, priya.id, edit, { ifMatch: before.texts.mentor.etag });
    expect(small.status).toBe(200);
    expect(small.body).toMatchObject({ version: 2, material: false });
    expect((await h.api('put', `${base}/texts/mentor`, priya.id, { ...edit, body: 'Lost' }, { ifMatch: before.texts.mentor.etag })).status).toBe(409);
    expect((await view()).people.find((p) => p.personId === mentor.id)).toMatchObject({ acknowledgedVersion: 1, needsAcknowledgement: false });
    expect(textOf((await h.click(mentor, 'orientation.view', { cohortId: DEMO_COHORT_ID })).card)).toContain('You confirmed version 1');

    const material = await h.api(
      'put',
      `${base}/texts/mentor`,
      priya.id,
      { ...edit, body: `${edit.body}\n\n- **New:** tell your unit lead your meeting dates.`, material: true },
      { ifMatch: small.body.etag },
    );
    expect(material.body).toMatchObject({ version: 3, material: true });
    expect((await view()).people.find((p) => p.personId === mentor.id)).toMatchObject({ acknowledgedVersion: 1, needsAcknowledgement: true });
    const stale = await h.click(mentor, 'orientation.acknowledge', { cohortId: DEMO_COHORT_ID, version: 2 });
    expect(textOf(stale.card)).toContain('The orientation has changed since this card was sent.');
    expect(textOf(stale.card)).toContain('version 3');
    await h.click(mentor, 'orientation.acknowledge', { cohortId: DEMO_COHORT_ID, version: 3 });
    expect((await view()).people.find((p) => p.personId === mentor.id)).toMatchObject({ acknowledgedVersion: 3, needsAcknowledgement: false });
  });

  it.each([
    ['raw HTML', '<script>alert(1)</script>', 'contains HTML'],
    ['an oversized text', 'x'.repeat(7_000), 'too long'],
    ['a link that is not https', '[x](http://example.org)', 'https://'],
  ])('refuses an orientation text with %s, nothing changed', async (_case, body, problem) => {
    const before = await view();
    const refused = await h.api('put', `${base}/texts/executive`, priya.id, { title: 'T', body }, { ifMatch: before.texts.executive.etag });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain(problem);
    expect((await view()).texts).toEqual(before.texts);
  });

  it('sets the sessions (shown on the card, with the link), refusing dates after the year starts and links that are not https', async () => {
    const before = await view();
    const date = addDays(before.yearStartsOn, -4);
    const mentorSession = { date, time: '12:30', duration: 60, place: 'Education Centre, room 2', link: 'https://teams.microsoft.com/l/meetup-join/abc' };
    const late = await h.api('put', `${base}/sessions`, priya.id, { mentor: { ...mentorSession, date: addDays(before.yearStartsOn, 1) } }, { ifMatch: before.sessionsEtag });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toContain("Mentors' session: Please choose a day before the start of the year");
    const http = await h.api('put', `${base}/sessions`, priya.id, { mentor: { ...mentorSession, link: 'http://evil.test' } }, { ifMatch: before.sessionsEtag });
    expect(http.body.error.message).toContain('must start with https://');
    const saved = await h.api('put', `${base}/sessions`, priya.id, { mentor: mentorSession, executive: null }, { ifMatch: before.sessionsEtag });
    expect(saved.status).toBe(200);
    expect(saved.body.sessions).toEqual({ mentor: { date, time: '12:30', durationMinutes: 60, place: 'Education Centre, room 2', link: mentorSession.link }, executive: null });
    expect((await h.api('put', `${base}/sessions`, priya.id, { mentor: mentorSession }, { ifMatch: before.sessionsEtag })).status).toBe(409);
    const card = (await h.click(mentor, 'orientation.view', { cohortId: DEMO_COHORT_ID })).card as Card;
    expect(textOf(card)).toContain('Education Centre, room 2');
    expect(textOf(card)).toContain('"url":"https://teams.microsoft.com/l/meetup-join/abc"');
    expect(textOf((await h.click(executive, 'orientation.view', { cohortId: DEMO_COHORT_ID })).card)).toContain('The taskforce will set the date soon');
  });

  it('reminds only those still to acknowledge, and a double click once', async () => {
    const before = await view();
    const waiting = before.people.filter((p) => p.needsAcknowledgement).map((p) => p.personId);
    const sent = await h.api('post', `${base}/reminders`, priya.id);
    expect(sent.status).toBe(202);
    expect(sent.body.reminder.total).toBe(waiting.length);
    const again = await h.api('post', `${base}/reminders`, priya.id);
    expect(again.body.reminder.key).toBe(sent.body.reminder.key);
    await settle(sent.body.reminder.key);
    for (const p of people) {
      const reminders = h.cardsOf(p).filter((c) => textOf(c).includes('A reminder from the taskforce'));
      expect([p.name, reminders.length]).toEqual([p.name, waiting.includes(p.id) ? 1 : 0]);
      reminders.forEach(expectValidCard);
    }
    expect((await view()).reminder).toMatchObject({ key: sent.body.reminder.key, state: 'done' });
    // Later, a new click is a new reminder.
    h.clock.advance(10 * 60_000);
    const later = await h.api('post', `${base}/reminders`, priya.id);
    expect(later.body.reminder.key).not.toBe(sent.body.reminder.key);
    expect(later.body.reminder.total).toBe(waiting.length);
    await settle(later.body.reminder.key);
  });

  it('shows a participant their own orientation', async () => {
    const mine = await h.api('get', '/api/me/orientations', mentor.id);
    expect(mine.body.orientations).toEqual([
      expect.objectContaining({ cohortId: DEMO_COHORT_ID, role: 'mentor', version: 3, acknowledgedVersion: 3, needsAcknowledgement: false }),
    ]);
    expect((await h.api('get', '/api/me/orientations', outsider.id)).body.orientations).toEqual([]);
  });

  it('answers 401 without a token and 403 to someone outside the taskforce on every taskforce route', async () => {
    const routes: [string, string][] = [
      ['get', base],
      ['put', `${base}/texts/mentor`],
      ['put', `${base}/sessions`],
      ['post', `${base}/reminders`],
    ];
    await h.expectRefusedWithoutRole(routes, mentor.id);
    expect((await h.api('get', '/api/me/orientations', undefined)).status).toBe(401);
  });
});

import { DEMO_COHORT_ID } from '../../../bot/program/demo/demoData';
import type { YearViewJson } from '../../../bot/program/year/api';
import { addDays, nextWorkingDay, zonedInstant } from '../../../bot/calendar/calendarTime';
import { expectValidCard, IntakeHarness, type Card } from '../intakeHarness';
import { attendanceOf, buttonData, confirmDemoPairs, headingOf, meetingButtonData, runJobsAt, scheduleIceBreaker, taskforceLead, type TestPair } from './yearHarness';

const TIME_ZONE = 'America/Chicago';
const WEEKDAYS = { workingDays: [1, 2, 3, 4, 5] as (1 | 2 | 3 | 4 | 5)[] };

/**
 * A whole year through the real service, a day at a time on the injected clock. Before it starts, pairs A and B
 * acknowledge their orientations and answer the ice-breaker invitation (yes, maybe, no, yes) on their cards; the other
 * pairs do neither. Then pair A books and logs every quarter
 * (double-clicking, rescheduling once, meeting once in the executive's office); pair B misses quarter 1, then pauses
 * and meets the other three; every other pair does nothing. The service restarts between quarters 2 and 3. Each
 * person's cards are labelled and compared with the exact list they should have received: none twice, none missing.
 */
describe('a whole year of meetings and nudges', () => {
  let h: IntakeHarness;
  let pairs: TestPair[];
  let taskforce: string[];
  /** Cards already labelled, per person. */
  const seen = new Map<string, number>();
  const received = new Map<string, { label: string; day: string; card: Card }[]>();

  beforeAll(async () => {
    h = await IntakeHarness.start();
    taskforce = h.service.app.directorySync.roles().taskforce;
    for (const id of taskforce) await h.install({ id, name: h.person(id).name });
    pairs = await confirmDemoPairs(h);
  }, 120_000);
  afterAll(async () => {
    await h.stop();
  });

  /** What a card is, from its heading and the meeting its buttons name. */
  const labelOf = (card: Card): string => {
    const heading = headingOf(card);
    const meeting = (): string => {
      for (const verb of ['year.log', 'year.bookForm', 'year.logForm', 'year.agendaView']) {
        try {
          return meetingButtonData(card, verb).meeting;
        } catch {
          // not on this card
        }
      }
      return '?';
    };
    if (/^Meet your (mentor|mentee)/.test(heading)) return 'intro';
    if (/^Your orientation as a/.test(heading)) return 'orientation';
    if (heading === 'You are invited: the Mentoring Up ice breaker')
      return JSON.stringify(card).includes('A reminder: the ice breaker is on') ? 'iceBreakerReminder' : 'iceBreaker';
    if (/^Time to book/.test(heading)) return `book:${meeting()}`;
    if (/^(Meeting \d|The shadowing visit) with .* is /.test(heading)) return `agenda:${meeting()}`;
    if (/^Did you meet/.test(heading)) return `didYouMeet:${meeting()}`;
    if (/^Two weeks left for meeting/.test(heading)) return `last:${meeting()}`;
    if (/^Two weeks left to log meeting/.test(heading)) return `lastLog:${meeting()}`;
    const closed = /^No meeting logged: (.*)$/.exec(heading);
    if (closed) return `closed:${closed[1]}:${/Quarter (\d) closed/.exec(JSON.stringify(card))?.[1] ?? '?'}`;
    return `other:${heading}`;
  };
  const collect = (day: string): void => {
    const everyone = [...pairs.flatMap((p) => [p.executive.id, p.mentor.id]), ...taskforce];
    for (const id of new Set(everyone)) {
      const cards = h.cardsOf({ id, name: '' });
      const from = seen.get(id) ?? 0;
      const list = received.get(id) ?? [];
      for (const card of cards.slice(from)) {
        expectValidCard(card);
        list.push({ label: labelOf(card), day, card });
      }
      received.set(id, list);
      seen.set(id, cards.length);
    }
  };
  const labels = (id: string): string[] => (received.get(id) ?? []).map((r) => r.label).sort();
  const latest = (id: string, label: string): Card => {
    const found = (received.get(id) ?? []).filter((r) => r.label === label);
    if (found.length === 0) throw new Error(`${id} has no ${label} card`);
    return found[found.length - 1].card;
  };
  const click = async (who: { id: string; name: string }, verb: string, data: Record<string, unknown>): Promise<string> => {
    const answer = await h.click(who, verb, data);
    if (!answer.card) throw new Error(`${verb} answered no card`);
    return headingOf(answer.card);
  };

  /** The last card with this label a person received, as the tests hold it (before any click changed it). */
  const lastReceived = (id: string, label: string): Card => {
    collect('before the year');
    return latest(id, label);
  };

  it('sends each person exactly the cards their pair’s year calls for, across a restart, and shows the taskforce orientations, RSVPs and who is at risk', async () => {
    await runJobsAt(h, new Date());
    const before: YearViewJson = (await h.api('get', `/api/cohorts/${DEMO_COHORT_ID}/year`, taskforceLead.id)).body;
    const quarters = before.year!.quarters;
    const [a, b, ...others] = pairs;
    expect(others.length).toBeGreaterThan(0);

    // Pairs A and B acknowledge the orientation card they got; the taskforce schedules the ice breaker the Thursday
    // before the year starts, and A and B answer the invitation on its card.
    for (const who of [a.executive, a.mentor, b.executive, b.mentor]) {
      const card = lastReceived(who.id, 'orientation');
      expect(headingOf((await h.click(who, 'orientation.acknowledge', buttonData(card, 'orientation.acknowledge'))).card!)).toMatch(/^Your orientation as a/);
    }
    const iceBreakerOn = addDays(before.year!.startsOn, -4);
    await scheduleIceBreaker(h, iceBreakerOn);
    const rsvps: [TestPair['executive'], 'yes' | 'no' | 'maybe'][] = [
      [a.executive, 'yes'],
      [a.mentor, 'maybe'],
      [b.executive, 'no'],
      [b.mentor, 'yes'],
    ];
    for (const [who, answer] of rsvps) {
      const answered = await h.click(who, 'icebreaker.rsvp', buttonData(lastReceived(who.id, 'iceBreaker'), 'icebreaker.rsvp', answer));
      expect(JSON.stringify(answered.card)).toContain('Your answer: ');
    }
    const meetingDay = (q: number) => nextWorkingDay(addDays(quarters[q - 1].opensOn, 20), WEEKDAYS);
    const bookDay = (q: number) => nextWorkingDay(quarters[q - 1].opensOn, WEEKDAYS);
    const pauseDay = addDays(quarters[1].opensOn, -1);
    const restartDay = addDays(quarters[2].opensOn, -1);
    const lastDay = addDays(before.year!.endsOn, 10);

    /** The pair books from the book nudge the booker got, and the other logs from the "did you meet?" card. */
    const book = async (booker: { id: string; name: string }, q: number, date: string) => {
      const data = meetingButtonData(latest(booker.id, `book:${q}`), 'year.bookForm');
      const form = { ...data, date, time: '10:00', placeKind: q === 2 ? 'mentor-area' : q === 3 ? 'executive-office' : 'common-area', place: '' };
      expect(await click(booker, 'year.book', form)).toBe(`Meeting ${q} is booked`);
      return form;
    };

    // From before the ice breaker's reminder (the working day before it) to after the year.
    for (let day = addDays(iceBreakerOn, -3); day <= lastDay; day = addDays(day, 1)) {
      await runJobsAt(h, zonedInstant(day, '12:00', TIME_ZONE));
      collect(day);
      for (const q of [1, 2, 3, 4]) {
        if (day === bookDay(q)) {
          const form = await book(a.executive, q, meetingDay(q));
          if (q === 1) expect(await click(a.executive, 'year.book', form)).toBe('Meeting 1 is already booked'); // double click
          if (q === 4) {
            // Reschedule a week later, from a fresh card: the reminders move with it.
            const fresh = meetingButtonData((await h.say(a.executive, 'meetings'))[0], 'year.bookForm');
            collect(day);
            expect(await click(a.executive, 'year.book', { ...form, ...fresh, meeting: '4', date: addDays(meetingDay(4), 7) })).toBe('Meeting 4 is booked');
          }
          if (q > 1) await book(b.executive, q, meetingDay(q));
        }
        const heldDay = q === 4 ? addDays(meetingDay(4), 7) : meetingDay(q);
        if (day === nextWorkingDay(addDays(heldDay, 1), WEEKDAYS)) {
          for (const pair of q === 1 ? [a] : [a, b]) {
            const card = latest(pair.mentor.id, `didYouMeet:${q}`);
            const where = q === 2 ? 'mentor-area' : q === 3 ? 'executive-office' : 'common-area';
            expect(await click(pair.mentor, 'year.log', { ...meetingButtonData(card, 'year.log'), heldOn: heldDay, where, note: `Notes of meeting ${q}` })).toBe(
              `Meeting ${q} is logged`,
            );
          }
        }
      }
      if (day === pauseDay) {
        await h.say(b.mentor, 'pause 2');
        collect(day);
      }
      if (day === restartDay) await h.restart();
    }

    const replies = (id: string) => (received.get(id) ?? []).filter((r) => r.label.startsWith('other:Your meetings')).map((r) => r.label);
    // The other stages' cards in the same year: the orientation and the pre survey when the pairs are confirmed, the
    // ice breaker's invitation and its reminder (not to someone who said no), the pre survey's reminder a week on, and
    // the post survey at the end with its reminder a week later (nobody here answers a survey).
    const fromOtherStages = (saidNo = false) => [
      'orientation',
      'other:Before you start: a short survey',
      'iceBreaker',
      ...(saidNo ? [] : ['iceBreakerReminder']),
      'other:A reminder: the starting survey',
      'other:Your year in mentoring: a short survey',
      'other:A reminder: the end-of-year survey',
    ];
    const perQuarter = (kinds: string[], qs: number[]) => qs.flatMap((q) => kinds.map((k) => `${k}:${q}`));
    const expectedA = ['intro', ...perQuarter(['book', 'agenda', 'didYouMeet'], [1, 2, 3, 4])].sort();
    // Pair A's executive also asked for the plan once ("meetings", when rescheduling meeting 4).
    expect(replies(a.executive.id)).toEqual(['other:Your meetings with ' + a.mentor.name]);
    expect(labels(a.executive.id)).toEqual([...expectedA, ...replies(a.executive.id), ...fromOtherStages()].sort());
    expect(labels(a.mentor.id)).toEqual([...expectedA, ...fromOtherStages()].sort());
    const expectedB = ['intro', 'book:1', 'last:1', ...perQuarter(['book', 'agenda', 'didYouMeet'], [2, 3, 4])].sort();
    expect(labels(b.executive.id)).toEqual([...expectedB, ...fromOtherStages(true)].sort());
    // The pause held the mentor's quarter-2 "book" nudge; by the pause's end the executive had booked, so it was dropped.
    expect(labels(b.mentor.id)).toEqual([...expectedB.filter((l) => l !== 'book:2'), 'other:Reminders paused', ...fromOtherStages()].sort());
    expect(received.get(b.executive.id)!.find((r) => r.label === 'book:2')!.day).toBe(bookDay(2));
    const expectedOther = ['intro', ...perQuarter(['book', 'last'], [1, 2, 3, 4])].sort();
    for (const p of others) {
      expect(labels(p.executive.id)).toEqual([...expectedOther, ...fromOtherStages()].sort());
      expect(labels(p.mentor.id)).toEqual([...expectedOther, ...fromOtherStages()].sort());
    }
    const closedFor = (p: TestPair, q: number) => `closed:${p.executive.name} and ${p.mentor.name}:${q}`;
    const expectedTaskforce = [closedFor(b, 1), ...others.flatMap((p) => [1, 2, 3, 4].map((q) => closedFor(p, q)))].sort();
    // The same taskforce after the restart (the sample org's roles do not depend on the order people are read in).
    expect([...h.service.app.directorySync.roles().taskforce].sort()).toEqual([...taskforce].sort());
    for (const id of taskforce) expect(labels(id)).toEqual(expectedTaskforce);

    const view: YearViewJson = (await h.api('get', `/api/cohorts/${DEMO_COHORT_ID}/year`, taskforceLead.id)).body;
    expect(view.pairs.map((p) => p.atRisk)).toEqual([...Array(pairs.length - 1).fill(true), false]);
    const rowA = view.pairs[view.pairs.length - 1];
    expect(rowA.executive.id).toBe(a.executive.id);
    expect(rowA.shadowingDone).toBe(true);
    expect(rowA.meetings.map((m) => [m.status, m.flagged])).toEqual([
      ['held', false],
      ['held', false],
      ['held', true],
      ['held', false],
    ]);
    const rowB = view.pairs.find((p) => p.executive.id === b.executive.id)!;
    expect(rowB.meetings.map((m) => m.status)).toEqual(['missed', 'held', 'held', 'held']);
    const ofPair = (p: TestPair, outcome: string) => view.nudges.filter((n) => n.executiveId === p.executive.id && n.outcome === outcome);
    expect(ofPair(a, 'sent')).toHaveLength(2 * (expectedA.length - 1));
    const bookTwo = ofPair(b, 'sent').filter((n) => n.kind === 'year.nudge.book' && n.meeting === 2);
    expect(bookTwo.map((n) => n.to)).toEqual([b.executive.name]); // the mentor's was cancelled once the meeting was booked
    expect(view.nudges.filter((n) => n.kind === 'year.quarter.close' && n.outcome === 'sent')).toHaveLength(1 + 4 * others.length);
    expect(JSON.stringify(view)).not.toContain('Notes of meeting');

    // The taskforce sees who acknowledged the orientation (version 1) and each answer to the ice breaker.
    expect(view.iceBreakerOn).toBe(iceBreakerOn);
    const attendance = (p: TestPair) => attendanceOf(view, p);
    expect(attendance(a)).toEqual([1, 'yes', 1, 'maybe']);
    expect(attendance(b)).toEqual([1, 'no', 1, 'yes']);
    for (const p of others) expect(attendance(p)).toEqual([null, null, null, null]);
  }, 900_000);
});

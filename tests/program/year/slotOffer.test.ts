import { createEventRequest } from '../../../bot/calendar/calendarRequests';
import type { Slot } from '../../../bot/calendar/commonSlots';
import { readBooking, TIME_FOR_CALENDAR } from '../../../bot/program/year/bookingRules';
import { meetingEventInput } from '../../../bot/program/year/meetingEvent';
import { findTimeQuery, slotButtons, slotChoice } from '../../../bot/program/year/slotOffer';
import { applyMeetingEvent, type Booking, type Meeting } from '../../../bot/program/year/yearPlan';
import { defaultAgendaSet } from '../../../bot/program/year/agendaRules';
import { findTimeCard, meetingButtons, noTimeCard, planCard, type PairView } from '../../../bot/program/year/stage/yearCards';
import { cardProblems } from '../../support/cardChecks';
import { CALENDAR, houston, newPlan } from './yearFixtures';
import { headingOf } from './yearHarness';

const plan = newPlan();
const [first, shadowing] = plan.meetings;
const now = houston('2030-01-14T10:00:00');
const people = { mentor: { email: 'jordan@hospital.org', name: 'Jordan Lee' }, executive: { email: 'angela@hospital.org', name: 'Angela Brooks' } };

function booked(meeting: Meeting, booking: Partial<Booking>): Meeting {
  const full: Booking = { date: '2030-01-22', time: '14:00', durationMinutes: 60, placeKind: 'virtual', place: '', bookedBy: 'exec-1', bookedAt: now.toISOString(), ...booking };
  const transition = applyMeetingEvent(meeting, { type: 'book', booking: full });
  if (!transition.ok) throw new Error(transition.message);
  return transition.meeting;
}

describe('finding a time', () => {
  it('reads free/busy from now to the end of the quarter, as far as one getSchedule reaches', () => {
    const query = findTimeQuery(first, CALENDAR, houston('2030-01-14T10:00:17'))!;
    expect(query.start.toISOString()).toBe('2030-01-14T16:00:00.000Z');
    expect((query.end.getTime() - query.start.getTime()) / 86_400_000).toBe(62);
    const late = findTimeQuery(first, CALENDAR, houston('2030-04-01T10:00:00', '-05:00'))!;
    expect(late.end.toISOString()).toBe('2030-04-07T05:00:00.000Z'); // midnight after 6 April, Houston summer time
    expect(findTimeQuery(first, CALENDAR, houston('2030-04-08T10:00:00', '-05:00'))).toBeUndefined();
  });

  it('shows each slot as a day and times in the program’s zone, marking a tentative one', () => {
    const slots: Slot[] = [
      { start: '2030-01-15T20:00:00.000Z', end: '2030-01-15T21:00:00.000Z', date: '2030-01-15', time: '14:00', tentative: false },
      { start: '2030-01-16T15:00:00.000Z', end: '2030-01-16T16:30:00.000Z', date: '2030-01-16', time: '09:00', tentative: true },
    ];
    expect(slotButtons(slots, CALENDAR)).toEqual([
      { title: 'Tuesday 15 January, 14:00–15:00', start: '2030-01-15T20:00:00.000Z' },
      { title: 'Wednesday 16 January, 09:00–10:30 (tentative)', start: '2030-01-16T15:00:00.000Z' },
    ]);
  });

  it('turns a chosen slot into the form’s inputs: the local day and time, and the meeting’s usual length', () => {
    expect(slotChoice('2030-01-15T20:00:00.000Z', first, { now, calendar: CALENDAR })).toEqual({ ok: true, inputs: { date: '2030-01-15', time: '14:00', duration: 60 } });
    expect(slotChoice('2030-04-16T14:00:00Z', shadowing, { now, calendar: CALENDAR })).toEqual({ ok: true, inputs: { date: '2030-04-16', time: '09:00', duration: 90 } });
  });

  it.each([
    ['a slot that has passed', '2030-01-14T15:00:00Z'],
    ['a slot starting now', now.toISOString()],
    ['no start', undefined],
    ['a date without a time', '2030-01-15'],
    ['a local time without a zone', '2030-01-15T14:00:00'],
    ['nonsense', 'next tuesday'],
  ])('refuses %s (the card is out of date)', (_name, start) => {
    expect(slotChoice(start, first, { now, calendar: CALENDAR })).toEqual({ ok: false });
  });

  it('needs a time on the form once a meeting is in both calendars, so its invitation can move', () => {
    const inCalendar = { ...booked(first, {}), calendarEvent: { id: 'event-1' } };
    expect(readBooking({ date: '2030-01-23', placeKind: 'virtual' }, inCalendar, { now, calendar: CALENDAR, bookedBy: 'mentor-1' })).toEqual({
      ok: false,
      errors: { time: TIME_FOR_CALENDAR },
    });
    expect(readBooking({ date: '2030-01-23', time: '10:00', placeKind: 'virtual' }, inCalendar, { now, calendar: CALENDAR, bookedBy: 'mentor-1' }).ok).toBe(true);
    expect(readBooking({ date: '2030-01-23', placeKind: 'virtual' }, first, { now, calendar: CALENDAR, bookedBy: 'mentor-1' }).ok).toBe(true);
  });
});

describe('the calendar event of a booked meeting', () => {
  const input = (meeting: Meeting) => meetingEventInput({ organiserId: 'organiser', plan, meeting, agendaTitle: 'Getting to know each other', people, calendar: CALENDAR });

  it('invites both people to a Teams call at the booked time, in UTC', () => {
    const event = createEventRequest(input(booked(first, {}))).body;
    expect(event).toMatchObject({
      subject: 'Mentoring Up: Getting to know each other',
      start: { dateTime: '2030-01-22T20:00:00', timeZone: 'UTC' },
      end: { dateTime: '2030-01-22T21:00:00', timeZone: 'UTC' },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
    expect(event.attendees.map((a) => a.emailAddress.address)).toEqual(['jordan@hospital.org', 'angela@hospital.org']);
    expect(event.location).toBeUndefined();
  });

  it('puts the shadowing visit in person at the mentor’s place, with no Teams link', () => {
    const visit = booked(shadowing, { date: '2030-04-16', time: '09:00', durationMinutes: 90, placeKind: 'mentor-area', place: 'Pharmacy, level B3' });
    const event = createEventRequest(input(visit)).body;
    expect(event).toMatchObject({ isOnlineMeeting: false, location: { displayName: 'Pharmacy, level B3' }, end: { dateTime: '2030-04-16T15:30:00' } });
    expect(event.onlineMeetingProvider).toBeUndefined();
    expect(event.body.content).toContain('shadowing visit');
  });

  it('gives the same transaction id to the same booking, and a new one to a later booking', () => {
    const once = input(booked(first, {})).transactionId;
    expect(input(booked(first, {})).transactionId).toBe(once);
    const moved = booked(booked(first, {}), { time: '15:00' });
    expect(input(moved).transactionId).not.toBe(once);
    const backAgain = booked(moved, { time: '14:00' });
    expect(input(backAgain).transactionId).not.toBe(once); // a new revision: not the first event given back
  });

  it('refuses a meeting booked on a day alone (no time to put in a calendar)', () => {
    expect(() => input(booked(first, { time: undefined }))).toThrow(RangeError);
  });
});

describe('the cards of finding a time', () => {
  const view: PairView = { plan, role: 'executive', partnerName: 'Jordan Lee', agendas: defaultAgendaSet(), findTime: true };
  const slots = [
    { title: 'Tuesday 15 January, 14:00–15:00', start: '2030-01-15T20:00:00.000Z' },
    { title: 'Thursday 17 January, 09:00–10:00', start: '2030-01-17T15:00:00.000Z' },
  ];

  it('offers "Find a time" on planned and booked meetings only when the calendars can be read', () => {
    expect(meetingButtons(plan, first, true).map((b) => b.title)).toEqual(['Find a time', 'Book a date', 'Agenda']);
    expect(meetingButtons(plan, booked(first, {}), true).map((b) => b.title)).toEqual(['Log it', 'Find another time', 'Change the date', 'Agenda']);
    expect(meetingButtons(plan, first).map((b) => b.verb)).not.toContain('year.findTime');
    expect(JSON.stringify(planCard({ ...view, findTime: false }, new Map()))).not.toContain('year.findTime');
    expect(cardProblems(planCard(view, new Map()))).toEqual([]);
  });

  it('puts one button per slot carrying ids, version and start only, with how to meet and the form', () => {
    const card = findTimeCard(view, first, slots, CALENDAR.timeZone);
    expect(cardProblems(card)).toEqual([]);
    const actions = card.actions as { title: string; verb: string; data: Record<string, string> }[];
    expect(actions.map((a) => [a.title, a.verb])).toEqual([
      ['Tuesday 15 January, 14:00–15:00', 'year.bookSlot'],
      ['Thursday 17 January, 09:00–10:00', 'year.bookSlot'],
      ['Enter a date we agreed', 'year.bookForm'],
    ]);
    expect(actions[0].data).toEqual({ cohortId: 'c2030', executiveId: 'exec-1', meeting: '1', version: '0', start: '2030-01-15T20:00:00.000Z' });
    expect(JSON.stringify(card)).toContain('"value":"virtual"');
    expect(JSON.stringify(card)).toContain('America/Chicago time');
  });

  it('offers only the mentor’s area for the shadowing visit', () => {
    const card = findTimeCard(view, shadowing, slots, CALENDAR.timeZone);
    expect(cardProblems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('"value":"mentor-area"');
    expect(text).not.toContain('"value":"virtual"');
    expect(text).toContain('the invitation has no Teams link');
  });

  it.each([
    ['unreadable', 'We could not read both calendars', ['year.bookForm', 'year.plan']],
    ['noSlot', 'No common free time found', ['year.bookForm', 'year.plan']],
    ['unreachable', 'The calendars did not answer', ['year.findTime', 'year.bookForm', 'year.plan']],
    ['closed', 'No time left in this quarter', ['year.plan']],
  ] as const)('explains %s kindly, with what can be done instead', (reason, title, verbs) => {
    const card = noTimeCard(view, first, reason);
    expect(cardProblems(card)).toEqual([]);
    expect(headingOf(card)).toBe(title);
    expect((card.actions as { verb: string }[]).map((a) => a.verb)).toEqual(verbs);
  });
});

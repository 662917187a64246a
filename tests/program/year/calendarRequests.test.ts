import { createEventRequest, eventBodyHtml, eventTransactionId, getScheduleRequest, scheduleQueryFor, type EventInput } from '../../../bot/calendar/calendarRequests';
import { meetingEventMode } from '../../../bot/program/year/meetingEvent';
import { CALENDAR, houston, newPlan } from './yearFixtures';

const window = newPlan().meetings[0].window;

describe('the free/busy request', () => {
  it('asks from now for four weeks, in UTC, inside the window', () => {
    const query = scheduleQueryFor(window, CALENDAR, houston('2030-01-14T08:00:17'))!;
    expect(query).toEqual({ start: new Date('2030-01-14T14:00:00Z'), end: new Date('2030-02-11T14:00:00Z'), intervalMinutes: 15 });
    expect(getScheduleRequest('organiser@hospital.org', ['jordan@hospital.org', 'angela@hospital.org'], query)).toEqual({
      method: 'POST',
      path: '/users/organiser%40hospital.org/calendar/getSchedule',
      body: {
        schedules: ['jordan@hospital.org', 'angela@hospital.org'],
        startTime: { dateTime: '2030-01-14T14:00:00', timeZone: 'UTC' },
        endTime: { dateTime: '2030-02-11T14:00:00', timeZone: 'UTC' },
        availabilityViewInterval: 15,
      },
    });
  });
  it('starts at the window’s first day before it opens and stops at its last day', () => {
    const early = scheduleQueryFor(window, CALENDAR, houston('2029-12-01T08:00:00'), { horizonDays: 200 })!;
    expect(early.start.toISOString()).toBe('2030-01-07T06:00:00.000Z');
    expect((early.end.getTime() - early.start.getTime()) / 86_400_000).toBe(62);
    const late = scheduleQueryFor(window, CALENDAR, houston('2030-04-01T08:00:00', '-05:00'))!;
    expect(late.end.toISOString()).toBe('2030-04-07T05:00:00.000Z');
  });
  it('asks nothing once the window has closed', () => {
    expect(scheduleQueryFor(window, CALENDAR, houston('2030-04-07T00:00:00', '-05:00'))).toBeUndefined();
  });
  it.each([
    ['an interval under 5 minutes', { intervalMinutes: 4 }],
    ['an interval over a day', { intervalMinutes: 1441 }],
    ['a period over 62 days', { end: new Date('2030-03-20T00:00:00Z') }],
    ['a period that ends before it starts', { end: new Date('2030-01-01T00:00:00Z') }],
  ])('refuses %s', (_name, over) => {
    const query = { start: new Date('2030-01-14T00:00:00Z'), end: new Date('2030-01-21T00:00:00Z'), intervalMinutes: 30, ...over };
    expect(() => getScheduleRequest('o', ['a@x'], query)).toThrow(RangeError);
  });
  it('needs someone to ask about and someone to ask as', () => {
    const query = { start: new Date('2030-01-14T00:00:00Z'), end: new Date('2030-01-21T00:00:00Z'), intervalMinutes: 30 };
    expect(() => getScheduleRequest('o', [], query)).toThrow(RangeError);
    expect(() => getScheduleRequest(' ', ['a@x'], query)).toThrow(RangeError);
  });
});

describe('the calendar event', () => {
  const base: EventInput = {
    organiserId: 'mentoring-up@hospital.org',
    subject: 'Mentoring Up: meeting 1',
    bodyText: 'Agenda: getting to know each other.\n\nQuestions are in Teams.',
    start: new Date('2030-01-21T16:00:00Z'),
    end: new Date('2030-01-21T17:00:00Z'),
    attendees: [
      { email: 'jordan@hospital.org', name: 'Jordan Lee' },
      { email: 'angela@hospital.org', name: 'Angela Brooks' },
    ],
    mode: { kind: 'teams' },
    transactionId: eventTransactionId('p1', 1, 1),
  };
  it('is a Teams meeting for both people, with no new times proposed outside the app', () => {
    const request = createEventRequest(base);
    expect(request.path).toBe('/users/mentoring-up%40hospital.org/events');
    expect(request.body).toEqual({
      subject: 'Mentoring Up: meeting 1',
      body: { contentType: 'HTML', content: '<p>Agenda: getting to know each other.</p><p>Questions are in Teams.</p>' },
      start: { dateTime: '2030-01-21T16:00:00', timeZone: 'UTC' },
      end: { dateTime: '2030-01-21T17:00:00', timeZone: 'UTC' },
      attendees: [
        { emailAddress: { address: 'jordan@hospital.org', name: 'Jordan Lee' }, type: 'required' },
        { emailAddress: { address: 'angela@hospital.org', name: 'Angela Brooks' }, type: 'required' },
      ],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      allowNewTimeProposals: false,
      transactionId: base.transactionId,
    });
  });
  it('puts the shadowing visit in person at the mentor’s place, with no online meeting', () => {
    const body = createEventRequest({ ...base, mode: meetingEventMode('mentor-area', 'Pharmacy, level B3') }).body;
    expect(body.isOnlineMeeting).toBe(false);
    expect(body.onlineMeetingProvider).toBeUndefined();
    expect(body.location).toEqual({ displayName: 'Pharmacy, level B3' });
  });
  it('chooses Teams for a virtual meeting and names the kind of place when none was given', () => {
    expect(meetingEventMode('virtual', '')).toEqual({ kind: 'teams' });
    expect(meetingEventMode('common-area', '  ')).toEqual({ kind: 'inPerson', place: expect.stringContaining('common area') });
  });
  it('escapes the body and flattens the subject, so nothing typed becomes markup', () => {
    const body = createEventRequest({ ...base, subject: 'Hi\nBcc: x <b>', bodyText: '<script>alert("x")</script> & \'more\'\nline two' }).body;
    expect(body.subject).toBe('Hi Bcc: x <b>');
    expect(body.body.content).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;<br>line two</p>');
    expect(eventBodyHtml('a\u202Eb\u0000c')).toBe('<p>a b c</p>');
  });
  it('invites each address once and refuses an event that ends before it starts', () => {
    const twice = createEventRequest({ ...base, attendees: [...base.attendees, { email: 'JORDAN@hospital.org', name: 'Jordan' }, { email: ' ', name: 'nobody' }] });
    expect(twice.body.attendees).toHaveLength(2);
    expect(() => createEventRequest({ ...base, end: base.start })).toThrow(RangeError);
  });
  it('keeps the same transaction id for the same booking and a new one for a reschedule', () => {
    expect(eventTransactionId('p1', 1, 1)).toBe(base.transactionId);
    expect(eventTransactionId('p1', 1, 2)).not.toBe(base.transactionId);
    expect(eventTransactionId('p1', 11, 1)).not.toBe(eventTransactionId('p11', 1, 1));
    expect(base.transactionId).toMatch(/^mentoring-up-[0-9a-f]{32}$/);
  });
});

import { GraphError } from '@microsoft/microsoft-graph-client';
import { createGraphCalendar } from '../../bot/directory/graph/graphCalendar';
import type { Calendar } from '../../bot/calendar/calendar';
import { createEventRequest, eventTransactionId, getScheduleRequest, scheduleQueryFor } from '../../bot/calendar/calendarRequests';
import { findCommonSlots } from '../../bot/calendar/commonSlots';
import { startTestService } from '../support/service';
import { GraphDouble } from './graphDouble';

/** The Graph calendar edge against the loopback Graph double: the wire format both ways, throttling, repeats. */
describe('Graph calendar', () => {
  const calendarSettings = { timeZone: 'America/Chicago', workingDays: [1, 2, 3, 4, 5] as const, workStart: '09:00', workEnd: '17:00', nudgeTime: '08:30' };
  const programCalendar = { ...calendarSettings, workingDays: [...calendarSettings.workingDays] };
  const window = { quarter: 1 as const, opensOn: '2027-01-04', closesOn: '2027-03-31' };
  const now = new Date('2027-01-04T12:00:00Z');
  let graph: GraphDouble;
  let calendar: Calendar;
  let retries: Array<{ status: number; delayMs: number }>;
  let slept: number[];

  beforeEach(async () => {
    graph = await new GraphDouble().start();
    graph.seed([
      { id: 'exec-1', displayName: 'Avery Exec', mail: 'avery@contoso.test', accountEnabled: true },
      { id: 'mentor-1', displayName: 'Jordan Nurse', mail: 'jordan@contoso.test', accountEnabled: true },
      { id: 'organiser', displayName: 'Mentoring Up', mail: 'mentoring@contoso.test', accountEnabled: true },
    ]);
    retries = [];
    slept = [];
    calendar = createGraphCalendar(graph.baseUrl, graph.credential(), {
      sleep: async (ms) => void slept.push(ms),
      onRetry: ({ status, delayMs }) => void retries.push({ status, delayMs }),
    });
  });

  afterEach(() => graph.close());

  function meetingBody(start: Date, transaction: string) {
    return createEventRequest({
      organiserId: 'organiser',
      subject: 'Mentoring meeting 1',
      bodyText: 'Getting to know each other.',
      start,
      end: new Date(start.getTime() + 3600_000),
      attendees: [
        { email: 'avery@contoso.test', name: 'Avery Exec' },
        { email: 'jordan@contoso.test', name: 'Jordan Nurse' },
      ],
      mode: { kind: 'teams' },
      transactionId: eventTransactionId('pair-1', 1, transaction),
    }).body;
  }

  it('reads both free/busy schedules, which give common slots around what is busy', async () => {
    // Jordan is busy all of Tuesday 5 January in Chicago (15:00 to 23:00 UTC covers the working day).
    graph.calendar.addBusy('jordan@contoso.test', { start: new Date('2027-01-05T15:00:00Z'), end: new Date('2027-01-05T23:00:00Z'), status: 'busy' });
    const query = scheduleQueryFor(window, programCalendar, now, { horizonDays: 7 })!;
    const request = getScheduleRequest('organiser', ['avery@contoso.test', 'jordan@contoso.test'], query);

    const schedules = await calendar.getSchedule('organiser', request.body);

    expect(schedules.map((s) => s.scheduleId)).toEqual(['avery@contoso.test', 'jordan@contoso.test']);
    expect(schedules[0].availabilityView).toMatch(/^0+$/);
    expect(schedules[1].availabilityView).toContain('2');
    const found = findCommonSlots({ schedules, query, window, calendar: programCalendar, now });
    expect(found.ok).toBe(true);
    const days = found.ok ? found.slots.map((slot) => slot.date) : [];
    expect(days).toHaveLength(3);
    expect(days).not.toContain('2027-01-05');
  });

  it('names a mailbox Graph cannot read, so no slot is offered on half the facts', async () => {
    const query = scheduleQueryFor(window, programCalendar, now, { horizonDays: 7 })!;
    const schedules = await calendar.getSchedule('organiser', getScheduleRequest('organiser', ['avery@contoso.test', 'left@contoso.test'], query).body);

    expect(schedules[1].error?.responseCode).toBe('ErrorMailRecipientNotFound');
    expect(findCommonSlots({ schedules, query, window, calendar: programCalendar, now })).toEqual({ ok: false, unreadable: ['left@contoso.test'] });
  });

  it('books a Teams meeting once, however often the same booking is sent', async () => {
    const body = meetingBody(new Date('2027-01-06T16:00:00Z'), 'first');

    const first = await calendar.createEvent('organiser', body);
    const again = await calendar.createEvent('organiser', body);

    expect(first.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(first.webLink).toMatch(/^https:\/\//);
    expect(again.id).toBe(first.id);
    expect(graph.calendar.liveEvents()).toHaveLength(1);
    expect(graph.calendar.liveEvents()[0].body).toMatchObject({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', attendees: body.attendees });
  });

  it('waits out a throttled answer (429 with Retry-After) and then books', async () => {
    graph.calendar.failNext({ status: 429, retryAfter: '2' });

    const created = await calendar.createEvent('organiser', meetingBody(new Date('2027-01-06T16:00:00Z'), 'throttled'));

    expect(created.id).not.toBe('');
    expect(retries).toEqual([{ status: 429, delayMs: 2000 }]);
    expect(slept).toEqual([2000]);
    expect(graph.requests.filter((r) => r.path.endsWith('/events')).map((r) => r.status)).toEqual([429, 201]);
  });

  it('gives up at once when Graph asks for a wait longer than a person should sit through', async () => {
    graph.calendar.failNext({ status: 429, retryAfter: '120' });

    await expect(calendar.createEvent('organiser', meetingBody(new Date('2027-01-06T16:00:00Z'), 'long wait'))).rejects.toBeInstanceOf(GraphError);
    expect(slept).toEqual([]);
    expect(graph.calendar.liveEvents()).toHaveLength(0);
  });

  it('moves a booked meeting, and the people are busy at the new time only', async () => {
    const created = await calendar.createEvent('organiser', meetingBody(new Date('2027-01-06T16:00:00Z'), 'move'));
    const moved = meetingBody(new Date('2027-01-07T16:00:00Z'), 'moved');

    await calendar.updateEvent('organiser', created.id, { start: moved.start, end: moved.end, transactionId: moved.transactionId });

    const patched = graph.calendar.events.get(created.id)!.body;
    expect(patched.start).toEqual(moved.start);
    expect(patched.transactionId).toBe(meetingBody(new Date(), 'move').transactionId); // the creation's: an update leaves it out
    const query = { start: new Date('2027-01-06T00:00:00Z'), end: new Date('2027-01-08T00:00:00Z'), intervalMinutes: 60 };
    const [avery] = await calendar.getSchedule('organiser', getScheduleRequest('organiser', ['avery@contoso.test'], query).body);
    expect(avery.scheduleItems?.map((item) => item.start?.dateTime.slice(0, 16))).toEqual(['2027-01-07T16:00']);
  });

  it('cancels with a comment, and cancelling again is not an error', async () => {
    const created = await calendar.createEvent('organiser', meetingBody(new Date('2027-01-06T16:00:00Z'), 'cancel'));

    await calendar.cancelEvent('organiser', created.id, 'The pair has left the program.');
    await calendar.cancelEvent('organiser', created.id, 'The pair has left the program.');

    expect(graph.calendar.events.get(created.id)?.cancelledWith).toBe('The pair has left the program.');
    expect(graph.calendar.liveEvents()).toHaveLength(0);
  });

  it('refuses to cancel or move another mailbox’s event', async () => {
    const created = await calendar.createEvent('organiser', meetingBody(new Date('2027-01-06T16:00:00Z'), 'theirs'));

    await expect(calendar.updateEvent('mentor-1', created.id, { subject: 'Hijacked' })).rejects.toMatchObject({ statusCode: 404 });
    expect(graph.calendar.events.get(created.id)!.body.subject).toBe('Mentoring meeting 1');
  });

  it('is the service’s calendar when Graph is configured, on the same Graph token as the directory', async () => {
    const service = await startTestService({
      env: { GRAPH_TENANT_ID: 'tenant-1', GRAPH_CLIENT_ID: 'graph-app', GRAPH_CLIENT_SECRET: 'not-used', GRAPH_BASE_URL: graph.baseUrl, GRAPH_CALENDAR_ORGANISER: 'organiser' },
      graphCredential: graph.credential(),
    });
    try {
      expect(service.app.directory().getPerson('mentor-1')?.name).toBe('Jordan Nurse');
      expect(service.app.calendar).toBeDefined();
    } finally {
      await service.stop();
    }
  });
});

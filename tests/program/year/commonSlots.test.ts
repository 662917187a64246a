import { findCommonSlots, graphInstant, type GraphScheduleInformation, type GraphScheduleItem, type SlotSearchInput } from '../../../bot/calendar/commonSlots';
import { scheduleQueryFor } from '../../../bot/calendar/calendarRequests';
import { CALENDAR, houston, newPlan } from './yearFixtures';

const window = newPlan().meetings[0].window;
const now = houston('2030-01-14T08:00:00'); // Monday; with a day's notice the search starts Tuesday 08:00
const query = scheduleQueryFor(window, CALENDAR, now, { horizonDays: 7, intervalMinutes: 30 })!;
const freeView = '0'.repeat(7 * 48);

/** A schedule item as Graph writes it in UTC: times given here as Houston winter time (UTC-6). */
function item(status: string, day: string, from: string, to: string): GraphScheduleItem {
  const utc = (time: string) => new Date(`${day}T${time}:00-06:00`).toISOString().replace('.000Z', '.0000000').replace('Z', '');
  return { status, start: { dateTime: utc(from), timeZone: 'UTC' }, end: { dateTime: utc(to), timeZone: 'UTC' } };
}

function schedule(scheduleId: string, items: GraphScheduleItem[], availabilityView = freeView): GraphScheduleInformation {
  return { scheduleId, availabilityView, scheduleItems: items };
}

function search(mentor: GraphScheduleInformation, executive: GraphScheduleInformation, over: Partial<SlotSearchInput> = {}) {
  return findCommonSlots({ schedules: [mentor, executive], query, window, calendar: CALENDAR, now, ...over });
}

const times = (result: ReturnType<typeof search>) => (result.ok ? result.slots.map((s) => `${s.date} ${s.time}${s.tentative ? ' tentative' : ''}`) : result.unreadable);

describe('common free slots', () => {
  const mentor = schedule('jordan@hospital.org', [
    item('busy', '2030-01-15', '09:00', '12:00'),
    item('oof', '2030-01-16', '00:00', '23:59'),
    item('free', '2030-01-17', '09:00', '17:00'),
  ]);
  const executive = schedule('angela@hospital.org', [
    item('Busy', '2030-01-15', '13:00', '17:00'),
    item('tentative', '2030-01-17', '09:00', '10:00'),
    item('workingElsewhere', '2030-01-18', '09:00', '17:00'),
  ]);

  it('offers up to three slots in working hours, each on a different day, earliest first', () => {
    const result = search(mentor, executive);
    expect(times(result)).toEqual(['2030-01-15 12:00', '2030-01-17 10:00', '2030-01-18 09:00']);
    expect(result.ok && result.slots[0]).toEqual({ start: '2030-01-15T18:00:00.000Z', end: '2030-01-15T19:00:00.000Z', date: '2030-01-15', time: '12:00', tentative: false });
  });
  it('needs a longer gap for the 90-minute shadowing visit (Tuesday has only an hour; the period asked ends Monday 08:00)', () => {
    expect(times(search(mentor, executive, { durationMinutes: 90 }))).toEqual(['2030-01-17 10:00', '2030-01-17 11:30', '2030-01-18 09:00']);
  });
  it('offers tentative time only when fully free time runs out, and says so', () => {
    const busyWeek = (id: string, tentativeDay: string) =>
      schedule(
        id,
        [
          ...['2030-01-15', '2030-01-16', '2030-01-17', '2030-01-18', '2030-01-21'].map((d) => item('busy', d, '09:00', '17:00')),
          item('tentative', tentativeDay, '09:00', '17:00'),
        ].filter((i) => !(i.status === 'busy' && i.start?.dateTime.startsWith(tentativeDay))),
      );
    const result = search(busyWeek('a', '2030-01-16'), schedule('b', []));
    expect(times(result)).toEqual(['2030-01-16 09:00 tentative', '2030-01-16 10:00 tentative', '2030-01-16 11:00 tentative']);
  });
  it('takes a second slot on the same day when there are not enough days', () => {
    const oneDay = scheduleQueryFor(window, CALENDAR, houston('2030-01-15T08:00:00'), { horizonDays: 1, intervalMinutes: 30 })!;
    const result = findCommonSlots({
      schedules: [schedule('a', [item('busy', '2030-01-15', '10:00', '16:00')], '0'.repeat(48)), schedule('b', [], '0'.repeat(48))],
      query: oneDay,
      window,
      calendar: CALENDAR,
      now: houston('2030-01-15T08:00:00'),
      noticeMinutes: 0,
    });
    expect(times(result)).toEqual(['2030-01-15 09:00', '2030-01-15 16:00']);
  });
  it('keeps to the quarter window and never offers the past', () => {
    const shortWindow = { ...window, closesOn: '2030-01-15' };
    expect(times(search(mentor, executive, { window: shortWindow }))).toEqual(['2030-01-15 12:00']);
    const lateMonday = houston('2030-01-14T16:10:00');
    expect(times(search(schedule('a', []), schedule('b', []), { now: lateMonday, noticeMinutes: 0 }))[0]).toBe('2030-01-15 09:00');
    const closed = { ...window, closesOn: '2030-01-13' };
    expect(search(mentor, executive, { window: closed })).toEqual({ ok: true, slots: [] });
  });
  it('reads the availability view as well as the items (a busy digit counts even with no item)', () => {
    const view = [...freeView];
    // Tuesday 15 January 12:00-13:00 in Houston is 18:00-19:00 UTC: the view starts Monday 14:00 UTC, 30 minutes a digit.
    view[(24 + 4) * 2] = '2';
    view[(24 + 4) * 2 + 1] = '2';
    const result = search(schedule(mentor.scheduleId!, mentor.scheduleItems!, view.join('')), executive);
    expect(times(result)[0]).toBe('2030-01-17 10:00');
  });
  it('counts time the view does not cover as busy', () => {
    const result = search(schedule('a', [], '0'.repeat(48)), schedule('b', []));
    expect(result.ok && result.slots).toEqual([]);
  });
  it('falls back on the view when an item’s time zone is a Windows name it cannot read', () => {
    const windowsZone: GraphScheduleItem = {
      status: 'busy',
      start: { dateTime: '2030-01-15T09:00:00.0000000', timeZone: 'Central Standard Time' },
      end: { dateTime: '2030-01-15T17:00:00.0000000', timeZone: 'Central Standard Time' },
    };
    expect(search(schedule('a', [windowsZone]), schedule('b', [])).ok).toBe(true);
    expect(search({ scheduleId: 'a', scheduleItems: [windowsZone] }, schedule('b', []))).toEqual({ ok: false, unreadable: ['a'] });
  });
  it('reports a schedule Graph could not read instead of guessing', () => {
    const failed: GraphScheduleInformation = { scheduleId: 'angela@hospital.org', error: { message: 'Access denied', responseCode: 'ErrorAccessDenied' } };
    expect(search(mentor, failed)).toEqual({ ok: false, unreadable: ['angela@hospital.org'] });
    expect(findCommonSlots({ schedules: [], query, window, calendar: CALENDAR, now })).toEqual({ ok: false, unreadable: [] });
  });
});

describe('Graph date-times', () => {
  it('read UTC with Graph’s seven-digit fractions, IANA zones, and refuse Windows zone names', () => {
    expect(graphInstant({ dateTime: '2019-03-15T12:00:00.0000000', timeZone: 'UTC' })).toBe(Date.parse('2019-03-15T12:00:00Z'));
    expect(graphInstant({ dateTime: '2030-07-08T09:00:00', timeZone: 'America/Chicago' })).toBe(Date.parse('2030-07-08T14:00:00Z'));
    expect(graphInstant({ dateTime: '2019-03-15T12:00:00.0000000', timeZone: 'Pacific Standard Time' })).toBeUndefined();
    expect(graphInstant({ dateTime: 'tomorrow', timeZone: 'UTC' })).toBeUndefined();
  });
});

import { EXECUTIVE_OFFICE_NOTICE, readableDays, readBooking } from '../../../bot/program/year/bookingRules';
import { LOG_LIMITS, readMeetingLog, readPrivateNote } from '../../../bot/program/year/meetingLogRules';
import { CALENDAR, houston, newPlan } from './yearFixtures';

const [first, shadowing] = newPlan().meetings;
const now = houston('2030-01-14T10:00:00');
const context = { now, calendar: CALENDAR, bookedBy: 'exec-1' };

describe('booking a meeting', () => {
  it('accepts a date and time in the quarter, in working hours, with the default length', () => {
    const result = readBooking({ date: '2030-01-21', time: '10:30', placeKind: 'common-area', place: ' Café, level 1 ' }, first, context);
    expect(result).toEqual({
      ok: true,
      notices: [],
      booking: { date: '2030-01-21', time: '10:30', durationMinutes: 60, placeKind: 'common-area', place: 'Café, level 1', bookedBy: 'exec-1', bookedAt: now.toISOString() },
    });
  });
  it('accepts a date without a time (people agreed on the day) and gives the shadowing visit 90 minutes', () => {
    const result = readBooking({ date: '2030-04-15', placeKind: 'mentor-area' }, shadowing, context);
    expect(result).toMatchObject({ ok: true, booking: { date: '2030-04-15', durationMinutes: 90, place: '' } });
    if (result.ok) expect(result.booking.time).toBeUndefined();
  });
  it('accepts later today, and the last minutes of a working day', () => {
    expect(readBooking({ date: '2030-01-14', time: '16:00', placeKind: 'virtual' }, first, context).ok).toBe(true);
    expect(readBooking({ date: '2030-01-14', time: '16:30', duration: '30', placeKind: 'virtual' }, first, context).ok).toBe(true);
  });
  it.each([
    ['no date', { placeKind: 'virtual' }, 'date', 'Please choose the date you agreed.'],
    ['a date outside the quarter', { date: '2030-04-07', placeKind: 'virtual' }, 'date', 'quarter 1: please choose a date between Monday 7 January and Saturday 6 April'],
    ['a past date', { date: '2030-01-11', placeKind: 'virtual' }, 'date', 'That date has passed'],
    ['a time that has passed today', { date: '2030-01-14', time: '09:30', placeKind: 'virtual' }, 'time', 'already passed'],
    ['a time that is not HH:MM', { date: '2030-01-21', time: '10am', placeKind: 'virtual' }, 'time', 'HH:MM'],
    ['a time after hours', { date: '2030-01-21', time: '16:30', placeKind: 'virtual' }, 'time', 'working hours: 09:00–17:00, Monday to Friday'],
    ['a time on a Saturday', { date: '2030-01-19', time: '10:00', placeKind: 'virtual' }, 'time', 'working hours'],
    ['an odd length', { date: '2030-01-21', duration: '600', placeKind: 'virtual' }, 'duration', 'between 15 and 240 minutes'],
    ['no place kind', { date: '2030-01-21' }, 'placeKind', 'where you will meet'],
    ['an unknown place kind', { date: '2030-01-21', placeKind: 'golf-course' }, 'placeKind', 'where you will meet'],
    ['an HTML place', { date: '2030-01-21', placeKind: 'common-area', place: '<img src=x>' }, 'place', 'HTML'],
  ])('refuses %s with a kind sentence', (_name, raw, field, message) => {
    const result = readBooking(raw, first, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field as keyof typeof result.errors]).toContain(message);
  });
  it('books the shadowing visit in the mentor’s area only', () => {
    const result = readBooking({ date: '2030-04-15', placeKind: 'virtual' }, shadowing, context);
    expect(result).toEqual({ ok: false, errors: { placeKind: 'The shadowing visit happens where the mentor works. Please choose the mentor’s area.' } });
  });
  it('books the executive’s office with a notice about the roles', () => {
    const result = readBooking({ date: '2030-01-21', placeKind: 'executive-office' }, first, context);
    expect(result).toMatchObject({ ok: true, notices: [EXECUTIVE_OFFICE_NOTICE] });
  });
  it('reports every wrong field at once', () => {
    const result = readBooking({ date: 'soon', duration: 'x', placeKind: '?' }, first, context);
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(['date', 'duration', 'placeKind']);
  });
  it('describes working days in words', () => {
    expect(readableDays([5, 1, 2, 3, 4])).toBe('Monday to Friday');
    expect(readableDays([1, 3, 5])).toBe('Monday, Wednesday and Friday');
    expect(readableDays([6, 7])).toBe('Saturday and Sunday');
    expect(readableDays([2])).toBe('Tuesday');
  });
});

describe('logging a meeting', () => {
  const logContext = { now, timeZone: CALENDAR.timeZone };
  it('accepts a day in the window up to today, a place and a note', () => {
    const result = readMeetingLog({ heldOn: '2030-01-14', where: 'common-area', note: '  We met at the café.\nGood talk. ' }, first, logContext);
    expect(result).toEqual({ ok: true, log: { heldOn: '2030-01-14', where: 'common-area', note: 'We met at the café.\nGood talk.', flaggedForTaskforce: false } });
  });
  it('flags a meeting in the executive’s office for the taskforce', () => {
    expect(readMeetingLog({ heldOn: '2030-01-10', where: 'executive-office' }, first, logContext)).toMatchObject({ ok: true, log: { flaggedForTaskforce: true, note: '' } });
  });
  it('logs the shadowing visit only in the mentor’s area', () => {
    const at = { now: houston('2030-04-20T12:00:00', '-05:00'), timeZone: CALENDAR.timeZone };
    expect(readMeetingLog({ heldOn: '2030-04-15', where: 'mentor-area' }, shadowing, at).ok).toBe(true);
    const elsewhere = readMeetingLog({ heldOn: '2030-04-15', where: 'virtual' }, shadowing, at);
    expect(elsewhere.ok ? '' : elsewhere.errors.where).toContain('shadowing visit');
  });
  it.each([
    ['no day', { where: 'virtual' }, 'heldOn', 'the day you met'],
    ['tomorrow', { heldOn: '2030-01-15', where: 'virtual' }, 'heldOn', 'has not come yet'],
    ['a day before the quarter', { heldOn: '2030-01-06', where: 'virtual' }, 'heldOn', 'quarter 1'],
    ['an unknown place', { heldOn: '2030-01-10', where: 'pub' }, 'where', 'where you met'],
    ['a note that is too long', { heldOn: '2030-01-10', where: 'virtual', note: 'x'.repeat(LOG_LIMITS.note + 1) }, 'note', '2,000 characters'],
    ['a note that is not text', { heldOn: '2030-01-10', where: 'virtual', note: { evil: true } }, 'note', 'must be text'],
  ])('refuses %s', (_name, raw, field, message) => {
    const result = readMeetingLog(raw, first, logContext);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field as keyof typeof result.errors]).toContain(message);
  });
  it('takes "today" in the program’s time zone, not the server’s', () => {
    const lateEvening = new Date('2030-01-15T03:00:00Z'); // 21:00 on 14 January in Houston
    expect(readMeetingLog({ heldOn: '2030-01-15', where: 'virtual' }, first, { now: lateEvening, timeZone: CALENDAR.timeZone }).ok).toBe(false);
    expect(readMeetingLog({ heldOn: '2030-01-14', where: 'virtual' }, first, { now: lateEvening, timeZone: CALENDAR.timeZone }).ok).toBe(true);
  });
});

describe('a private note', () => {
  it('keeps hostile text as plain text', () => {
    const hostile = '<script>alert(1)</script> [x](javascript:alert(1)) ${secret} **bold**';
    expect(readPrivateNote(hostile)).toEqual({ ok: true, value: hostile });
  });
  it('drops invisible controls and direction overrides that disguise text', () => {
    expect(readPrivateNote('a\u202Eb\u0000c\uFEFFd\uDC00e')).toEqual({ ok: true, value: 'abcde' });
  });
  it('counts characters, not UTF-16 units, and refuses a huge paste early', () => {
    expect(readPrivateNote('🌙'.repeat(LOG_LIMITS.note)).ok).toBe(true);
    expect(readPrivateNote('🌙'.repeat(LOG_LIMITS.note + 1)).ok).toBe(false);
    expect(readPrivateNote('x'.repeat(5_000_000)).ok).toBe(false);
  });
});

import {
  alumniCandidates,
  invitees,
  readIceBreaker,
  readRsvp,
  reminderJob,
  reminderRecipients,
  type CohortPairRef,
  type IceBreaker,
} from '../../../../bot/program/icebreaker/icebreakerRules';
import { isTeamsLink, readEventDetails } from '../../../../bot/program/year/eventDetails';
import { CALENDAR, houston } from '../yearFixtures';

const cohorts = [
  { id: 'c2028', opensOn: '2028-01-10' },
  { id: 'c2029', opensOn: '2029-01-08' },
  { id: 'c2030', opensOn: '2029-10-01' },
  { id: 'c2031', opensOn: '2030-10-01' },
];
const pairs: CohortPairRef[] = [
  { cohortId: 'c2028', executiveId: 'exec-a', mentorId: 'm1' },
  { cohortId: 'c2029', executiveId: 'exec-a', mentorId: 'm2' },
  { cohortId: 'c2029', executiveId: 'exec-b', mentorId: 'm3' },
  { cohortId: 'c2028', executiveId: 'exec-c', mentorId: 'm4' },
  { cohortId: 'c2029', executiveId: 'exec-d', mentorId: 'm5' },
  { cohortId: 'c2030', executiveId: 'exec-d', mentorId: 'm6' },
  { cohortId: 'c2030', executiveId: 'exec-e', mentorId: 'm7' },
  { cohortId: 'c2031', executiveId: 'exec-f', mentorId: 'm8' },
  { cohortId: 'gone', executiveId: 'exec-g', mentorId: 'm9' },
];
const current = cohorts[2];

describe('alumni executives', () => {
  it('are those paired in an earlier cohort, most recent first, leaving out this cohort’s executives and later cohorts', () => {
    expect(alumniCandidates(pairs, cohorts, current)).toEqual([
      { executiveId: 'exec-a', cohortIds: ['c2029', 'c2028'] },
      { executiveId: 'exec-b', cohortIds: ['c2029'] },
      { executiveId: 'exec-c', cohortIds: ['c2028'] },
    ]);
  });
  it('are none for the first cohort', () => {
    expect(alumniCandidates(pairs, cohorts, cohorts[0])).toEqual([]);
  });
});

describe('invitees', () => {
  it('are everyone in the cohort and the chosen alumni, each once', () => {
    const cohortPairs = pairs.filter((p) => p.cohortId === 'c2030');
    expect(invitees(cohortPairs, ['exec-a', 'exec-d', 'exec-a'])).toEqual([
      { personId: 'm6', role: 'mentor' },
      { personId: 'exec-d', role: 'executive' },
      { personId: 'm7', role: 'mentor' },
      { personId: 'exec-e', role: 'executive' },
      { personId: 'exec-a', role: 'alumnus' },
    ]);
  });
});

describe('scheduling the ice breaker', () => {
  const candidates = alumniCandidates(pairs, cohorts, current);
  const context = { cohortId: 'c2030', today: '2029-12-15', yearStartsOn: '2030-01-07', candidates };
  const raw = {
    date: '2030-01-03',
    time: '12:00',
    duration: '90',
    place: 'Atrium, level 1',
    link: 'https://teams.microsoft.com/l/meetup-join/xyz',
    alumniIds: ['exec-a', 'exec-c'],
  };
  it('accepts a date before the year starts, with chosen alumni', () => {
    expect(readIceBreaker(raw, context)).toEqual({
      ok: true,
      moved: false,
      iceBreaker: {
        cohortId: 'c2030',
        date: '2030-01-03',
        time: '12:00',
        durationMinutes: 90,
        place: 'Atrium, level 1',
        link: 'https://teams.microsoft.com/l/meetup-join/xyz',
        alumniIds: ['exec-a', 'exec-c'],
        revision: 1,
      },
    });
  });
  it.each([
    ['on the day the year starts', { date: '2030-01-07' }, 'date', 'before the start of the year'],
    ['in the past', { date: '2029-12-14' }, 'date', 'has passed'],
    ['with no time', { time: '' }, 'time', 'HH:MM'],
    ['with a link that is not https', { link: 'http://meet.example.org/x' }, 'link', 'https://'],
    ['with a javascript link', { link: 'javascript:alert(1)' }, 'link', 'https://'],
    ['with neither place nor link', { place: '', link: '' }, 'place', 'a place, a meeting link, or both'],
    ['with a place that is too long', { place: 'x'.repeat(201) }, 'place', 'too long'],
    ['with a length of five hours', { duration: 300 }, 'duration', 'between 15 and 240'],
    ['with an alumnus not paired before', { alumniIds: ['exec-e'] }, 'alumni', 'earlier cohort'],
    ['with alumni that are not a list', { alumniIds: 'exec-a' }, 'alumni', 'from the list'],
  ])('refuses one %s', (_name, over, field, message) => {
    const result = readIceBreaker({ ...raw, ...over }, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field as keyof typeof result.errors]).toContain(message);
  });
  it('accepts any https meeting link and recognises a Teams one', () => {
    expect(readIceBreaker({ ...raw, link: 'https://zoom.example.org/j/1' }, context).ok).toBe(true);
    expect(isTeamsLink('https://teams.microsoft.com/l/meetup-join/xyz')).toBe(true);
    expect(isTeamsLink('https://teams.microsoft.com.evil.example/l/x')).toBe(false);
    expect(isTeamsLink('http://teams.microsoft.com/l/x')).toBe(false);
  });
  it('makes a new revision when it moves, and keeps it when only the alumni change', () => {
    const first = readIceBreaker(raw, context);
    if (!first.ok) throw new Error('expected a valid ice breaker');
    const alumniOnly = readIceBreaker({ ...raw, alumniIds: ['exec-b'] }, { ...context, current: first.iceBreaker });
    expect(alumniOnly).toMatchObject({ ok: true, moved: false, iceBreaker: { revision: 1, alumniIds: ['exec-b'] } });
    const moved = readIceBreaker({ ...raw, time: '13:00' }, { ...context, current: first.iceBreaker });
    expect(moved).toMatchObject({ ok: true, moved: true, iceBreaker: { revision: 2 } });
  });
});

describe('answers and the reminder', () => {
  const event: IceBreaker = { cohortId: 'c2030', date: '2030-01-07', time: '12:00', durationMinutes: 60, place: 'Atrium', link: '', alumniIds: [], revision: 2 };
  const invited = [
    { personId: 'jordan', role: 'mentor' as const },
    { personId: 'angela', role: 'executive' as const },
    { personId: 'exec-a', role: 'alumnus' as const },
  ];
  const base = { personId: 'jordan', invited, event, calendar: CALENDAR, now: houston('2030-01-06T10:00:00') };
  it('takes yes, no or maybe, and a change of mind until the event starts', () => {
    expect(readRsvp('yes', base)).toEqual({ ok: true, answer: 'yes', changed: true });
    expect(readRsvp('maybe', { ...base, current: 'yes' })).toEqual({ ok: true, answer: 'maybe', changed: true });
    expect(readRsvp('maybe', { ...base, current: 'maybe' })).toEqual({ ok: true, answer: 'maybe', changed: false });
    expect(readRsvp('no', { ...base, now: houston('2030-01-07T11:59:00') }).ok).toBe(true);
    expect(readRsvp('no', { ...base, now: houston('2030-01-07T12:00:00') })).toEqual({ ok: false, message: 'The ice breaker has started, so answers can no longer change.' });
  });
  it('refuses an answer that is not one of the three, or from someone not invited', () => {
    expect(readRsvp('sure', base)).toEqual({ ok: false, message: 'Please answer yes, no or maybe.' });
    expect(readRsvp('yes', { ...base, personId: 'stranger' })).toEqual({ ok: false, message: 'This invitation is for someone else.' });
  });
  it('reminds the working day before, keyed by cohort and revision, everyone who has not said no', () => {
    // The event is on Monday 7 January, so the reminder goes on Friday 4 January at 08:30 in Houston.
    expect(reminderJob(event, CALENDAR)).toEqual({
      kind: 'icebreaker.reminder',
      key: 'c2030:r2',
      dueAt: '2030-01-04T14:30:00.000Z',
      payload: { cohortId: 'c2030', revision: 2 },
    });
    expect(
      reminderRecipients(
        invited,
        new Map([
          ['jordan', 'no' as const],
          ['angela', 'maybe' as const],
        ]),
      ).map((i) => i.personId),
    ).toEqual(['angela', 'exec-a']);
  });
});

describe('event details', () => {
  it('default the length and trim the place', () => {
    expect(readEventDetails({ date: '2030-01-02', time: '09:00', place: '  Room 4 ' }, { today: '2030-01-01', before: [], defaultMinutes: 45 })).toEqual({
      ok: true,
      details: { date: '2030-01-02', time: '09:00', durationMinutes: 45, place: 'Room 4', link: '' },
    });
  });
});

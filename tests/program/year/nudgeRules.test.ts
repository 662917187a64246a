import { diffNudges, desiredNudges, nudgeDue, type NudgeInput, type ParticipantState } from '../../../bot/program/year/nudgeRules';
import { applyMeetingEvent, type Booking, type PairPlan } from '../../../bot/program/year/yearPlan';
import { checkKey } from '../../../bot/scheduler/jobKeys';
import { CALENDAR, houston, newPlan } from './yearFixtures';

const mentor = (over: Partial<ParticipantState> = {}): ParticipantState => ({ personId: 'mentor-1', inProgram: true, pauses: [], ...over });
const executive = (over: Partial<ParticipantState> = {}): ParticipantState => ({ personId: 'exec-1', inProgram: true, pauses: [], ...over });

function input(plan: PairPlan, now: Date, over: Partial<NudgeInput> = {}): NudgeInput {
  return { plan, pairActive: true, mentor: mentor(), executive: executive(), calendar: CALENDAR, now, ...over };
}

function book(plan: PairPlan, meeting: number, date: string, time?: string): PairPlan {
  const booking: Booking = { date, ...(time ? { time } : {}), durationMinutes: 60, placeKind: 'common-area', place: '', bookedBy: 'exec-1', bookedAt: 't' };
  const result = applyMeetingEvent(plan.meetings[meeting - 1], { type: 'book', booking });
  if (!result.ok) throw new Error(result.message);
  return { ...plan, meetings: plan.meetings.map((m, i) => (i === meeting - 1 ? result.meeting : m)) };
}

function hold(plan: PairPlan, meeting: number, heldOn: string): PairPlan {
  const result = applyMeetingEvent(plan.meetings[meeting - 1], { type: 'log', log: { heldOn, where: 'common-area', note: '', flaggedForTaskforce: false }, by: 'm', at: 't' });
  if (!result.ok) throw new Error(result.message);
  return { ...plan, meetings: plan.meetings.map((m, i) => (i === meeting - 1 ? result.meeting : m)) };
}

const beforeYear = houston('2030-01-01T12:00:00');
const forMeeting = (jobs: ReturnType<typeof desiredNudges>, meeting: number) => jobs.filter((j) => j.payload.meeting === meeting);

describe('the desired nudges of a pair', () => {
  it('makes keys the scheduler accepts (no slash), for every kind', () => {
    const booked = book(newPlan(), 1, '2030-01-21', '10:00');
    const jobs = [...desiredNudges(input(newPlan(), beforeYear)), ...desiredNudges(input(booked, beforeYear))];
    expect(new Set(jobs.map((j) => j.kind)).size).toBe(5);
    for (const job of jobs) {
      expect(() => checkKey(job.key)).not.toThrow();
      expect(job.key.startsWith(`${job.kind}:`)).toBe(true);
    }
  });

  it('asks both people to book each quarter, nudges once more two weeks before it closes, and closes it', () => {
    const jobs = desiredNudges(input(newPlan(), beforeYear));
    expect(jobs).toHaveLength(20);
    expect(forMeeting(jobs, 1).map((j) => [j.kind, j.key, j.dueAt])).toEqual([
      ['year.nudge.book', 'year.nudge.book:p1:1:executive', '2030-01-07T14:30:00.000Z'],
      ['year.nudge.book', 'year.nudge.book:p1:1:mentor', '2030-01-07T14:30:00.000Z'],
      // 6 April is a Saturday: two weeks before is Saturday 23 March, so the last nudge goes on Friday 22 March.
      ['year.nudge.last', 'year.nudge.last:p1:1:executive', '2030-03-22T13:30:00.000Z'],
      ['year.nudge.last', 'year.nudge.last:p1:1:mentor', '2030-03-22T13:30:00.000Z'],
      ['year.quarter.close', 'year.quarter.close:p1:1', '2030-04-07T13:30:00.000Z'],
    ]);
    expect(jobs.find((j) => j.key === 'year.nudge.last:p1:1:mentor')?.payload).toEqual({
      to: 'person',
      pairId: 'p1',
      cohortId: 'c2030',
      meeting: 1,
      role: 'mentor',
      personId: 'mentor-1',
      revision: 0,
      ask: 'book',
    });
    expect(jobs.find((j) => j.kind === 'year.quarter.close')?.payload).toEqual({ to: 'taskforce', pairId: 'p1', cohortId: 'c2030', meeting: 1 });
  });
  it('sends the agenda the working day before a booked meeting and asks "did you meet?" the working day after', () => {
    const plan = book(newPlan(), 1, '2030-01-21', '10:00');
    const jobs = forMeeting(desiredNudges(input(plan, houston('2030-01-10T12:00:00'))), 1);
    expect(jobs.map((j) => [j.key, j.dueAt])).toEqual([
      ['year.nudge.agenda:p1:1:executive:r1', '2030-01-18T14:30:00.000Z'],
      ['year.nudge.agenda:p1:1:mentor:r1', '2030-01-18T14:30:00.000Z'],
      ['year.nudge.didYouMeet:p1:1:executive:r1', '2030-01-22T14:30:00.000Z'],
      ['year.nudge.didYouMeet:p1:1:mentor:r1', '2030-01-22T14:30:00.000Z'],
      ['year.nudge.last:p1:1:executive', '2030-03-22T13:30:00.000Z'],
      ['year.nudge.last:p1:1:mentor', '2030-03-22T13:30:00.000Z'],
      ['year.quarter.close:p1:1', '2030-04-07T13:30:00.000Z'],
    ]);
    expect(jobs[4].payload).toMatchObject({ ask: 'log' });
  });
  it('gives a rescheduled meeting new keys, so reminders for the old date can be cancelled and never sent', () => {
    const first = book(newPlan(), 1, '2030-01-21');
    const moved = book(first, 1, '2030-02-04');
    const now = houston('2030-01-10T12:00:00');
    const diff = diffNudges(
      desiredNudges(input(moved, now)),
      desiredNudges(input(first, now)).map((j) => ({ kind: j.kind, key: j.key, dueAt: j.dueAt, state: 'pending' as const })),
    );
    expect(diff.cancel.map((c) => c.key).sort()).toEqual([
      'year.nudge.agenda:p1:1:executive:r1',
      'year.nudge.agenda:p1:1:mentor:r1',
      'year.nudge.didYouMeet:p1:1:executive:r1',
      'year.nudge.didYouMeet:p1:1:mentor:r1',
    ]);
    expect(diff.schedule.map((s) => s.key).sort()).toEqual([
      'year.nudge.agenda:p1:1:executive:r2',
      'year.nudge.agenda:p1:1:mentor:r2',
      'year.nudge.didYouMeet:p1:1:executive:r2',
      'year.nudge.didYouMeet:p1:1:mentor:r2',
    ]);
  });
  it('asks nothing more about a held meeting, not even the quarter closing', () => {
    const plan = hold(book(newPlan(), 1, '2030-01-21'), 1, '2030-01-21');
    expect(forMeeting(desiredNudges(input(plan, houston('2030-01-22T12:00:00'))), 1)).toEqual([]);
  });
  it('gives no last nudge when the meeting is booked for a later day than it', () => {
    const plan = book(newPlan(), 1, '2030-03-28');
    expect(forMeeting(desiredNudges(input(plan, beforeYear)), 1).map((j) => j.kind)).not.toContain('year.nudge.last');
  });
  it('moves a nudge that falls in a pause to the first working day after it, for that person only', () => {
    const paused = mentor({ pauses: [{ from: '2030-01-01', until: '2030-01-11' }] }); // ends on a Friday
    const jobs = forMeeting(desiredNudges(input(newPlan(), beforeYear, { mentor: paused })), 1);
    expect(jobs.find((j) => j.key === 'year.nudge.book:p1:1:mentor')?.dueAt).toBe('2030-01-14T14:30:00.000Z');
    expect(jobs.find((j) => j.key === 'year.nudge.book:p1:1:executive')?.dueAt).toBe('2030-01-07T14:30:00.000Z');
  });
  it('follows pauses that chain one after another', () => {
    const paused = mentor({
      pauses: [
        { from: '2030-01-14', until: '2030-01-20' },
        { from: '2030-01-01', until: '2030-01-13' },
      ],
    });
    const jobs = desiredNudges(input(newPlan(), beforeYear, { mentor: paused }));
    expect(jobs.find((j) => j.key === 'year.nudge.book:p1:1:mentor')?.dueAt).toBe('2030-01-21T14:30:00.000Z');
  });
  it('skips a nudge a pause pushes past its use, but keeps the later ones', () => {
    const paused = mentor({ pauses: [{ from: '2030-01-01', until: '2030-03-25' }] });
    const keys = forMeeting(desiredNudges(input(newPlan(), beforeYear, { mentor: paused })), 1).map((j) => [j.key, j.dueAt]);
    expect(keys).not.toContainEqual(expect.arrayContaining(['year.nudge.book:p1:1:mentor']));
    expect(keys).toContainEqual(['year.nudge.last:p1:1:mentor', '2030-03-26T13:30:00.000Z']);
  });
  it('never nudges someone who left, and gives a dissolved pair no jobs at all', () => {
    const left = desiredNudges(input(newPlan(), beforeYear, { mentor: mentor({ inProgram: false }) }));
    expect(left.some((j) => j.payload.to === 'person' && j.payload.role === 'mentor')).toBe(false);
    expect(left.filter((j) => j.kind === 'year.quarter.close')).toHaveLength(4);
    expect(desiredNudges(input(newPlan(), beforeYear, { pairActive: false }))).toEqual([]);
  });
  it('leaves out nudges whose moment has passed for good (a pair confirmed late in the year)', () => {
    const jobs = desiredNudges(input(newPlan(), houston('2030-05-01T12:00:00', '-05:00')));
    expect(forMeeting(jobs, 1).map((j) => j.kind)).toEqual(['year.quarter.close']);
    expect(forMeeting(jobs, 2).map((j) => j.kind)).toContain('year.nudge.book');
  });
  it('is the same set every time it is computed (a restart schedules nothing new)', () => {
    const plan = book(newPlan(), 2, '2030-04-15');
    const now = houston('2030-04-08T12:00:00', '-05:00');
    const once = desiredNudges(input(plan, now));
    const scheduled = once.map((j) => ({ kind: j.kind, key: j.key, dueAt: j.dueAt, state: 'pending' as const }));
    expect(desiredNudges(input(plan, now))).toEqual(once);
    expect(diffNudges(desiredNudges(input(plan, now)), scheduled)).toEqual({ schedule: [], cancel: [] });
  });
});

describe('the reconciler’s diff', () => {
  const now = beforeYear;
  const desired = desiredNudges(input(newPlan(), now));
  it('schedules again a pending job whose time moved, and never a job that already ran', () => {
    const [a, b] = desired;
    const diff = diffNudges(
      [a, b],
      [
        { kind: a.kind, key: a.key, dueAt: '2029-01-01T00:00:00.000Z', state: 'pending' },
        { kind: b.kind, key: b.key, dueAt: '2029-01-01T00:00:00.000Z', state: 'done' },
      ],
    );
    expect(diff).toEqual({ schedule: [a], cancel: [] });
  });
  it('cancels pending jobs no longer wanted, and leaves finished ones alone', () => {
    const diff = diffNudges(
      [],
      [
        { kind: 'year.nudge.book', key: 'year.nudge.book:p1:1:mentor', dueAt: 'x', state: 'pending' },
        { kind: 'year.nudge.book', key: 'year.nudge.book:p1:1:executive', dueAt: 'x', state: 'done' },
      ],
    );
    expect(diff).toEqual({ schedule: [], cancel: [{ kind: 'year.nudge.book', key: 'year.nudge.book:p1:1:mentor' }] });
  });
});

describe('a nudge that fires', () => {
  const plan = newPlan();
  const bookJob = { kind: 'year.nudge.book' as const, key: 'year.nudge.book:p1:1:mentor' };
  it('sends when it is due and still matches the pair’s state', () => {
    const decision = nudgeDue(bookJob, input(plan, new Date('2030-01-07T14:30:00.000Z')));
    expect(decision).toMatchObject({ action: 'send', job: { key: bookJob.key, payload: { personId: 'mentor-1' } } });
  });
  it('waits when it fires early', () => {
    expect(nudgeDue(bookJob, input(plan, beforeYear))).toEqual({ action: 'later', dueAt: '2030-01-07T14:30:00.000Z' });
  });
  it('is stale once the meeting is booked, or held, or the booking changed', () => {
    const booked = book(plan, 1, '2030-01-21');
    const now = houston('2030-01-08T09:00:00');
    expect(nudgeDue(bookJob, input(booked, now))).toEqual({ action: 'skip', reason: 'stale' });
    const agendaR1 = { kind: 'year.nudge.agenda' as const, key: 'year.nudge.agenda:p1:1:mentor:r1' };
    expect(nudgeDue(agendaR1, input(book(booked, 1, '2030-01-28'), houston('2030-01-18T09:00:00')))).toEqual({ action: 'skip', reason: 'stale' });
    expect(nudgeDue(agendaR1, input(hold(booked, 1, '2030-01-10'), houston('2030-01-18T09:00:00')))).toEqual({ action: 'skip', reason: 'stale' });
    expect(nudgeDue({ kind: 'year.nudge.last', key: bookJob.key }, input(plan, now))).toEqual({ action: 'skip', reason: 'stale' });
  });
  it('skips a dissolved pair and a person who left', () => {
    const now = new Date('2030-01-07T15:00:00.000Z');
    expect(nudgeDue(bookJob, input(plan, now, { pairActive: false }))).toEqual({ action: 'skip', reason: 'dissolved' });
    expect(nudgeDue(bookJob, input(plan, now, { mentor: mentor({ inProgram: false }) }))).toEqual({ action: 'skip', reason: 'left' });
  });
  it('waits until a pause that started after it was planned is over, or skips it when that is too late', () => {
    const now = new Date('2030-01-09T15:00:00.000Z');
    const shortPause = mentor({ pauses: [{ from: '2030-01-09', until: '2030-01-10' }] });
    // The job was due on 7 January (before the pause), fires late on the 9th, during the pause.
    expect(nudgeDue(bookJob, input(plan, now, { mentor: shortPause }))).toEqual({ action: 'later', dueAt: '2030-01-11T14:30:00.000Z' });
    const longPause = mentor({ pauses: [{ from: '2030-01-09', until: '2030-03-29' }] });
    expect(nudgeDue(bookJob, input(plan, now, { mentor: longPause }))).toEqual({ action: 'skip', reason: 'paused' });
  });
  it('is expired when the scheduler was down past its use (an agenda after the meeting started)', () => {
    const booked = book(plan, 1, '2030-01-21', '10:00');
    const agenda = { kind: 'year.nudge.agenda' as const, key: 'year.nudge.agenda:p1:1:mentor:r1' };
    expect(nudgeDue(agenda, input(booked, houston('2030-01-21T09:59:00'))).action).toBe('send');
    expect(nudgeDue(agenda, input(booked, houston('2030-01-21T10:00:00')))).toEqual({ action: 'skip', reason: 'expired' });
  });
  it('still asks "did you meet?" for a week after the quarter closes, then stops', () => {
    const booked = book(plan, 1, '2030-04-05');
    const ask = { kind: 'year.nudge.didYouMeet' as const, key: 'year.nudge.didYouMeet:p1:1:executive:r1' };
    expect(nudgeDue(ask, input(booked, houston('2030-04-08T09:00:00', '-05:00'))).action).toBe('send');
    expect(nudgeDue(ask, input(booked, houston('2030-04-14T00:00:00', '-05:00')))).toEqual({ action: 'skip', reason: 'expired' });
  });
  it('closes the quarter even while a person is on pause', () => {
    const close = { kind: 'year.quarter.close' as const, key: 'year.quarter.close:p1:1' };
    const paused = mentor({ pauses: [{ from: '2030-04-01', until: '2030-04-30' }] });
    expect(nudgeDue(close, input(plan, houston('2030-04-07T09:00:00', '-05:00'), { mentor: paused })).action).toBe('send');
  });
});

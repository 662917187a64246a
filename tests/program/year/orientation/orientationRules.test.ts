import { DEFAULT_ORIENTATIONS } from '../../../../bot/program/orientation/orientationDefaults';
import {
  acknowledgementFloor,
  firstOrientation,
  needsAcknowledgement,
  ORIENTATION_LIMITS,
  readAcknowledgement,
  readOrientationEdit,
  readOrientationSessions,
  stillToAcknowledge,
  type OrientationVersion,
} from '../../../../bot/program/orientation/orientationRules';
import { markdownProblems, markdownForCard } from '../../../../bot/program/text/markdownSafe';

const at = '2029-12-15T10:00:00.000Z';
const v1 = firstOrientation('mentor', at);
const edit = (current: OrientationVersion, over: Record<string, unknown>) =>
  readOrientationEdit({ baseVersion: current.version, title: current.title, body: current.body, ...over }, current, { at, by: 'priya' });

describe('the default orientations', () => {
  it.each(['mentor', 'executive'] as const)('cover what the %s needs to know, within the editing limits', (role) => {
    const { title, body } = DEFAULT_ORIENTATIONS[role];
    expect(markdownProblems(body, 'The text', ORIENTATION_LIMITS.body)).toEqual([]);
    expect(title.length).toBeLessThanOrEqual(ORIENTATION_LIMITS.title);
    for (const topic of [
      /why the roles are reversed/i,
      /day-to-day operations/,
      /receptive to constructive feedback/,
      /common area/,
      /office/,
      /shadowing visit/i,
      /four meetings/i,
      /confidential/i,
      /named colleagues/,
    ]) {
      expect(body).toMatch(topic);
    }
  });
  it('tell the mentor the executive is not there to fix personal challenges, and the executive not to offer', () => {
    expect(DEFAULT_ORIENTATIONS.mentor.body).toMatch(/Don't expect your executive to solve personal matters/);
    expect(DEFAULT_ORIENTATIONS.executive.body).toMatch(/Don't offer to fix your mentor's personal challenges/);
  });
  it('render as card markdown with bold headings', () => {
    expect(markdownForCard(DEFAULT_ORIENTATIONS.mentor.body)).toContain('**Why the roles are reversed**');
  });
});

describe('editing an orientation', () => {
  it('makes the next version on a change, and none on an identical save', () => {
    expect(edit(v1, {})).toEqual({ ok: true });
    expect(edit(v1, { material: true })).toEqual({ ok: true });
    const result = edit(v1, { body: `${v1.body}\n\nQuestions? Ask the taskforce.` });
    expect(result).toMatchObject({ ok: true, next: { version: 2, material: false, editedBy: 'priya', role: 'mentor' } });
  });
  it('refuses an edit based on an old version, HTML, a link that is not https, and an empty title', () => {
    expect(edit(v1, { baseVersion: 0 })).toMatchObject({ ok: false, errors: [expect.stringContaining('Reload')] });
    const bad = edit(v1, { title: ' ', body: '<iframe src=x></iframe> [x](http://a.org)', material: 'yes' });
    expect(bad.ok ? [] : bad.errors).toEqual([
      'Please fill in the title.',
      expect.stringContaining('contains HTML'),
      expect.stringContaining('https://'),
      'Please say whether people must read it again.',
    ]);
  });
});

describe('acknowledgements', () => {
  const v2typo: OrientationVersion = { ...v1, version: 2, material: false, body: `${v1.body} ` };
  const v3material: OrientationVersion = { ...v1, version: 3, material: true, body: `${v1.body}\n\nNew rule.` };
  it('are needed again only after a material edit', () => {
    expect(acknowledgementFloor([v1])).toBe(1);
    expect(acknowledgementFloor([v1, v2typo])).toBe(1);
    expect(acknowledgementFloor([v1, v2typo, v3material])).toBe(3);
    expect(needsAcknowledgement(undefined, 1)).toBe(true);
    expect(needsAcknowledgement(1, 1)).toBe(false);
    expect(needsAcknowledgement(2, 3)).toBe(true);
  });
  it('record the version the person saw, and a second click changes nothing', () => {
    const first = readAcknowledgement(1, { personId: 'jordan', role: 'mentor', history: [v1, v2typo], at });
    expect(first).toEqual({ ok: true, changed: true, acknowledgement: { personId: 'jordan', role: 'mentor', version: 1, acknowledgedAt: at } });
    if (!first.ok) return;
    expect(readAcknowledgement('1', { personId: 'jordan', role: 'mentor', history: [v1, v2typo], existing: first.acknowledgement, at: 'later' })).toEqual({
      ok: true,
      changed: false,
      acknowledgement: first.acknowledgement,
    });
  });
  it('refuse a card showing a version a material edit replaced, or one that never existed', () => {
    expect(readAcknowledgement(2, { personId: 'jordan', role: 'mentor', history: [v1, v2typo, v3material], at })).toMatchObject({ ok: false, reason: 'superseded' });
    expect(readAcknowledgement(9, { personId: 'jordan', role: 'mentor', history: [v1], at })).toMatchObject({ ok: false, reason: 'unknownVersion' });
    expect(readAcknowledgement({ v: 1 }, { personId: 'jordan', role: 'mentor', history: [v1], at })).toMatchObject({ ok: false, reason: 'unknownVersion' });
  });
  it('list who still has to acknowledge, by role', () => {
    const people = [
      { personId: 'jordan', role: 'mentor' as const },
      { personId: 'sam', role: 'mentor' as const },
      { personId: 'angela', role: 'executive' as const },
    ];
    const acks = new Map([
      ['jordan', { version: 1 }],
      ['angela', { version: 1 }],
    ]);
    expect(stillToAcknowledge(people, acks, { mentor: 1, executive: 2 }).map((p) => p.personId)).toEqual(['sam', 'angela']);
  });
});

describe('orientation sessions', () => {
  const context = { today: '2029-12-15', yearStartsOn: '2030-01-07', iceBreakerOn: '2030-01-03' };
  const mentor = { date: '2029-12-18', time: '12:30', place: 'Auditorium B' };
  const executive = { date: '2029-12-19', time: '08:00', link: 'https://teams.microsoft.com/l/meetup-join/abc' };
  it('accepts separate sessions before the ice breaker', () => {
    expect(readOrientationSessions({ mentor, executive }, context)).toEqual({
      ok: true,
      sessions: {
        mentor: { date: '2029-12-18', time: '12:30', durationMinutes: 60, place: 'Auditorium B', link: '' },
        executive: { date: '2029-12-19', time: '08:00', durationMinutes: 60, place: '', link: 'https://teams.microsoft.com/l/meetup-join/abc' },
      },
    });
  });
  it('lets one session be set now and the other later', () => {
    expect(readOrientationSessions({ mentor }, context)).toMatchObject({ ok: true, sessions: { mentor: { place: 'Auditorium B' } } });
  });
  it('refuses a session on or after the ice breaker, or after the year starts when no ice breaker is set', () => {
    const late = readOrientationSessions({ mentor: { ...mentor, date: '2030-01-03' } }, context);
    expect(late.ok ? '' : late.errors.mentor?.date).toBe('Please choose a day before the ice breaker (Thursday 3 January).');
    const noIceBreaker = readOrientationSessions({ executive: { ...executive, date: '2030-01-08' } }, { today: '2029-12-15', yearStartsOn: '2030-01-07' });
    expect(noIceBreaker.ok ? '' : noIceBreaker.errors.executive?.date).toContain('the start of the year');
  });
  it('refuses one session for both roles', () => {
    const same = readOrientationSessions({ mentor, executive: mentor }, context);
    expect(same.ok ? '' : same.errors.form).toContain('separate');
  });
  it('refuses a session that is not a form', () => {
    const result = readOrientationSessions({ mentor: 'tomorrow' }, context);
    expect(result.ok).toBe(false);
  });
});

import { approvalFollowUp, readAnswers, stageAfterDecision } from '../../bot/program/applications/applicationRules';
import { checkText, choiceValues, shownAsTyped } from '../../bot/program/text/plainText';
import { acceptsApplications, CohortInputError, readCohortFields } from '../../bot/program/cohorts/cohortRules';
import { averageScore, readRubric } from '../../bot/program/interviews/rubricRules';
import { pipelineFilter } from '../../bot/program/pipeline/api';
import { csvField } from '../../bot/program/pipeline/pipelineRules';

/** The intake's pure rules, one branch per test. */
describe('plain text rules', () => {
  const rule = { label: 'Why', max: 10, required: true };
  it('trims, normalises and accepts plain text with markdown and emoji', () => {
    expect(checkText('  *hi* 🌙 ', rule)).toEqual({ ok: true, value: '*hi* 🌙' });
    expect(checkText('e\u0301', rule)).toEqual({ ok: true, value: 'é' });
  });
  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(checkText('🌙'.repeat(10), rule).ok).toBe(true);
    expect(checkText('🌙'.repeat(11), rule).ok).toBe(false);
  });
  it.each([
    ['empty when required', '   '],
    ['not text', 42],
    ['an HTML tag', '<b>x</b>'],
    ['a bidi override', 'a\u202Eb'],
    ['a bidi isolate', 'a\u2066b'],
    ['a zero-width no-break space', '\uFEFFa'],
    ['a NUL', 'a\u0000'],
    ['a lone low surrogate', 'a\uDC00'],
  ])('refuses %s', (_name, value) => {
    expect(checkText(value, rule).ok).toBe(false);
  });
  it('allows an empty optional field and a comparison that is not a tag', () => {
    expect(checkText(undefined, { label: 'x', max: 5 })).toEqual({ ok: true, value: '' });
    expect(checkText('a < b', { label: 'x', max: 5 }).ok).toBe(true);
  });
  it('reads choice set values and breaks template expressions for display', () => {
    expect(choiceValues('t1, t2,t1,')).toEqual(['t1', 't2']);
    expect(choiceValues(['t1'])).toBeUndefined();
    expect(shownAsTyped('a ${b}')).toBe('a $ {b}');
  });
});

describe('cohort rules', () => {
  const base = { name: 'C', programYear: 2030, opensOn: '2030-01-01', closesOn: '2030-01-31', topics: [{ title: 'A' }, { title: 'B' }] };
  it('gives new topics the next free id and keeps known ids', () => {
    const first = readCohortFields(base);
    expect(first.topics.map((t) => t.id)).toEqual(['t1', 't2']);
    const edit = readCohortFields({ ...base, topics: [{ id: 't2', title: 'B' }, { title: 'C' }] }, first);
    expect(edit.topics).toEqual([
      { id: 't2', title: 'B' },
      { id: 't3', title: 'C' },
    ]);
  });
  it('refuses duplicate titles and duplicate ids', () => {
    expect(() => readCohortFields({ ...base, topics: [{ title: 'A' }, { title: 'a' }] })).toThrow(CohortInputError);
    const first = readCohortFields(base);
    expect(() =>
      readCohortFields(
        {
          ...base,
          topics: [
            { id: 't1', title: 'A' },
            { id: 't1', title: 'B' },
          ],
        },
        first,
      ),
    ).toThrow('same item twice');
  });
  it('accepts applications while open, through the whole closing day', () => {
    expect(acceptsApplications({ status: 'open', closesOn: '2030-01-31' }, new Date('2030-01-31T23:59:00Z'))).toBe(true);
    expect(acceptsApplications({ status: 'open', closesOn: '2030-01-31' }, new Date('2030-02-01T00:00:00Z'))).toBe(false);
    expect(acceptsApplications({ status: 'draft', closesOn: '2030-01-31' }, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('application rules', () => {
  const topics = [{ id: 't1', title: 'A' }];
  it('needs the agreement from mentors only', () => {
    expect(readAnswers('mentor', { topics: 't1', motivation: 'x' }, topics)).toMatchObject({ ok: false, errors: { agree: expect.any(String) } });
    expect(readAnswers('executive', { topics: 't1', motivation: 'x' }, topics)).toMatchObject({ ok: true });
  });
  it('accepts free text instead of listed topics', () => {
    expect(readAnswers('executive', { topics: '', otherTopics: 'Labs', motivation: 'x' }, topics)).toMatchObject({ ok: true, answers: { topicIds: [], otherTopics: 'Labs' } });
  });
  it('decides mentors only after the interview, executives from applied, and waitlisted people later', () => {
    expect(stageAfterDecision({ kind: 'mentor', stage: 'managerApproved' }, 'accept')).toBeUndefined();
    expect(stageAfterDecision({ kind: 'mentor', stage: 'interviewed' }, 'waitlist')).toBe('waitlisted');
    expect(stageAfterDecision({ kind: 'mentor', stage: 'waitlisted' }, 'accept')).toBe('accepted');
    expect(stageAfterDecision({ kind: 'mentor', stage: 'waitlisted' }, 'waitlist')).toBeUndefined();
    expect(stageAfterDecision({ kind: 'executive', stage: 'applied' }, 'decline')).toBe('declined');
    expect(stageAfterDecision({ kind: 'executive', stage: 'accepted' }, 'decline')).toBeUndefined();
  });
  it('reminds half way through the answer window, then flags after the reminder', () => {
    const sent = '2030-01-01T00:00:00.000Z';
    const day = (n: number) => new Date(Date.parse(sent) + n * 86_400_000);
    const waiting = { stage: 'nominated' as const, approvalSentAt: sent };
    expect(approvalFollowUp(waiting, day(3), 7)).toBeUndefined();
    expect(approvalFollowUp(waiting, day(4), 7)).toBe('remind');
    expect(approvalFollowUp({ ...waiting, reminderSentAt: day(4).toISOString() }, day(6), 7)).toBeUndefined();
    expect(approvalFollowUp({ ...waiting, reminderSentAt: day(4).toISOString() }, day(7), 7)).toBe('flag');
    expect(approvalFollowUp({ ...waiting, flag: 'managerNoAnswer' }, day(9), 7)).toBeUndefined();
    expect(approvalFollowUp({ ...waiting, stage: 'managerApproved' }, day(9), 7)).toBeUndefined();
  });
});

describe('rubric and pipeline rules', () => {
  const rubric = [{ id: 'a', title: 'A', anchors: ['1', '2', '3', '4', '5'] }];
  it('reads scores as numbers or choice strings and refuses anything else', () => {
    expect(readRubric(rubric, { a: '3' }, '', '')).toEqual({ ok: true, answers: { scores: { a: 3 }, notes: '', mentorAreas: '' } });
    expect(readRubric(rubric, { a: 2.5 }, '', '').ok).toBe(false);
    expect(readRubric(rubric, { a: 3, b: 3 }, '', '').ok).toBe(false);
  });
  it('averages to one decimal', () => {
    expect(averageScore({ a: 4, b: 5, c: 5 })).toBe(4.7);
    expect(averageScore({})).toBeUndefined();
  });
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('neutralises the formula %j in CSV', (value) => {
    expect(csvField(value)).toBe(`"'${value}"`);
  });
  it('quotes CSV fields and doubles quotes', () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField(undefined)).toBe('""');
    expect(csvField(4.5)).toBe('"4.5"');
  });
  it('reads filters and refuses unknown ones', () => {
    expect(pipelineFilter.parse({ stage: 'accepted', kind: 'mentor' })).toEqual({ stage: 'accepted', kind: 'mentor' });
    expect(pipelineFilter.safeParse({ stage: 'x' })).toHaveProperty('error');
  });
});

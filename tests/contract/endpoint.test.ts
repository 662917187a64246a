import { z } from 'zod';
import { pathOf, queryString, type RequestParts, type ResponseOf } from '../../bot/contract/endpoint';
import { fields, firstProblem, text } from '../../bot/contract/fields';
import { updateCohort, type CohortJson } from '../../bot/program/cohorts/api';
import { checkPair, unbanPair } from '../../bot/program/matching/api';
import { getPipeline } from '../../bot/program/pipeline/api';

/** The endpoint descriptors and field helpers both sides share: paths, query strings, and kind sentences for refusals. */
describe('endpoint descriptors', () => {
  it('fills path parameters, each one URL-encoded', () => {
    expect(pathOf(updateCohort, { cohortId: "x' or 1/2" })).toBe("/api/cohorts/x'%20or%201%2F2");
    expect(pathOf(unbanPair, { cohortId: 'c', executiveId: 'e/1', mentorId: 'm#2' })).toBe('/api/cohorts/c/matching/bans/e%2F1/m%232');
  });

  it('writes a query string without the values left out', () => {
    expect(queryString({ stage: 'accepted', kind: undefined, limit: 20 })).toBe('?stage=accepted&limit=20');
    expect(queryString({})).toBe('');
    expect(queryString(undefined)).toBe('');
  });

  it('types each call by its endpoint (checked by the compiler: these lines would not compile otherwise)', () => {
    const update: RequestParts<typeof updateCohort> = {
      params: { cohortId: 'c' },
      body: { name: 'C', programYear: 2030, opensOn: '2030-01-01', closesOn: '2030-02-01', topics: [{ title: 'A' }] },
      ifMatch: 'W/"1"',
    };
    // @ts-expect-error: an update without the version it changes
    const withoutVersion: RequestParts<typeof updateCohort> = { params: { cohortId: 'c' }, body: update.body };
    // @ts-expect-error: a query value outside the contract's stages
    const wrongStage: RequestParts<typeof getPipeline> = { params: { cohortId: 'c' }, query: { stage: 'hired' } };
    // @ts-expect-error: the pair check needs both people
    const halfPair: RequestParts<typeof checkPair> = { params: { cohortId: 'c' }, query: { executiveId: 'e' } };
    const answer: ResponseOf<typeof updateCohort> extends CohortJson ? true : false = true;
    expect([withoutVersion, wrongStage, halfPair].every(Boolean) && answer).toBe(true);
  });
});

describe('kind sentences for a refused request', () => {
  const schema = fields({ name: text('The name', 10), count: z.number(), tags: z.array(z.string()).max(2), kind: z.enum(['a', 'b']) });
  const problem = (value: unknown) => {
    const result = schema.safeParse(value);
    if (result.success) throw new Error('expected a refusal');
    return firstProblem(result.error);
  };
  const ok = { name: 'x', count: 1, tags: [], kind: 'a' };

  it('uses the field’s own sentence when it has one', () => {
    expect(problem({ ...ok, name: '' })).toBe('Please fill in the name.');
    expect(problem({ ...ok, name: '<b>hi</b>' })).toBe('The name cannot contain HTML tags. Please write plain text.');
    expect(problem('not an object')).toBe('Please send the request as a JSON object.');
  });

  it.each([
    [{ ...ok, count: undefined }, 'The field `count` is missing.'],
    [{ ...ok, count: 'one' }, 'The field `count` must be a number.'],
    [{ ...ok, tags: ['a', 'b', 'c'] }, 'The field `tags` has too many items.'],
    [{ ...ok, tags: [1] }, 'The field `tags.0` must be text.'],
    [{ ...ok, kind: 'c' }, 'The field `kind` must be one of a, b.'],
  ])('names a field without a sentence of its own by its path (%j)', (value, sentence) => {
    expect(problem(value)).toBe(sentence);
  });

  it('keeps the text rule’s clean value: trimmed and normalised', () => {
    expect(schema.parse({ ...ok, name: '  e\u0301  ' }).name).toBe('é');
  });
});

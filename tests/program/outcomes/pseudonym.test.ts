import { createHmac } from 'node:crypto';
import { pseudonymousKey, PseudonymSecretError, secretProblem } from '../../../bot/program/outcomes/pseudonym';

const secret = 'k3J9-vQ2x_Lp7mZ4rT8wY1nB6cF0hD5s';
const otherSecret = 'Zq8!mN2vB7xC4kL9pR1tW6yH3jF5gD0s';
const personId = '8d3f2a1c-5b6e-4f70-9a8b-1c2d3e4f5a6b';

describe('pseudonymousKey', () => {
  it('is stable for a person under one secret, whatever the case or padding of the id', () => {
    const key = pseudonymousKey(personId, secret);
    expect(pseudonymousKey(personId, secret)).toBe(key);
    expect(pseudonymousKey(` ${personId.toUpperCase()} `, secret)).toBe(key);
  });

  it('is HMAC-SHA256 of the labelled, lowercased id', () => {
    const expected = createHmac('sha256', secret).update(`mentoring-up/survey-respondent/v1\n${personId}`).digest('hex');
    expect(pseudonymousKey(personId, secret)).toBe(expected);
  });

  it('differs between people and between secrets', () => {
    const key = pseudonymousKey(personId, secret);
    expect(pseudonymousKey(personId, otherSecret)).not.toBe(key);
    expect(pseudonymousKey('8d3f2a1c-5b6e-4f70-9a8b-1c2d3e4f5a6c', secret)).not.toBe(key);
  });

  it('contains no part of the id and only characters a Table RowKey accepts', () => {
    const key = pseudonymousKey(personId, secret);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    for (const part of personId.split('-')) expect(key).not.toContain(part);
    expect(key).not.toMatch(/[/\\#?\u0000-\u001f\u007f-\u009f]/);
  });

  it('refuses a missing id', () => {
    expect(() => pseudonymousKey('  ', secret)).toThrow('needs the person');
  });
});

describe('the pseudonym secret', () => {
  it.each([
    ['missing', '', 'missing'],
    ['too short', 'short-secret-1234', 'too short (17 characters)'],
    ['repetitive', 'ab'.repeat(20), 'too few characters'],
  ])('is refused when %s, with a clear error', (_name, value, message) => {
    expect(secretProblem(value)).toContain(message);
    expect(() => pseudonymousKey(personId, value)).toThrow(PseudonymSecretError);
    expect(() => pseudonymousKey(personId, value)).toThrow(message);
  });

  it('accepts 32 random characters', () => {
    expect(secretProblem(secret)).toBeUndefined();
    expect(secretProblem(undefined)).toContain('missing');
  });
});

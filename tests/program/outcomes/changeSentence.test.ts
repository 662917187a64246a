import { changeVerdict, describeChange, formatP, formatPoints } from '../../../bot/program/outcomes/changeSentence';
import { mcnemarExact } from '../../../bot/program/outcomes/statistics';

describe('describeChange', () => {
  it('writes the issue’s sentence for 5 of 20 up and none down', () => {
    const sentence = describeChange({ pre: 0.4, post: 0.65, people: 20, up: 5, down: 0, p: mcnemarExact(5, 0) });
    expect(sentence).toBe('+25 points, 5 of 20 moved up and none down; with 20 people this could still be chance, p = 0.06');
  });

  it('gives a verdict when the change is unlikely to be chance', () => {
    const sentence = describeChange({ pre: 0.3, post: 0.6, people: 40, up: 13, down: 1, p: mcnemarExact(13, 1) });
    expect(sentence).toBe('+30 points, 13 of 40 moved up and 1 down; with 40 people this is unlikely to be chance alone, p = 0.002');
  });

  it('gives small groups the warning, not a verdict or a p-value', () => {
    const sentence = describeChange({ pre: 0.2, post: 0.8, people: 5, up: 3, down: 0, p: mcnemarExact(3, 0) });
    expect(sentence).toBe('+60 points, 3 of 5 moved up and none down; 5 people are too few to tell a change from chance');
    expect(describeChange({ pre: 0, post: 1, people: 1, up: 1, down: 0, p: 1 })).toContain('1 person is too few');
  });

  it('lets the caller raise the number of people a verdict needs', () => {
    const facts = { pre: 0.4, post: 0.65, people: 20, up: 5, down: 0, p: 0.0625 };
    expect(describeChange(facts, 30)).toContain('20 people are too few');
  });

  it('says when nobody moved and when scores fell', () => {
    expect(describeChange({ pre: 0.5, post: 0.5, people: 12, up: 0, down: 0, p: 1 })).toBe(
      'no change, none of 12 moved up or down; with 12 people this could still be chance, p = 1',
    );
    expect(describeChange({ pre: 0.5, post: 0.4, people: 10, up: 0, down: 1, p: 1 })).toBe(
      '-10 points, none of 10 moved up and 1 down; with 10 people this could still be chance, p = 1',
    );
  });

  it('refuses counts that do not add up', () => {
    expect(() => describeChange({ pre: 0, post: 0, people: 3, up: 2, down: 2, p: 1 })).toThrow('Inconsistent');
    expect(() => describeChange({ pre: 0, post: 0, people: 0, up: 0, down: 0, p: 1 })).toThrow(RangeError);
  });
});

describe('sentence parts', () => {
  it('rounds points half away from zero and says point for one', () => {
    expect(formatPoints(0.7 - 0.45)).toBe('+25 points');
    expect(formatPoints(0.025)).toBe('+3 points');
    expect(formatPoints(-0.025)).toBe('-3 points');
    expect(formatPoints(0.01)).toBe('+1 point');
    expect(formatPoints(0.004)).toBe('no change');
  });

  it.each([
    [0.0625, 'p = 0.06'],
    [0.0496, 'p = 0.050'],
    [0.05, 'p = 0.05'],
    [0.0234, 'p = 0.02'],
    [0.0039, 'p = 0.004'],
    [0.00099, 'p < 0.001'],
    [1, 'p = 1'],
    [0.999, 'p = 1'],
    [0.5, 'p = 0.50'],
  ])('formats p = %p as "%s"', (p, text) => {
    expect(formatP(p)).toBe(text);
  });

  it('decides the verdict from the number of people first, then p', () => {
    expect(changeVerdict(9, 0.001)).toBe('too-few-to-tell');
    expect(changeVerdict(10, 0.049)).toBe('unlikely-to-be-chance');
    expect(changeVerdict(10, 0.05)).toBe('could-be-chance');
  });
});

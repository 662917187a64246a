import { parseMemberPage, parseUserDeltaPage } from '../../bot/directory/graph/graphUsers';
import { applyChange } from '../../bot/directory/deltaPage';
import { relativeGraphPath } from '../../bot/directory/graph/graphClient';
import { retryDelayMs } from '../../bot/directory/graph/retryAfterHandler';

describe('reading Graph user delta pages', () => {
  const page = parseUserDeltaPage({
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users',
    '@odata.deltaLink': 'https://graph.microsoft.com/v1.0/users/delta?$deltatoken=abc',
    value: [
      { displayName: 'Grady Archie', jobTitle: 'Designer', mail: null, id: 'u1', 'manager@delta': [{ '@odata.type': '#microsoft.graph.user', id: 'm1' }] },
      { id: 'u2', '@removed': { reason: 'changed' } },
      { id: 'u3', 'manager@delta': [{ '@odata.type': '#microsoft.graph.user', id: 'm1', '@removed': { reason: 'deleted' } }] },
      { id: 'u4', manager: { '@odata.type': '#microsoft.graph.user', id: 'm2' }, accountEnabled: false },
      { displayName: 'no id' },
    ],
  });

  it('turns users, removals and managers into changes', () => {
    expect(page.deltaLink).toBe('https://graph.microsoft.com/v1.0/users/delta?$deltatoken=abc');
    expect(page.nextLink).toBeUndefined();
    expect(page.changes).toEqual([
      { kind: 'changed', id: 'u1', name: 'Grady Archie', jobTitle: 'Designer', mail: null, managerId: 'm1' },
      { kind: 'removed', id: 'u2' },
      { kind: 'changed', id: 'u3', managerId: null },
      { kind: 'changed', id: 'u4', managerId: 'm2', accountEnabled: false },
    ]);
  });

  it('applies a change to only the fields it names', () => {
    const before = { id: 'u3', name: 'Ann', mail: 'ann@x.org', jobTitle: 'Nurse', managerId: 'm1', accountEnabled: true };
    expect(applyChange(before, page.changes[2])).toEqual({ id: 'u3', name: 'Ann', mail: 'ann@x.org', jobTitle: 'Nurse', accountEnabled: true });
    expect(applyChange(before, { kind: 'changed', id: 'u3', mail: null, jobTitle: 'Charge Nurse' })).toEqual({
      id: 'u3',
      name: 'Ann',
      jobTitle: 'Charge Nurse',
      managerId: 'm1',
      accountEnabled: true,
    });
    expect(applyChange(before, page.changes[1])).toBeUndefined();
  });

  it('rejects an answer without a value array', () => {
    expect(() => parseUserDeltaPage({ error: { code: 'x' } })).toThrow('without a value array');
    expect(parseMemberPage({ value: [{ id: 'a' }, { nope: 1 }], '@odata.nextLink': 'https://g/next' })).toEqual({ ids: ['a'], nextLink: 'https://g/next' });
  });
});

describe('Graph links and retry waits', () => {
  it('keeps links on the configured Graph and refuses others', () => {
    expect(relativeGraphPath('https://graph.microsoft.com/v1.0/users/delta?$skiptoken=x', 'https://graph.microsoft.com/v1.0')).toBe('/users/delta?$skiptoken=x');
    expect(() => relativeGraphPath('https://evil.example/v1.0/users/delta', 'https://graph.microsoft.com/v1.0')).toThrow('outside');
  });

  it('reads Retry-After as seconds or a date, else doubles a base wait', () => {
    expect(retryDelayMs('7', 1, 1000)).toBe(7000);
    expect(retryDelayMs('Wed, 21 Oct 2015 07:28:05 GMT', 1, 1000, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(5000);
    expect(retryDelayMs(null, 3, 1000)).toBe(4000);
  });
});

import { OrgIndex } from '../../bot/directory/orgIndex';
import { describeAnomaly } from '../../bot/directory/orgAnomaly';
import type { Person } from '../../bot/directory/person';

function person(id: string, managerId?: string, extra: Partial<Person> = {}): Person {
  return { id, name: `Person ${id}`, mail: `${id}@example.org`, managerId, accountEnabled: true, ...extra };
}

const ids = (people: Person[]) => people.map((p) => p.id);

describe('OrgIndex on a 10-level chain', () => {
  // L0 is the top; L9 the front line. A side branch S hangs from L4.
  const levels = Array.from({ length: 10 }, (_, i) => person(`L${i}`, i === 0 ? undefined : `L${i - 1}`));
  const index = OrgIndex.build([...levels, person('S', 'L4'), person('S2', 'S')]);

  it('lists the managers nearest first up to the top', () => {
    expect(ids(index.chainOf('L9'))).toEqual(['L8', 'L7', 'L6', 'L5', 'L4', 'L3', 'L2', 'L1', 'L0']);
    expect(ids(index.chainOf('S2'))).toEqual(['S', 'L4', 'L3', 'L2', 'L1', 'L0']);
  });

  it('finds a manager at any level in either direction', () => {
    expect(index.isInChainOfCommand('L9', 'L0')).toBe(true);
    expect(index.isInChainOfCommand('L0', 'L9')).toBe(true);
    expect(index.isInChainOfCommand('L9', 'L8')).toBe(true);
    expect(index.isInChainOfCommand('S2', 'L4')).toBe(true);
    expect(index.isInChainOfCommand('S2', 'L0')).toBe(true);
  });

  it('does not put a side branch in a chain it only shares managers with', () => {
    expect(index.isInChainOfCommand('S2', 'L5')).toBe(false);
    expect(index.isInChainOfCommand('L9', 'S')).toBe(false);
    expect(index.isInChainOfCommand('S', 'L5')).toBe(false);
  });

  it('answers manager, direct reports and whether someone has reports', () => {
    expect(index.managerOf('L5')?.id).toBe('L4');
    expect(ids(index.directReportsOf('L4')).sort()).toEqual(['L5', 'S']);
    expect(index.hasDirectReports('L8')).toBe(true);
    expect(index.hasDirectReports('L9')).toBe(false);
    expect(index.hasDirectReports('S2')).toBe(false);
    expect(index.anomalies).toEqual([]);
  });
});

describe('OrgIndex at the top of the org and among siblings', () => {
  const index = OrgIndex.build([person('CEO'), person('A', 'CEO'), person('B', 'CEO'), person('A1', 'A'), person('B1', 'B')]);

  it('gives the top no manager and no chain', () => {
    expect(index.managerOf('CEO')).toBeUndefined();
    expect(index.chainOf('CEO')).toEqual([]);
    expect(index.isInChainOfCommand('B1', 'CEO')).toBe(true);
  });

  it("keeps siblings and cousins out of each other's chain", () => {
    expect(index.isInChainOfCommand('A', 'B')).toBe(false);
    expect(index.isInChainOfCommand('A1', 'B')).toBe(false);
    expect(index.isInChainOfCommand('A1', 'B1')).toBe(false);
  });

  it('does not count a person in their own chain, nor anyone unknown', () => {
    expect(index.isInChainOfCommand('A', 'A')).toBe(false);
    expect(index.isInChainOfCommand('A', 'nobody')).toBe(false);
    expect(index.chainOf('nobody')).toEqual([]);
    expect(index.directReportsOf('nobody')).toEqual([]);
  });
});

describe('OrgIndex with bad data', () => {
  it('turns a manager loop into an anomaly and counts everyone in and under it as in the chain', () => {
    // X -> Y -> Z -> X is a loop; D reports to X, E to Z, F to D. T is a separate top.
    const index = OrgIndex.build([person('X', 'Y'), person('Y', 'Z'), person('Z', 'X'), person('D', 'X'), person('E', 'Z'), person('F', 'D'), person('T')]);
    expect(index.anomalies).toEqual([{ kind: 'cycle', personIds: ['X', 'Y', 'Z'] }]);
    for (const [a, b] of [
      ['X', 'Y'],
      ['Y', 'Z'],
      ['Z', 'X'],
    ])
      expect(index.isInChainOfCommand(a, b)).toBe(true);
    // Under a loop, every member of it is a manager at some level.
    for (const member of ['X', 'Y', 'Z']) {
      expect(index.isInChainOfCommand('D', member)).toBe(true);
      expect(index.isInChainOfCommand('F', member)).toBe(true);
      expect(index.isInChainOfCommand('E', member)).toBe(true);
    }
    expect(index.isInChainOfCommand('D', 'E')).toBe(false);
    expect(index.isInChainOfCommand('T', 'X')).toBe(false);
    expect(ids(index.chainOf('F'))).toEqual(['D', 'X', 'Y', 'Z']);
    expect(ids(index.chainOf('Y'))).toEqual(['Z', 'X']);
    expect(index.managerOf('X')?.id).toBe('Y');
  });

  it('treats a person with an unknown manager as a top and reports it', () => {
    const index = OrgIndex.build([person('Top'), person('Orphan', 'gone'), person('Child', 'Orphan')]);
    expect(index.anomalies).toEqual([{ kind: 'missingManager', personIds: ['Orphan'], managerId: 'gone' }]);
    expect(index.managerOf('Orphan')).toBeUndefined();
    expect(ids(index.chainOf('Child'))).toEqual(['Orphan']);
    expect(index.isInChainOfCommand('Child', 'Orphan')).toBe(true);
    expect(index.isInChainOfCommand('Child', 'Top')).toBe(false);
  });

  it('treats a person who manages themselves as a top', () => {
    const index = OrgIndex.build([person('Self', 'Self'), person('R', 'Self')]);
    expect(index.anomalies).toEqual([{ kind: 'selfManager', personIds: ['Self'] }]);
    expect(index.chainOf('Self')).toEqual([]);
    expect(index.isInChainOfCommand('R', 'Self')).toBe(true);
    expect(index.hasDirectReports('Self')).toBe(true);
  });

  it('keeps a disabled account in the chain and lists it', () => {
    const index = OrgIndex.build([person('Top'), person('Gone', 'Top', { accountEnabled: false }), person('Under', 'Gone')]);
    expect(index.anomalies).toEqual([{ kind: 'disabledAccount', personIds: ['Gone'] }]);
    expect(index.isInChainOfCommand('Under', 'Top')).toBe(true);
    expect(ids(index.chainOf('Under'))).toEqual(['Gone', 'Top']);
  });

  it('keeps the later record of a duplicated id', () => {
    const index = OrgIndex.build([person('A'), person('B', 'A'), person('B', undefined, { name: 'Later B' })]);
    expect(index.size).toBe(2);
    expect(index.getPerson('B')?.name).toBe('Later B');
    expect(index.isInChainOfCommand('B', 'A')).toBe(false);
    expect(index.anomalies).toEqual([{ kind: 'duplicateId', personIds: ['B'] }]);
  });

  it('describes each anomaly with the names of the people it concerns', () => {
    const index = OrgIndex.build([person('X', 'Y', { name: 'Xena Park' }), person('Y', 'X', { name: 'Yusuf Ali' }), person('O', 'gone', { name: 'Olga Ruiz' })]);
    const sentences = index.anomalies.map((a) => describeAnomaly(a, (id) => index.getPerson(id)));
    expect(sentences).toEqual([
      'Olga Ruiz has a manager (gone) who is not in the directory; treated as a top of the org.',
      "Managers form a loop: Xena Park, Yusuf Ali. They are treated as one another's chain of command.",
    ]);
  });

  it('stays usable on an empty directory', () => {
    const index = OrgIndex.empty();
    expect(index.size).toBe(0);
    expect(index.search('a')).toEqual({ people: [], total: 0 });
  });
});

describe('OrgIndex search', () => {
  const index = OrgIndex.build([
    person('1', undefined, { name: 'Angela Brooks', mail: 'angela.brooks@example.org' }),
    person('2', '1', { name: 'Sam Okafor', mail: 'sam.okafor@example.org' }),
    person('3', '1', { name: 'Jordan Lee', mail: 'jordan.lee@example.org' }),
    person('4', '1', { name: 'angie Moss', mail: undefined }),
    person('5', '1', { name: 'Brooke Adams', mail: 'b.adams@example.org' }),
  ]);

  it('matches any part of the name or the mail, case-insensitively, in name order', () => {
    expect(index.search('ANG').people.map((p) => p.name)).toEqual(['Angela Brooks', 'angie Moss']);
    expect(index.search('brook').people.map((p) => p.name)).toEqual(['Angela Brooks', 'Brooke Adams']);
    expect(index.search('b.adams@').people.map((p) => p.name)).toEqual(['Brooke Adams']);
    expect(index.search('zzz')).toEqual({ people: [], total: 0 });
  });

  it('counts every person once even when the name and the mail both match', () => {
    expect(index.search('o').total).toBe(5);
  });

  it('pages through the results', () => {
    const first = index.search('', { limit: 2 });
    const second = index.search('', { limit: 2, offset: 2 });
    expect(first.total).toBe(5);
    expect(first.people.map((p) => p.name)).toEqual(['Angela Brooks', 'angie Moss']);
    expect(second.people.map((p) => p.name)).toEqual(['Brooke Adams', 'Jordan Lee']);
    expect(index.search('o', { limit: 1, offset: 4 }).people.map((p) => p.name)).toEqual(['Sam Okafor']);
  });
});

describe('OrgIndex against a plain walk up the managers', () => {
  // Managers at any level by following links, stopping at a repeat: the rule as written, without the index.
  function managersAbove(byId: Map<string, Person>, id: string): Set<string> {
    const seen = new Set<string>();
    let current = byId.get(id)?.managerId;
    while (current !== undefined && byId.has(current) && !seen.has(current)) {
      seen.add(current);
      current = byId.get(current)?.managerId;
    }
    seen.delete(id);
    return seen;
  }

  it('agrees on every pair of a random org with loops, orphans and self-managers', () => {
    let state = 12345;
    const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const n = 120;
    const people = Array.from({ length: n }, (_, i) => {
      const r = random();
      // Mostly a tree (manager earlier in the list), some links forward (loops), to nobody, or to an unknown id.
      const managerId = i === 0 ? undefined : r < 0.8 ? `p${Math.floor(random() * i)}` : r < 0.9 ? `p${Math.floor(random() * n)}` : r < 0.95 ? `ghost${i}` : undefined;
      return person(`p${i}`, managerId);
    });
    // A sure loop with people hanging from it, and a self-manager.
    Object.assign(people[117], { managerId: 'p118' });
    Object.assign(people[118], { managerId: 'p119' });
    Object.assign(people[119], { managerId: 'p117' });
    Object.assign(people[70], { managerId: 'p118' });
    Object.assign(people[60], { managerId: 'p60' });
    const index = OrgIndex.build(people);
    const byId = new Map(people.map((p) => [p.id, p]));
    expect(index.anomalies.some((a) => a.kind === 'cycle')).toBe(true);
    for (const p of people) {
      const above = managersAbove(byId, p.id);
      expect(new Set(ids(index.chainOf(p.id)))).toEqual(above);
      for (const e of people) {
        const expected = p.id !== e.id && (above.has(e.id) || managersAbove(byId, e.id).has(p.id));
        if (index.isInChainOfCommand(p.id, e.id) !== expected) throw new Error(`${p.id} / ${e.id}: expected ${expected}`);
      }
    }
  });
});

import { OrgIndex } from '../../../bot/directory/orgIndex';
import type { Person } from '../../../bot/directory/person';
import { generateOrg } from '../../../bot/directory/sampleOrg';
import { DEFAULT_SCORING, pairScore, scoreMatrix, violationsOf, type HardRules, type Participant } from '../../../bot/program/matching/matchingRules';
import { runMatching, withAssignment, withBan, EMPTY_PROPOSAL, type ProposedPair } from '../../../bot/program/matching/proposalRules';
import { syntheticPool } from '../../../bot/program/matching/syntheticPool';
import { FORBIDDEN } from '../../../bot/program/matching/solver/assignment';

const person = (id: string, managerId?: string, department = 'D'): Person => ({ id, name: id, managerId, department, accountEnabled: true });
const who = (id: string, topicIds: string[], department = 'D'): Participant => ({ id, topicIds, department });
const rulesOf = (org: OrgIndex, extra: Partial<HardRules> = {}): HardRules => ({ hierarchy: org, pairedBefore: [], bans: [], ...extra });

describe('matching rules', () => {
  it('scores 10 per shared topic plus 3 when departments are known and differ', () => {
    expect(pairScore(who('e', ['t1', 't2', 't3'], 'A'), who('m', ['t2', 't3', 't4'], 'B'), DEFAULT_SCORING)).toEqual({ score: 23, sharedTopicIds: ['t2', 't3'] });
    expect(pairScore(who('e', ['t1'], 'A'), who('m', ['t1'], 'A'), DEFAULT_SCORING).score).toBe(10);
    expect(pairScore({ id: 'e', topicIds: ['t1'] }, who('m', ['t2'], 'A'), DEFAULT_SCORING).score).toBe(0);
    const org = OrgIndex.build([]);
    const m = scoreMatrix(
      [who('e', ['t1', 't40'], 'A')],
      [who('m', ['t40', 't1'], 'B')],
      Array.from({ length: 40 }, (_, i) => `t${i + 1}`),
      rulesOf(org),
      { perSharedTopic: 7, differentDepartmentBonus: 1 },
    );
    expect(m.scores[0]).toBe(15);
  });

  it('forbids exactly the pairs the directory puts in one chain of command, on a generated org', () => {
    const org = OrgIndex.build(generateOrg({ size: 3000, seed: 5 }));
    const pool = syntheticPool(org, { executives: 80, mentors: 300, topicCount: 20, seed: 3 });
    // Some managers as mentors too, so both directions of the rule are exercised.
    const mentors = [
      ...pool.mentors,
      ...org
        .all()
        .filter((p) => org.hasDirectReports(p.id))
        .slice(40, 140)
        .map((p) => who(p.id, ['t1'], p.department)),
    ];
    const m = scoreMatrix(pool.executives, mentors, pool.topicIds, rulesOf(org), DEFAULT_SCORING);
    let forbidden = 0;
    pool.executives.forEach((e, r) => {
      let inChain = 0;
      mentors.forEach((mentor, c) => {
        // A person is never paired with themselves (not a chain-of-command question for the directory).
        const expected = mentor.id === e.id || org.isInChainOfCommand(mentor.id, e.id);
        expect(m.scores[r * mentors.length + c] === FORBIDDEN).toBe(expected);
        if (expected) inChain++;
      });
      expect(m.chainExcluded[r]).toBe(inChain);
      expect(m.eligible[r]).toBe(mentors.length - inChain);
      forbidden += inChain;
    });
    expect(forbidden).toBeGreaterThan(100);
  });

  it('treats a loop of managers as one another’s chain of command', () => {
    const org = OrgIndex.build([person('a', 'b'), person('b', 'a'), person('c', 'a'), person('d')]);
    const m = scoreMatrix([who('a', [])], [who('b', []), who('c', []), who('d', [])], [], rulesOf(org), DEFAULT_SCORING);
    expect(Array.from(m.scores)).toEqual([FORBIDDEN, FORBIDDEN, 0]);
    expect(violationsOf('a', 'b', rulesOf(org)).map((v) => v.rule)).toEqual(['chainOfCommand']);
  });

  it('excludes earlier pairings and bans, and names every broken rule', () => {
    const org = OrgIndex.build([person('e1'), person('e2'), person('m1'), person('m2')]);
    const rules = rulesOf(org, { pairedBefore: [{ executiveId: 'e1', mentorId: 'm1' }], bans: [{ executiveId: 'e2', mentorId: 'm2' }] });
    const result = runMatching({
      executives: [who('e1', ['t1']), who('e2', ['t1'])],
      mentors: [who('m1', ['t1']), who('m2', ['t1'])],
      topicIds: ['t1'],
      rules,
      scoring: DEFAULT_SCORING,
      locks: [],
    });
    expect(result.pairs.map((p) => `${p.executiveId}-${p.mentorId}`).sort()).toEqual(['e1-m2', 'e2-m1']);
    expect(violationsOf('e1', 'm1', rules).map((v) => v.rule)).toEqual(['pairedBefore']);
    expect(violationsOf('e2', 'm2', rules).map((v) => v.rule)).toEqual(['banned']);
  });

  it('keeps locks, and explains each executive left out', () => {
    // top manages everyone; e1 and e2 both want m1 most; m2 is under e2.
    const org = OrgIndex.build([person('top'), person('e1', 'top'), person('e2', 'top'), person('m1', 'e1'), person('m2', 'e2')]);
    const executives = [who('top', ['t1']), who('e1', ['t1']), who('e2', ['t1'])];
    const mentors = [who('m1', ['t1']), who('m2', ['t1'])];
    const base = { executives, mentors, topicIds: ['t1'], rules: rulesOf(org), scoring: DEFAULT_SCORING };
    const free = runMatching({ ...base, locks: [] });
    expect(free.pairs.map((p) => `${p.executiveId}-${p.mentorId}`).sort()).toEqual(['e1-m2', 'e2-m1']);
    expect(free.unmatched).toEqual([
      expect.objectContaining({ executiveId: 'top', reason: 'chainOfCommand', explanation: 'Every accepted mentor reports up to this executive.', chainExcluded: 2 }),
    ]);

    const lock: ProposedPair = { executiveId: 'e1', mentorId: 'm2', score: 10, sharedTopicIds: ['t1'], chainExcluded: 1, locked: true, source: 'solver', override: null };
    const banned = runMatching({ ...base, rules: rulesOf(org, { bans: [{ executiveId: 'e2', mentorId: 'm1' }] }), locks: [lock] });
    expect(banned.pairs).toEqual([expect.objectContaining({ executiveId: 'e1', mentorId: 'm2', locked: true })]);
    expect(banned.unmatched.find((u) => u.executiveId === 'e2')).toMatchObject({ reason: 'allExcluded' });

    const lockedAway = runMatching({
      ...base,
      locks: [
        { ...lock, executiveId: 'e1', mentorId: 'm2' },
        { ...lock, executiveId: 'top', mentorId: 'm1', source: 'manual' },
      ],
    });
    expect(lockedAway.unmatched).toEqual([expect.objectContaining({ executiveId: 'e2', reason: 'lockedAway' })]);

    const outscored = runMatching({
      executives: [who('e1', ['t1']), who('e2', ['t1'])],
      mentors: [who('m9', ['t1'])],
      topicIds: ['t1'],
      rules: rulesOf(OrgIndex.build([])),
      scoring: DEFAULT_SCORING,
      locks: [],
    });
    expect(outscored.unmatched).toEqual([expect.objectContaining({ reason: 'outscored' })]);
    expect(runMatching({ ...base, mentors: [], locks: [] }).unmatched.map((u) => u.reason)).toEqual(['noMentors', 'noMentors', 'noMentors']);
  });

  it('takes a banned pair out of the proposal, and moves a mentor placed by hand away from their former executive', () => {
    const pair = (executiveId: string, mentorId: string): ProposedPair => ({
      executiveId,
      mentorId,
      score: 10,
      sharedTopicIds: [],
      chainExcluded: 0,
      locked: false,
      source: 'solver',
      override: null,
    });
    const state = { ...EMPTY_PROPOSAL, status: 'proposed' as const, pairs: [pair('e1', 'm1'), pair('e2', 'm2')] };
    const afterBan = withBan(state, { executiveId: 'e1', mentorId: 'm1', reason: '', by: 'x', byName: 'X', at: '' });
    expect(afterBan.pairs.map((p) => p.executiveId)).toEqual(['e2']);
    expect(afterBan.unmatched.map((u) => [u.executiveId, u.reason])).toEqual([['e1', 'changedByHand']]);
    const moved = withAssignment(afterBan, 'e1', { ...pair('e1', 'm2'), locked: true, source: 'manual' }, 0);
    expect(moved.pairs).toEqual([expect.objectContaining({ executiveId: 'e1', mentorId: 'm2', locked: true })]);
    expect(moved.unmatched.map((u) => u.executiveId)).toEqual(['e2']);
  });
});

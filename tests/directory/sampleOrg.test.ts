import { generateOrg, sampleOrg, sampleRoles, SAMPLE_ORG_SIZE } from '../../bot/directory/sampleOrg';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import { OrgIndex } from '../../bot/directory/orgIndex';

describe('the sample org', () => {
  const org = sampleOrg();
  const index = OrgIndex.build(org);
  const { executive, manager, employee, taskforce } = samplePersonas;

  it('is deterministic and about 2,000 people', () => {
    expect(sampleOrg()).toEqual(org);
    expect(org).toHaveLength(SAMPLE_ORG_SIZE);
    expect(new Set(org.map((p) => p.id)).size).toBe(org.length);
    expect(new Set(org.map((p) => p.mail)).size).toBe(org.length);
  });

  it('has no anomaly but at most one disabled account', () => {
    expect(index.anomalies.filter((a) => a.kind !== 'disabledAccount')).toEqual([]);
    expect(index.anomalies.length).toBeLessThanOrEqual(1);
  });

  it('has one president at the top, with every person under them', () => {
    const tops = org.filter((p) => p.managerId === undefined);
    expect(tops.map((p) => p.jobTitle)).toEqual(['President']);
    for (const person of org) if (person !== tops[0]) expect(index.isInChainOfCommand(person.id, tops[0].id)).toBe(true);
  });

  it('places the executive as an executive vice president reporting to the president', () => {
    expect(index.getPerson(executive.id)).toMatchObject({ name: executive.name, jobTitle: executive.jobTitle, accountEnabled: true });
    expect(index.managerOf(executive.id)?.jobTitle).toBe('President');
  });

  it('places the manager in pharmacy with direct reports, one of them the front-line employee', () => {
    expect(index.getPerson(manager.id)).toMatchObject({ name: manager.name, department: 'Pharmacy' });
    expect(index.directReportsOf(manager.id).length).toBeGreaterThanOrEqual(2);
    expect(index.managerOf(employee.id)?.id).toBe(manager.id);
    expect(index.getPerson(employee.id)).toMatchObject({ name: employee.name, jobTitle: employee.jobTitle, accountEnabled: true });
    expect(index.hasDirectReports(employee.id)).toBe(false);
  });

  it("keeps the employee and their manager out of the executive's chain of command", () => {
    expect(index.isInChainOfCommand(employee.id, executive.id)).toBe(false);
    expect(index.isInChainOfCommand(manager.id, executive.id)).toBe(false);
  });

  it('places the taskforce member as a director in Human Resources', () => {
    expect(index.getPerson(taskforce.id)).toMatchObject({ name: taskforce.name, department: 'Human Resources', jobTitle: taskforce.jobTitle });
  });

  it('names a taskforce of four from Human Resources and the executives from president to vice presidents', () => {
    const roles = sampleRoles(org);
    expect(roles.taskforce).toHaveLength(4);
    expect(roles.taskforce[0]).toBe(taskforce.id);
    for (const id of roles.taskforce) expect(index.getPerson(id)?.department).toBe('Human Resources');
    expect(roles.executives).toContain(executive.id);
    expect(roles.executives).not.toContain(manager.id);
    const titles = roles.executives.map((id) => index.getPerson(id)?.jobTitle ?? '');
    expect(titles.every((t) => /^(President|Executive Vice President|Senior Vice President|Vice President)/.test(t))).toBe(true);
    expect(titles.filter((t) => t.startsWith('Executive Vice President'))).toHaveLength(6);
  });

  it('finds the personas by name and by mail', () => {
    expect(index.search('okafor').people.map((p) => p.id)).toContain(manager.id);
    expect(index.search('jordan.lee@').people.map((p) => p.id)).toEqual([employee.id]);
  });
});

describe('generateOrg', () => {
  it('gives the same org for the same seed and another for another seed', () => {
    expect(generateOrg({ size: 500, seed: 7 })).toEqual(generateOrg({ size: 500, seed: 7 }));
    expect(generateOrg({ size: 500, seed: 8 })[10].id).not.toBe(generateOrg({ size: 500, seed: 7 })[10].id);
  });

  it('makes exactly the size asked, down to a single person', () => {
    for (const size of [1, 2, 7, 13, 250]) expect(generateOrg({ size, seed: 1 })).toHaveLength(size);
  });

  it('makes 100,000 people in one tree with a handful of disabled accounts', () => {
    const org = generateOrg({ size: 100_000, seed: 3 });
    const index = OrgIndex.build(org);
    expect(index.size).toBe(100_000);
    expect(index.anomalies.every((a) => a.kind === 'disabledAccount')).toBe(true);
    expect(index.anomalies).toHaveLength(50);
    expect(org.filter((p) => p.managerId === undefined)).toHaveLength(1);
  });
});

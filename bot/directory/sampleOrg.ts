import type { Person } from './person';
import { samplePersonas } from './samplePersonas';
import { DIVISIONS, FIRST_NAMES, LAST_NAMES, MAIL_DOMAIN, PRESIDENT, type DepartmentShape, type DivisionShape } from './sampleOrgData';
import { seededRandom } from '../seededRandom';

/**
 * A synthetic, deterministic org of a large cancer hospital: a president, executive vice presidents leading divisions,
 * vice presidents over departments, directors, managers, and front-line staff and faculty. The same size and seed always
 * give the same people, ids and links.
 */
export interface GenerateOrgOptions {
  size: number;
  seed: number;
  /** Front-line accounts to disable; default one per 2,000 people. */
  disabledAccounts?: number;
}

export const SAMPLE_ORG_SIZE = 2000;
export const SAMPLE_ORG_SEED = 20240917;

type Level = 'president' | 'evp' | 'vp' | 'director' | 'manager' | 'frontLine';

interface OrgNode {
  id: string;
  firstName: string;
  lastName: string;
  jobTitle: string;
  department: string;
  level: Level;
  /** Index of the manager in the node list; -1 at the top. */
  manager: number;
  accountEnabled: boolean;
}

/** Share of the hospital in each division, in the order of DIVISIONS. */
const DIVISION_WEIGHTS = [0.3, 0.25, 0.15, 0.12, 0.08, 0.1];
/** A unit with fewer people than this under its head has front-line staff reporting straight to that head. */
const SMALL_UNIT = 8;
const PEOPLE_PER_VP = 150;
const PEOPLE_PER_DIRECTOR = 300;
const PEOPLE_PER_MANAGER = 12;

export function generateOrg(options: GenerateOrgOptions): Person[] {
  return toPeople(generateNodes(options));
}

/** The embedded default org: about 2,000 people, with the sample personas placed so every role can be tried locally. */
export function sampleOrg(): Person[] {
  const nodes = generateNodes({ size: SAMPLE_ORG_SIZE, seed: SAMPLE_ORG_SEED });
  placePersonas(nodes);
  return toPeople(nodes);
}

/**
 * Who holds a role in the sample org: the taskforce (the sample taskforce persona and three colleagues from Human
 * Resources' learning and people teams) and the executives (president, executive, senior and other vice presidents).
 */
export function sampleRoles(org: readonly Person[]): { taskforce: string[]; executives: string[] } {
  const taskforceId = samplePersonas.taskforce.id;
  const colleagues = org
    .filter(
      (p) => p.id !== taskforceId && p.accountEnabled && p.department === 'Human Resources' && /^(Learning and Development Specialist|HR Business Partner)$/.test(p.jobTitle ?? ''),
    )
    .map((p) => p.id)
    // By id, not by the order the org comes in: a snapshot read back from storage is in row-key order, and the
    // taskforce must stay the same people across a restart.
    .sort()
    .slice(0, 3);
  const executives = org.filter((p) => p.accountEnabled && /^(President|Executive Vice President|Senior Vice President|Vice President)\b/.test(p.jobTitle ?? '')).map((p) => p.id);
  return { taskforce: [taskforceId, ...colleagues], executives };
}

function generateNodes({ size, seed, disabledAccounts }: GenerateOrgOptions): OrgNode[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('generateOrg: size must be a whole number of at least 1.');
  const random = seededRandom(seed);
  const nodes: OrgNode[] = [];
  const reserved = new Set<string>(Object.values(samplePersonas).map((p) => p.name));

  const add = (level: Level, manager: number, jobTitle: string, department: string): number => {
    let firstName: string;
    let lastName: string;
    do {
      firstName = pick(FIRST_NAMES, random);
      lastName = pick(LAST_NAMES, random);
    } while (reserved.has(`${firstName} ${lastName}`));
    nodes.push({ id: uuidFrom(random, nodes.length), firstName, lastName, jobTitle, department, level, manager, accountEnabled: true });
    return nodes.length - 1;
  };

  const frontLine = (budget: number, manager: number, shape: DepartmentShape) => {
    for (let i = 0; i < budget; i++) add('frontLine', manager, pickWeighted(shape.frontLine, random), shape.department);
  };

  const unit = (budget: number, manager: number, level: 'vp' | 'director' | 'manager', shape: DepartmentShape) => {
    const title =
      level === 'vp' ? `${budget >= 1000 ? 'Senior Vice President' : 'Vice President'}, ${shape.area}` : `${level === 'director' ? 'Director' : 'Manager'}, ${shape.area}`;
    const head = add(level, manager, title, shape.department);
    const rest = budget - 1;
    if (level === 'manager' || rest < SMALL_UNIT) return frontLine(rest, head, shape);
    const childLevel = level === 'vp' ? 'director' : 'manager';
    const perChild = level === 'vp' ? PEOPLE_PER_DIRECTOR : PEOPLE_PER_MANAGER;
    for (const share of split(rest, Math.max(2, Math.ceil(rest / perChild)), random)) unit(share, head, childLevel, shape);
  };

  const division = (budget: number, manager: number, shape: DivisionShape) => {
    const head = add('evp', manager, shape.evpTitle, shape.departments[0].department);
    const rest = budget - 1;
    if (rest < SMALL_UNIT) return frontLine(rest, head, shape.departments[0]);
    const vps = Math.max(2, Math.min(shape.departments.length, Math.ceil(rest / PEOPLE_PER_VP)), Math.ceil(rest / (PEOPLE_PER_DIRECTOR * 8)));
    split(rest, vps, random).forEach((share, i) => unit(share, head, 'vp', shape.departments[i % shape.departments.length]));
  };

  const president = add('president', -1, PRESIDENT.jobTitle, PRESIDENT.department);
  const rest = size - 1;
  const divisions = DIVISIONS.slice(0, Math.min(rest, DIVISIONS.length));
  if (divisions.length > 0) {
    const shares = split(rest, divisions.length, random, DIVISION_WEIGHTS.slice(0, divisions.length));
    divisions.forEach((shape, i) => division(shares[i], president, shape));
  }

  const frontLiners = nodes.filter((n) => n.level === 'frontLine');
  let toDisable = Math.min(disabledAccounts ?? Math.floor(size / 2000), frontLiners.length);
  while (toDisable > 0) {
    const node = frontLiners[Math.floor(random() * frontLiners.length)];
    if (node.accountEnabled) {
      node.accountEnabled = false;
      toDisable--;
    }
  }
  return nodes;
}

/** Puts the sample personas at their places: ids, names and titles are theirs; their links come from the tree. */
function placePersonas(nodes: OrgNode[]): void {
  const reportsOf = (index: number) => nodes.flatMap((n, i) => (n.manager === index ? [i] : []));
  const find = (what: string, test: (node: OrgNode, index: number) => boolean): number => {
    const index = nodes.findIndex(test);
    if (index < 0) throw new Error(`The sample org has no place for ${what}.`);
    return index;
  };
  const executive = find('the executive', (n) => n.level === 'evp' && n.jobTitle === samplePersonas.executive.jobTitle);
  const manager = find('the manager', (n, i) => n.level === 'manager' && n.department === 'Pharmacy' && reportsOf(i).filter((r) => nodes[r].accountEnabled).length >= 2);
  const employee = reportsOf(manager).find((r) => nodes[r].accountEnabled && nodes[r].level === 'frontLine');
  const taskforce = find('the taskforce member', (n) => n.level === 'director' && n.department === 'Human Resources');
  if (employee === undefined) throw new Error('The sample org has no place for the employee.');

  const places: Array<[number, { id: string; name: string; jobTitle: string; department: string }]> = [
    [executive, samplePersonas.executive],
    [manager, samplePersonas.manager],
    [employee, samplePersonas.employee],
    [taskforce, samplePersonas.taskforce],
  ];
  for (const [index, persona] of places) {
    const [firstName, ...rest] = persona.name.split(' ');
    Object.assign(nodes[index], { id: persona.id, firstName, lastName: rest.join(' '), jobTitle: persona.jobTitle, department: persona.department, accountEnabled: true });
  }
}

function toPeople(nodes: readonly OrgNode[]): Person[] {
  const mailsTaken = new Map<string, number>();
  return nodes.map((node) => {
    const local = `${node.firstName}.${node.lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
    const seen = (mailsTaken.get(local) ?? 0) + 1;
    mailsTaken.set(local, seen);
    const person: Person = {
      id: node.id,
      name: `${node.firstName} ${node.lastName}`,
      mail: `${local}${seen > 1 ? seen : ''}@${MAIL_DOMAIN}`,
      jobTitle: node.jobTitle,
      department: node.department,
      accountEnabled: node.accountEnabled,
    };
    if (node.manager >= 0) person.managerId = nodes[node.manager].id;
    return person;
  });
}

/** Splits a whole number into `parts` positive whole shares, each near its weight (random weights when none given). */
function split(total: number, parts: number, random: () => number, weights?: readonly number[]): number[] {
  const count = Math.min(parts, total);
  const w = weights?.slice(0, count) ?? Array.from({ length: count }, () => 0.75 + random() * 0.5);
  const sum = w.reduce((a, b) => a + b, 0);
  const spare = total - count; // everyone gets one; the rest goes by weight
  const exact = w.map((x) => (x / sum) * spare);
  const shares = exact.map((x) => 1 + Math.floor(x));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % count, left--) shares[byRemainder[k][1]]++;
  return shares;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

/** Earlier titles in the list are more common (weights n, n-1, ..., 1). */
function pickWeighted<T>(items: readonly T[], random: () => number): T {
  const n = items.length;
  let r = random() * ((n * (n + 1)) / 2);
  for (let i = 0; i < n; i++) {
    r -= n - i;
    if (r < 0) return items[i];
  }
  return items[n - 1];
}

/** An id shaped like an Entra object id (a version 4 UUID); the last group holds the position, so ids never collide. */
function uuidFrom(random: () => number, position: number): string {
  const hex = (digits: number) => Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${position.toString(16).padStart(12, '0')}`;
}

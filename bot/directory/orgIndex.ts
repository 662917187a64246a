import type { Directory, Person } from './person';
import type { OrgAnomaly } from './orgAnomaly';
import { NameSearch } from './nameSearch';

const NONE = -1;

/**
 * The org hierarchy in memory, built once per snapshot and then only read.
 *
 * The chain-of-command rule, exactly: **P is in E's chain of command when E is one of P's managers at any level, or P is
 * one of E's managers at any level.** A person is not in their own chain of command. People not in the directory are in
 * nobody's chain of command (callers that need both people check `getPerson` first).
 *
 * Bad data becomes an anomaly, never an error:
 * - a manager id not in the directory, or a person who is their own manager: that person is treated as a top of the org;
 * - managers that form a loop: the loop's members count as one another's managers, and everyone below any of them has
 *   all of them as managers (the safe reading: a mentor must never be paired inside a loop they hang from);
 * - a disabled account: kept in the hierarchy (it still links the chain), and listed.
 *
 * Questions are answered in O(1) (chain of command, via Euler-tour intervals over the tree where each loop is one node)
 * or O(answer size) (direct reports, the chain of managers).
 */
export class OrgIndex implements Directory {
  private search_: NameSearch | undefined;

  private constructor(
    private readonly people: readonly Person[],
    private readonly positionOf: ReadonlyMap<string, number>,
    /** Position of the recorded manager, or NONE (no manager, unknown manager, or self). */
    private readonly manager: Int32Array,
    /** Direct reports as recorded, grouped by manager: reportList[reportStart[m] .. reportStart[m + 1]). */
    private readonly reportStart: Int32Array,
    private readonly reportList: Int32Array,
    /** For people in a manager loop, the position that stands for the loop in the tree; NONE otherwise. */
    private readonly loopOf: Int32Array,
    /** Euler-tour entry and last-descendant numbers of each tree node (a person, or a loop's representative). */
    private readonly enter: Int32Array,
    private readonly exit: Int32Array,
    readonly anomalies: readonly OrgAnomaly[],
  ) {}

  static build(input: readonly Person[]): OrgIndex {
    const anomalies: OrgAnomaly[] = [];
    const { people, positionOf } = dedupe(input, anomalies);
    const n = people.length;

    const manager = new Int32Array(n).fill(NONE);
    for (let i = 0; i < n; i++) {
      const person = people[i];
      if (!person.accountEnabled) anomalies.push({ kind: 'disabledAccount', personIds: [person.id] });
      const managerId = person.managerId;
      if (managerId === undefined || managerId === '') continue;
      if (managerId === person.id) {
        anomalies.push({ kind: 'selfManager', personIds: [person.id] });
        continue;
      }
      const m = positionOf.get(managerId);
      if (m === undefined) anomalies.push({ kind: 'missingManager', personIds: [person.id], managerId });
      else manager[i] = m;
    }

    const [reportStart, reportList] = groupBy(manager, n);
    const loopOf = findLoops(manager, people, anomalies);
    const [enter, exit] = eulerTour(manager, loopOf, n);
    return new OrgIndex(people, positionOf, manager, reportStart, reportList, loopOf, enter, exit, anomalies);
  }

  static empty(): OrgIndex {
    return OrgIndex.build([]);
  }

  get size(): number {
    return this.people.length;
  }

  /** Everyone, in the order the snapshot gave them. */
  all(): readonly Person[] {
    return this.people;
  }

  getPerson(id: string): Person | undefined {
    const i = this.positionOf.get(id);
    return i === undefined ? undefined : this.people[i];
  }

  /** The manager as recorded, when that manager is in the directory (undefined at the top, or for a bad link). */
  managerOf(id: string): Person | undefined {
    const i = this.positionOf.get(id);
    if (i === undefined || this.manager[i] === NONE) return undefined;
    return this.people[this.manager[i]];
  }

  /** Everyone who has this person recorded as their manager. */
  directReportsOf(id: string): Person[] {
    const m = this.positionOf.get(id);
    if (m === undefined) return [];
    const reports: Person[] = [];
    for (let k = this.reportStart[m]; k < this.reportStart[m + 1]; k++) reports.push(this.people[this.reportList[k]]);
    return reports;
  }

  hasDirectReports(id: string): boolean {
    const m = this.positionOf.get(id);
    return m !== undefined && this.reportStart[m + 1] > this.reportStart[m];
  }

  /**
   * The managers above a person, nearest first, up to the top. A loop of managers is listed once, in its order, and
   * ends the chain.
   */
  chainOf(id: string): Person[] {
    const start = this.positionOf.get(id);
    if (start === undefined) return [];
    const chain: Person[] = [];
    let current = start;
    for (;;) {
      const above = this.manager[current];
      if (above === NONE) return chain;
      if (this.loopOf[above] !== NONE) {
        // Walk the loop once from the first member reached, leaving out the person asked about.
        let member = above;
        do {
          if (member !== start) chain.push(this.people[member]);
          member = this.manager[member];
        } while (member !== above);
        return chain;
      }
      chain.push(this.people[above]);
      current = above;
    }
  }

  /** True when `executiveId` is one of the person's managers at any level, or the person is one of the executive's. */
  isInChainOfCommand(personId: string, executiveId: string): boolean {
    const p = this.positionOf.get(personId);
    const e = this.positionOf.get(executiveId);
    if (p === undefined || e === undefined || p === e) return false;
    const pNode = this.nodeOf(p);
    const eNode = this.nodeOf(e);
    if (pNode === eNode) return true; // the same loop of managers
    return this.isAbove(eNode, pNode) || this.isAbove(pNode, eNode);
  }

  /** People whose name or mail contains the query (case-insensitive), in name order, a page at a time. */
  search(query: string, options: { limit?: number; offset?: number } = {}): { people: Person[]; total: number } {
    this.search_ ??= new NameSearch(this.people); // built on first use: most indexes are never searched
    return this.search_.find(query, options);
  }

  private nodeOf(position: number): number {
    const loop = this.loopOf[position];
    return loop === NONE ? position : loop;
  }

  private isAbove(upper: number, lower: number): boolean {
    return this.enter[upper] < this.enter[lower] && this.enter[lower] <= this.exit[upper];
  }
}

function dedupe(input: readonly Person[], anomalies: OrgAnomaly[]): { people: Person[]; positionOf: Map<string, number> } {
  const people: Person[] = [];
  const positionOf = new Map<string, number>();
  for (const person of input) {
    const seen = positionOf.get(person.id);
    if (seen === undefined) {
      positionOf.set(person.id, people.length);
      people.push(person);
    } else {
      anomalies.push({ kind: 'duplicateId', personIds: [person.id] });
      people[seen] = person;
    }
  }
  return { people, positionOf };
}

/** Compressed lists of the positions pointing at each parent: [start offsets (n + 1), members]. */
function groupBy(parent: Int32Array, n: number): [Int32Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (parent[i] !== NONE) start[parent[i] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const list = new Int32Array(start[n]);
  for (let i = 0; i < n; i++) if (parent[i] !== NONE) list[fill[parent[i]]++] = i;
  return [start, list];
}

/**
 * Finds manager loops (each person has at most one manager, so every walk upwards ends at a top or in exactly one loop).
 * Returns, for each person in a loop, the position of the loop's representative (its first member met).
 */
function findLoops(manager: Int32Array, people: readonly Person[], anomalies: OrgAnomaly[]): Int32Array {
  const n = manager.length;
  const loopOf = new Int32Array(n).fill(NONE);
  const walkOf = new Int32Array(n).fill(NONE); // which walk first reached a person
  for (let start = 0; start < n; start++) {
    if (walkOf[start] !== NONE) continue;
    let current = start;
    while (current !== NONE && walkOf[current] === NONE) {
      walkOf[current] = start;
      current = manager[current];
    }
    if (current === NONE || walkOf[current] !== start) continue; // reached a top, or a part already walked
    const members: string[] = [];
    let member = current;
    do {
      loopOf[member] = current;
      members.push(people[member].id);
      member = manager[member];
    } while (member !== current);
    anomalies.push({ kind: 'cycle', personIds: members });
  }
  return loopOf;
}

/**
 * Numbers the tree in depth-first order. Each loop is one node (its representative); people under any loop member hang
 * from that node. Returns [enter, exit]: a node's descendants have enter numbers in (enter[node], exit[node]].
 */
function eulerTour(manager: Int32Array, loopOf: Int32Array, n: number): [Int32Array, Int32Array] {
  const parentNode = new Int32Array(n).fill(NONE);
  for (let i = 0; i < n; i++) {
    const m = manager[i];
    if (loopOf[i] !== NONE || m === NONE) continue; // loop members and tops have no parent node
    parentNode[i] = loopOf[m] === NONE ? m : loopOf[m];
  }
  const [childStart, childList] = groupBy(parentNode, n);
  const enter = new Int32Array(n).fill(NONE);
  const exit = new Int32Array(n).fill(NONE);
  const stack = new Int32Array(n);
  const cursor = new Int32Array(n);
  let clock = 0;
  for (let root = 0; root < n; root++) {
    const isNode = loopOf[root] === NONE || loopOf[root] === root;
    if (!isNode || parentNode[root] !== NONE) continue;
    let depth = 0;
    stack[0] = root;
    cursor[0] = childStart[root];
    enter[root] = clock++;
    while (depth >= 0) {
      const node = stack[depth];
      if (cursor[depth] < childStart[node + 1]) {
        const child = childList[cursor[depth]++];
        enter[child] = clock++;
        stack[++depth] = child;
        cursor[depth] = childStart[child];
      } else {
        exit[node] = clock - 1;
        depth--;
      }
    }
  }
  return [enter, exit];
}

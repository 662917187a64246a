/**
 * Which survey result groups may be shown. Pure: no SDK, no I/O; the caller gives every fact the rule needs.
 *
 * A figure may never describe fewer than k people (default 5, configurable, never below 3), nor a set of people who all
 * sit in one executive's reporting line: such a figure tells that executive, or anyone who knows the org chart, how
 * those particular people answered. The rule is about every set a reader can *work out*, not only the groups shown:
 * favorability counts and respondent counts add up, so showing "all" and "all minus one reporting line" shows that line
 * (a differencing attack), and showing a total and all but one of its parts shows the last part (the complement).
 *
 * The rule, precisely:
 * 1. A set of respondents *fails* when it has fewer than k people, or when one executive's reporting line contains all
 *    of them. Lines that contain the whole institution (the chief executive's) are ignored: being in them narrows nothing.
 * 2. Every group that fails is hidden ("too-few", "one-reporting-line").
 * 3. Split the respondents of the shown groups into *cells*: people who belong to exactly the same shown groups. Any
 *    figure a reader can compute by adding and subtracting shown figures is a figure about a union of cells (a sum of
 *    group counts is constant on each cell). So if no cell fails, nothing derivable fails: a union of cells has at least
 *    k people and is not inside one line, since one of its cells is not. For nested groups (a total, its parts, their
 *    parts; everyone who answered and those who answered twice) each cell is itself derivable, so this hides no more
 *    than needed; for crossing breakdowns (role × unit) it may hide more than strictly needed, erring towards privacy.
 * 4. While some cell fails, hide one more group ("reveals-another-group"): among the shown groups that contain the cell
 *    or cut it out of a larger group, the one with the lowest precedence, then the one leaving the fewest failing cells,
 *    then the fewest members, then the last id. So a differencing pair loses its smaller member, a breakdown loses its
 *    next-smallest part, and the total survives.
 * Each round hides a group, so the rule ends after at most as many rounds as there are groups.
 */
export const DEFAULT_MINIMUM_GROUP_SIZE = 5;
export const LOWEST_MINIMUM_GROUP_SIZE = 3;

/**
 * The k in force: 5 when not configured; a configured value is rounded up to a whole number and raised to 3 when lower,
 * because a threshold of 1 or 2 would show one person's answers, or two people's to each other.
 */
export function minimumGroupSize(configured?: number): number {
  if (configured === undefined) return DEFAULT_MINIMUM_GROUP_SIZE;
  if (!Number.isFinite(configured)) throw new RangeError(`The minimum group size must be a number, not ${configured}.`);
  return Math.max(LOWEST_MINIMUM_GROUP_SIZE, Math.ceil(configured));
}

export interface Respondent {
  /** The pseudonymous key (never a name or id). */
  key: string;
  /** Every executive whose reporting line includes this respondent. */
  lines: readonly string[];
}

export interface ReportGroup {
  id: string;
  members: readonly Respondent[];
  /** Kept in preference to groups of lower precedence when one of two must go (default 0). */
  precedence?: number;
}

export interface ReportingOptions {
  /** k; see minimumGroupSize. */
  minimumGroupSize?: number;
  /** Executives whose reporting line is the whole institution (the chief executive). */
  institutionWideLines?: readonly string[];
}

export type SuppressionReason = 'too-few' | 'one-reporting-line' | 'reveals-another-group';

export type GroupVisibility = { shown: true } | { shown: false; reason: SuppressionReason; message: string };

export function suppressionMessage(reason: SuppressionReason, k: number): string {
  switch (reason) {
    case 'too-few':
      return `Fewer than ${k} people answered, so results are not shown.`;
    case 'one-reporting-line':
      return 'Everyone in this group works in one executive’s reporting line, so results are not shown.';
    case 'reveals-another-group':
      return `Not shown: with the other results it would reveal the answers of fewer than ${k} people or of one reporting line.`;
  }
}

function failure(members: readonly Respondent[], k: number, ignoredLines: ReadonlySet<string>): SuppressionReason | undefined {
  if (members.length < k) return 'too-few';
  let common = new Set(members[0].lines.filter((line) => !ignoredLines.has(line)));
  for (const member of members) {
    const own = new Set(member.lines);
    common = new Set([...common].filter((line) => own.has(line)));
    if (common.size === 0) return undefined;
  }
  return 'one-reporting-line';
}

function checkGroups(groups: readonly ReportGroup[]): void {
  const ids = new Set<string>();
  for (const group of groups) {
    if (ids.has(group.id)) throw new RangeError(`Two report groups have the id "${group.id}".`);
    ids.add(group.id);
    if (new Set(group.members.map((m) => m.key)).size !== group.members.length) throw new RangeError(`Group "${group.id}" lists a respondent twice.`);
  }
}

interface Cell {
  members: Respondent[];
  /** The shown groups every member of the cell belongs to. */
  groupIds: Set<string>;
}

/** The cells of the shown groups: respondents keyed by the shown groups they belong to. */
function cellsOf(shown: readonly ReportGroup[]): Cell[] {
  const membership = new Map<string, { respondent: Respondent; groupIds: string[] }>();
  for (const group of shown) {
    for (const member of group.members) {
      const entry = membership.get(member.key) ?? { respondent: member, groupIds: [] };
      entry.groupIds.push(group.id);
      membership.set(member.key, entry);
    }
  }
  const cells = new Map<string, Cell>();
  for (const { respondent, groupIds } of membership.values()) {
    const signature = JSON.stringify(groupIds);
    const cell = cells.get(signature) ?? { members: [], groupIds: new Set(groupIds) };
    cell.members.push(respondent);
    cells.set(signature, cell);
  }
  return [...cells.values()];
}

/**
 * The group to hide for a failing cell (rule 4): the groups that contain the cell, or take members out of the groups
 * that do, are the only ones whose hiding changes it. Among them: lowest precedence first; then the one that leaves the
 * fewest failing cells (so one hidden group does the work of several); then the fewest members; then the last id.
 * Greedy: safe always, not always the fewest hidden groups.
 */
function groupToHide(cell: Cell, shown: readonly ReportGroup[], failingCellsWithout: (group: ReportGroup) => number): ReportGroup {
  const containing = shown.filter((g) => cell.groupIds.has(g.id));
  const keysOf = (g: ReportGroup) => new Set(g.members.map((m) => m.key));
  const containingKeys = containing.map(keysOf);
  const inAllContaining = (key: string) => containingKeys.every((keys) => keys.has(key));
  const cutting = shown.filter((g) => !cell.groupIds.has(g.id) && g.members.some((m) => inAllContaining(m.key)));
  const ranked = [...containing, ...cutting].map((group) => ({ group, failing: failingCellsWithout(group) }));
  ranked.sort(
    (a, b) =>
      (a.group.precedence ?? 0) - (b.group.precedence ?? 0) ||
      a.failing - b.failing ||
      a.group.members.length - b.group.members.length ||
      (a.group.id < b.group.id ? 1 : a.group.id > b.group.id ? -1 : 0),
  );
  return ranked[0].group;
}

export function suppressGroups(groups: readonly ReportGroup[], options: ReportingOptions = {}): Record<string, GroupVisibility> {
  checkGroups(groups);
  const k = minimumGroupSize(options.minimumGroupSize);
  const ignoredLines = new Set(options.institutionWideLines ?? []);
  const hidden = new Map<string, SuppressionReason>();
  for (const group of groups) {
    const reason = failure(group.members, k, ignoredLines);
    if (reason) hidden.set(group.id, reason);
  }
  const failingCells = (shown: readonly ReportGroup[]) => cellsOf(shown).filter((cell) => failure(cell.members, k, ignoredLines) !== undefined);
  for (;;) {
    const shown = groups.filter((g) => !hidden.has(g.id));
    const [failing] = failingCells(shown);
    if (!failing) break;
    const hide = groupToHide(failing, shown, (candidate) => failingCells(shown.filter((g) => g !== candidate)).length);
    hidden.set(hide.id, 'reveals-another-group');
  }
  const result: Record<string, GroupVisibility> = {};
  for (const group of groups) {
    const reason = hidden.get(group.id);
    result[group.id] = reason ? { shown: false, reason, message: suppressionMessage(reason, k) } : { shown: true };
  }
  return result;
}

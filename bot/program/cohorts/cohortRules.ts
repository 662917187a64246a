import { formatDay } from '../../contract/dates';
import type { CohortFieldsInput, CohortJson, CohortStatus, RubricCriterion, Topic } from './api';

export type { CohortStatus, RubricCriterion, Topic };

/**
 * What a cohort is and the rules for editing it. Pure: no SDK, no I/O.
 *
 * Topic and rubric criterion ids are stable: an edit keeps the id of every item it sends back with its id, and new items
 * get the next free id, so applications that chose "t3" still mean the same topic after the list is edited.
 */
/** A cohort as stored: the contract's CohortJson without what the service works out (acceptingApplications, etag). */
export type Cohort = Omit<CohortJson, 'acceptingApplications' | 'etag' | 'year' | 'defaultYearStartsOn'>;

/** The fields a taskforce member edits. */
export type CohortFields = Pick<Cohort, 'name' | 'programYear' | 'opensOn' | 'closesOn' | 'yearStartsOn' | 'topics' | 'rubric'>;

export const DEFAULT_RUBRIC: readonly RubricCriterion[] = [
  {
    id: 'candor',
    title: 'Candor and constructiveness',
    anchors: [
      'Avoids hard truths or only complains',
      'Names problems but rarely offers a way forward',
      'Speaks plainly and sometimes suggests improvements',
      'Raises difficult issues tactfully with concrete ideas',
      'Tells leaders hard truths with respect and practical remedies',
    ],
  },
  {
    id: 'frontLine',
    title: 'Insight into front-line operations',
    anchors: [
      'Sees little beyond their own tasks',
      'Knows their own team’s work well',
      'Understands how their area connects to others',
      'Explains front-line realities and their causes clearly',
      'Sees patterns across the organization that leaders miss',
    ],
  },
  {
    id: 'communication',
    title: 'Communication',
    anchors: ['Hard to follow', 'Clear on familiar topics only', 'Clear and organized', 'Clear, concise and a good listener', 'Compelling, adapts to the audience, listens deeply'],
  },
  {
    id: 'commitment',
    title: 'Commitment and availability',
    anchors: [
      'Unlikely to keep four meetings a year',
      'Interested but schedule is a real obstacle',
      'Can commit to the meetings and a shadowing visit',
      'Committed, with a plan to make the time',
      'Eager, with time protected and support from their manager',
    ],
  },
  {
    id: 'openness',
    title: 'Openness to the role reversal',
    anchors: [
      'Uncomfortable advising a senior leader',
      'Hesitant but willing to try',
      'Comfortable sharing views with a senior leader',
      'Confident and curious about the leader’s view too',
      'Relishes the reversal and builds trust both ways',
    ],
  },
];

export class CohortInputError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage);
    this.name = 'CohortInputError';
  }
}

/** Gives every item without a known id the next free "<prefix><n>" id; an unknown id sent by a client is refused. */
function assignIds<T extends { id?: string }>(items: T[], known: ReadonlySet<string>, prefix: string, what: string): (T & { id: string })[] {
  let next = 1;
  for (const id of known) {
    const n = new RegExp(`^${prefix}(\\d+)$`).exec(id);
    if (n) next = Math.max(next, Number(n[1]) + 1);
  }
  const seen = new Set<string>();
  return items.map((item) => {
    let id = item.id;
    if (id !== undefined && !known.has(id)) throw new CohortInputError(`The ${what} list names an id this cohort does not have. Reload and try again.`);
    if (id === undefined) id = `${prefix}${next++}`;
    if (seen.has(id)) throw new CohortInputError(`The ${what} list names the same item twice.`);
    seen.add(id);
    return { ...item, id };
  });
}

/**
 * The cohort rules for a form the contract already checked field by field (bot/program/cohorts/api.ts): the window
 * closes on or after it opens, ids are kept or assigned, titles are not repeated. Without a rubric the default rubric
 * is used (on create) or the current one kept (on edit); without `yearStartsOn` the default start (on create) or the
 * current one (on edit). Whether a start may be set (the year's rules, and not once pairs are confirmed) is checked by
 * the route with the year stage's rules (cohortYear.ts).
 */
export function readCohortFields(input: CohortFieldsInput, current?: CohortFields): CohortFields {
  const { name, programYear, opensOn, closesOn } = input;
  if (closesOn < opensOn) throw new CohortInputError('Applications must close on or after the day they open.');
  const topics = assignIds(input.topics, new Set((current?.topics ?? []).map((t) => t.id)), 't', 'topic');
  if (new Set(topics.map((t) => t.title.toLowerCase())).size !== topics.length) throw new CohortInputError('Two topics have the same title.');
  const known = new Set([...(current?.rubric ?? []), ...DEFAULT_RUBRIC].map((c) => c.id));
  const rubric = input.rubric ? assignIds(input.rubric, known, 'c', 'rubric') : (current?.rubric ?? DEFAULT_RUBRIC).map((c) => ({ ...c, anchors: [...c.anchors] }));
  const yearStartsOn = input.yearStartsOn === undefined ? (current?.yearStartsOn ?? null) : input.yearStartsOn;
  // Also when only the window moves: the start the year's rules took must still come after applications close.
  if (yearStartsOn !== null && yearStartsOn <= closesOn) throw new CohortInputError('Mentoring year starts on: The year must start after applications close.');
  return { name, programYear, opensOn, closesOn, yearStartsOn, topics, rubric };
}

/** Whether people can apply now: the taskforce opened the cohort and its window has not closed (a whole closing day counts). */
export function acceptsApplications(cohort: Pick<Cohort, 'status' | 'closesOn'>, now: Date): boolean {
  return cohort.status === 'open' && now.toISOString().slice(0, 10) <= cohort.closesOn;
}

/** Who is told when applications open: enabled accounts with no direct reports (the program is for front-line staff). */
export function isEligibleMentor(person: { accountEnabled: boolean }, hasDirectReports: boolean): boolean {
  return person.accountEnabled && !hasDirectReports;
}

/** A readable date for cards, e.g. "30 June 2025". */
export function readableDate(isoDate: string): string {
  return formatDay(isoDate);
}

import { checkText } from '../applications/plainText';

/**
 * What a cohort is and the rules for editing it. Pure: no SDK, no I/O.
 *
 * Topic and rubric criterion ids are stable: an edit keeps the id of every item it sends back with its id, and new items
 * get the next free id, so applications that chose "t3" still mean the same topic after the list is edited.
 */
export interface Topic {
  id: string;
  title: string;
}

export interface RubricCriterion {
  id: string;
  title: string;
  /** What a score means: anchors[0] describes a 1, anchors[4] a 5. */
  anchors: string[];
}

export type CohortStatus = 'draft' | 'open' | 'closed';

export interface Cohort {
  id: string;
  name: string;
  programYear: number;
  /** Application window, as calendar dates (YYYY-MM-DD). */
  opensOn: string;
  closesOn: string;
  status: CohortStatus;
  topics: Topic[];
  rubric: RubricCriterion[];
  /** The sample cohort local mode starts with. */
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The fields a taskforce member edits. */
export type CohortFields = Pick<Cohort, 'name' | 'programYear' | 'opensOn' | 'closesOn' | 'topics' | 'rubric'>;

export const COHORT_LIMITS = { name: 100, topicTitle: 80, topics: 40, criterionTitle: 80, anchor: 200, criteria: 12 } as const;

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
    anchors: [
      'Hard to follow',
      'Clear on familiar topics only',
      'Clear and organized',
      'Clear, concise and a good listener',
      'Compelling, adapts to the audience, listens deeply',
    ],
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

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function text(raw: unknown, label: string, max: number): string {
  const check = checkText(raw, { label, max, required: true });
  if (!check.ok) throw new CohortInputError(check.error);
  return check.value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
 * Reads a cohort from a tab form: validates every field, keeps known ids and assigns new ones. Without a rubric the
 * default rubric is used (on create) or the current one kept (on edit).
 */
export function readCohortFields(raw: unknown, current?: CohortFields): CohortFields {
  if (!isRecord(raw)) throw new CohortInputError('Send the cohort as a JSON object.');
  const name = text(raw.name, 'The cohort name', COHORT_LIMITS.name);
  const programYear = raw.programYear;
  if (typeof programYear !== 'number' || !Number.isInteger(programYear) || programYear < 2000 || programYear > 2100) {
    throw new CohortInputError('The program year must be a year such as 2025.');
  }
  const opensOn = typeof raw.opensOn === 'string' ? raw.opensOn : '';
  const closesOn = typeof raw.closesOn === 'string' ? raw.closesOn : '';
  if (!isCalendarDate(opensOn) || !isCalendarDate(closesOn)) throw new CohortInputError('Give the application window as two dates (YYYY-MM-DD).');
  if (closesOn < opensOn) throw new CohortInputError('Applications must close on or after the day they open.');

  if (!Array.isArray(raw.topics) || raw.topics.length === 0) throw new CohortInputError('List at least one topic participants can choose.');
  if (raw.topics.length > COHORT_LIMITS.topics) throw new CohortInputError(`A cohort can offer at most ${COHORT_LIMITS.topics} topics.`);
  const topicInputs = raw.topics.map((t) => {
    if (!isRecord(t)) throw new CohortInputError('Each topic needs a title.');
    const id = t.id === undefined ? undefined : String(t.id);
    return { id, title: text(t.title, 'A topic title', COHORT_LIMITS.topicTitle) };
  });
  const topics = assignIds(topicInputs, new Set((current?.topics ?? []).map((t) => t.id)), 't', 'topic');
  if (new Set(topics.map((t) => t.title.toLowerCase())).size !== topics.length) throw new CohortInputError('Two topics have the same title.');

  let rubric: RubricCriterion[];
  if (raw.rubric === undefined) rubric = (current?.rubric ?? DEFAULT_RUBRIC).map((c) => ({ ...c, anchors: [...c.anchors] }));
  else {
    if (!Array.isArray(raw.rubric) || raw.rubric.length === 0) throw new CohortInputError('The rubric needs at least one criterion.');
    if (raw.rubric.length > COHORT_LIMITS.criteria) throw new CohortInputError(`A rubric can have at most ${COHORT_LIMITS.criteria} criteria.`);
    const inputs = raw.rubric.map((c) => {
      if (!isRecord(c) || !Array.isArray(c.anchors) || c.anchors.length !== 5) {
        throw new CohortInputError('Each rubric criterion needs a title and five anchors, one for each score from 1 to 5.');
      }
      const id = c.id === undefined ? undefined : String(c.id);
      return {
        id,
        title: text(c.title, 'A criterion title', COHORT_LIMITS.criterionTitle),
        anchors: c.anchors.map((a) => text(a, 'An anchor', COHORT_LIMITS.anchor)),
      };
    });
    const known = new Set([...(current?.rubric ?? []), ...DEFAULT_RUBRIC].map((c) => c.id));
    rubric = assignIds(inputs, known, 'c', 'rubric');
  }
  return { name, programYear, opensOn, closesOn, topics, rubric };
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
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

import type { CohortInput, CohortJson, CohortYearJson, RubricCriterion } from '../../../../bot/program/cohorts/api';

/**
 * The cohort form's working copy. Topics and criteria keep the server's id (so a rename keeps it) and a `key` that
 * names the row on screen even before it has an id.
 */
export interface DraftTopic {
  key: string;
  id?: string;
  title: string;
}

export interface DraftCriterion {
  key: string;
  id?: string;
  title: string;
  anchors: string[];
}

export interface CohortDraft {
  name: string;
  programYear: string;
  opensOn: string;
  closesOn: string;
  /** The start of the mentoring year the taskforce sets; empty for the default. */
  yearStartsOn: string;
  /** Once the pairs are confirmed: the year as it runs, shown read-only (its start is then fixed). */
  year: CohortYearJson | null;
  /** What an empty start means were the pairs confirmed today; empty for a new cohort. */
  defaultYearStartsOn: string;
  topics: DraftTopic[];
  rubric: DraftCriterion[];
  /** The next free row key; kept in the draft so the draft stays a plain value. */
  nextKey: number;
}

export type DraftField = 'name' | 'programYear' | 'opensOn' | 'closesOn' | 'yearStartsOn' | 'topics' | 'rubric';
export type DraftProblems = Partial<Record<DraftField, string>>;

export const ANCHOR_COUNT = 5;

const DAY_MS = 24 * 60 * 60 * 1000;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function criterionRows(rubric: readonly RubricCriterion[], keepIds: boolean, firstKey: number): DraftCriterion[] {
  return rubric.map((criterion, i) => ({
    key: `c${firstKey + i}`,
    // A new cohort starts from the default rubric; its ids are the defaults', which the server also knows.
    id: keepIds ? criterion.id : undefined,
    title: criterion.title,
    anchors: Array.from({ length: ANCHOR_COUNT }, (_, k) => criterion.anchors[k] ?? ''),
  }));
}

/** A new cohort: this year, applications open today for four weeks, the default rubric, one empty topic. */
export function newDraft(defaultRubric: readonly RubricCriterion[], today: Date): CohortDraft {
  return {
    name: '',
    programYear: String(today.getUTCFullYear()),
    opensOn: isoDay(today),
    closesOn: isoDay(new Date(today.getTime() + 28 * DAY_MS)),
    yearStartsOn: '',
    year: null,
    defaultYearStartsOn: '',
    topics: [{ key: 't0', title: '' }],
    rubric: criterionRows(defaultRubric, true, 1),
    nextKey: defaultRubric.length + 1,
  };
}

export function draftFromCohort(cohort: CohortJson): CohortDraft {
  const topics = cohort.topics.map((topic, i) => ({ key: `t${i}`, id: topic.id, title: topic.title }));
  return {
    name: cohort.name,
    programYear: String(cohort.programYear),
    opensOn: cohort.opensOn,
    closesOn: cohort.closesOn,
    yearStartsOn: cohort.yearStartsOn ?? '',
    year: cohort.year,
    defaultYearStartsOn: cohort.defaultYearStartsOn,
    topics,
    rubric: criterionRows(cohort.rubric, true, topics.length),
    nextKey: topics.length + cohort.rubric.length,
  };
}

export function addTopic(draft: CohortDraft): CohortDraft {
  return { ...draft, topics: [...draft.topics, { key: `t${draft.nextKey}`, title: '' }], nextKey: draft.nextKey + 1 };
}

export function addCriterion(draft: CohortDraft): CohortDraft {
  const blank: DraftCriterion = { key: `c${draft.nextKey}`, title: '', anchors: Array.from({ length: ANCHOR_COUNT }, () => '') };
  return { ...draft, rubric: [...draft.rubric, blank], nextKey: draft.nextKey + 1 };
}

/**
 * Checks what the form can check by itself, so a person sees each problem beside its field; the service checks
 * everything again (lengths, plain text) and its sentence is shown when it refuses.
 */
export function draftProblems(draft: CohortDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (!draft.name.trim()) problems.name = 'Give the cohort a name.';
  const year = Number(draft.programYear);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) problems.programYear = 'Enter a year between 2000 and 2100.';
  if (!draft.opensOn) problems.opensOn = 'Choose the day applications open.';
  if (!draft.closesOn) problems.closesOn = 'Choose the day applications close.';
  else if (draft.opensOn && draft.closesOn < draft.opensOn) problems.closesOn = 'Applications cannot close before they open.';
  if (!draft.year && draft.yearStartsOn && draft.closesOn && draft.yearStartsOn <= draft.closesOn) {
    problems.yearStartsOn = 'The year must start after applications close.';
  }
  if (draft.topics.length === 0) problems.topics = 'Add at least one topic for people to choose from.';
  else if (draft.topics.some((topic) => !topic.title.trim())) problems.topics = 'Give every topic a title, or remove the empty ones.';
  if (draft.rubric.length === 0) problems.rubric = 'The rubric needs at least one criterion.';
  else if (draft.rubric.some((c) => !c.title.trim() || c.anchors.some((anchor) => !anchor.trim()))) {
    problems.rubric = 'Every criterion needs a title and a description for each score from 1 to 5.';
  }
  return problems;
}

export function toCohortInput(draft: CohortDraft): CohortInput {
  return {
    name: draft.name.trim(),
    programYear: Number(draft.programYear),
    opensOn: draft.opensOn,
    closesOn: draft.closesOn,
    // Once the year is fixed the start is not sent (unchanged); an empty start asks for the default.
    ...(draft.year ? {} : { yearStartsOn: draft.yearStartsOn || null }),
    topics: draft.topics.map(({ id, title }) => (id ? { id, title: title.trim() } : { title: title.trim() })),
    rubric: draft.rubric.map(({ id, title, anchors }) => ({
      ...(id ? { id } : {}),
      title: title.trim(),
      anchors: anchors.map((anchor) => anchor.trim()),
    })),
  };
}

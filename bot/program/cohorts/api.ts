import { z } from 'zod';
import type { BatchStatus } from '../../contract/batch';
import { endpoint, returns } from '../../contract/endpoint';
import { calendarDate, fields, text, wholeNumber, yesNo } from '../../contract/fields';

/** The cohorts' wire contract (SDK-free; the tab compiles it). Taskforce only. bot/program/API.md lists the routes. */

export const COHORT_LIMITS = { name: 100, topicTitle: 80, topics: 40, criterionTitle: 80, anchor: 200, criteria: 12 } as const;

export type CohortStatus = 'draft' | 'open' | 'closed';

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

/** A cohort's mentoring year: twelve months, four quarters (one meeting each), the post survey on the last day. */
export interface CohortYearJson {
  startsOn: string;
  endsOn: string;
  quarters: { quarter: number; opensOn: string; closesOn: string }[];
  postSurveyOpensOn: string;
}

export interface CohortJson {
  id: string;
  name: string;
  programYear: number;
  /** The application window, as calendar dates (YYYY-MM-DD). */
  opensOn: string;
  closesOn: string;
  /**
   * The first day of the mentoring year, when the taskforce set one; null: the default, the first Monday at least two
   * weeks after the pairs are confirmed. It can change until the pairs are confirmed.
   */
  yearStartsOn: string | null;
  /** The default start were the pairs confirmed today (what an empty `yearStartsOn` means now). */
  defaultYearStartsOn: string;
  /** Once the pairs are confirmed: the year as it runs (its start is then fixed); null before. */
  year: CohortYearJson | null;
  status: CohortStatus;
  /** Open, and the closing day has not passed. */
  acceptingApplications: boolean;
  topics: Topic[];
  rubric: RubricCriterion[];
  /** The sample cohort local mode starts with. */
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
  /** Sent back as `If-Match` by every change. */
  etag: string;
}

const WINDOW = 'Give the application window as two dates (YYYY-MM-DD).';
const YEAR_START = 'Give “Mentoring year starts on” as a date (YYYY-MM-DD), or leave it empty for the default.';
const TOPICS = 'List at least one topic participants can choose.';
const RUBRIC = 'The rubric needs at least one criterion.';
const ANCHORS = 'Each rubric criterion needs a title and five anchors, one for each score from 1 to 5.';
/** Ids of topics and criteria the client read; new items have none. */
const itemId = z.string({ invalid_type_error: 'A topic or criterion id must be text.' }).max(40).optional();

/**
 * A cohort as the taskforce edits it. Existing topic and criterion ids are sent back to keep them (new items have none);
 * without a rubric the default one is used on create, the current one kept on edit. The rules that need the cohort
 * (dates in order, ids it has, titles not repeated) are in cohortRules.ts.
 */
export const cohortFields = fields({
  name: text('The cohort name', COHORT_LIMITS.name),
  programYear: wholeNumber('The program year must be a year such as 2025.', 2000, 2100),
  opensOn: calendarDate(WINDOW),
  closesOn: calendarDate(WINDOW),
  /** Null or absent on create: the default start; absent on edit: unchanged. */
  yearStartsOn: calendarDate(YEAR_START).nullable().optional(),
  topics: z
    .array(z.object({ id: itemId, title: text('A topic title', COHORT_LIMITS.topicTitle) }, { invalid_type_error: 'Each topic needs a title.' }), {
      required_error: TOPICS,
      invalid_type_error: TOPICS,
    })
    .min(1, TOPICS)
    .max(COHORT_LIMITS.topics, `A cohort can offer at most ${COHORT_LIMITS.topics} topics.`),
  rubric: z
    .array(
      z.object(
        {
          id: itemId,
          title: text('A criterion title', COHORT_LIMITS.criterionTitle),
          anchors: z.array(text('An anchor', COHORT_LIMITS.anchor), { required_error: ANCHORS, invalid_type_error: ANCHORS }).length(5, ANCHORS),
        },
        { invalid_type_error: ANCHORS },
      ),
      { invalid_type_error: RUBRIC },
    )
    .min(1, RUBRIC)
    .max(COHORT_LIMITS.criteria, `A rubric can have at most ${COHORT_LIMITS.criteria} criteria.`)
    .optional(),
});

/** What the tab sends. */
export type CohortInput = z.input<typeof cohortFields>;
/** What the service reads from it (text trimmed and checked). */
export type CohortFieldsInput = z.output<typeof cohortFields>;

const cohort = '/api/cohorts/:cohortId';

export const listCohorts = endpoint({ method: 'get', path: '/api/cohorts', response: returns<{ cohorts: CohortJson[] }>() });

export const getCohortDefaults = endpoint({ method: 'get', path: '/api/cohort-defaults', response: returns<{ rubric: RubricCriterion[] }>() });

/** Answers 201 with the new draft cohort. */
export const createCohort = endpoint({ method: 'post', path: '/api/cohorts', body: cohortFields, response: returns<CohortJson>() });

export const getCohort = endpoint({ method: 'get', path: cohort, response: returns<CohortJson>() });

export const updateCohort = endpoint({ method: 'put', path: cohort, body: cohortFields, ifMatch: true, response: returns<CohortJson>() });

/** Opens the cohort for applications (one at a time: 409 while another is open), and announces it when asked. */
export const openCohort = endpoint({
  method: 'post',
  path: `${cohort}/open`,
  body: fields({ announce: yesNo('Say whether to announce the cohort (true or false).').optional() }),
  ifMatch: true,
  response: returns<{ cohort: CohortJson; announcement?: BatchStatus }>(),
});

export const closeCohort = endpoint({ method: 'post', path: `${cohort}/close`, ifMatch: true, response: returns<{ cohort: CohortJson }>() });

/** Answers 202. Announcing again returns the same send and messages nobody twice. */
export const announceCohort = endpoint({ method: 'post', path: `${cohort}/announce`, response: returns<{ announcement: BatchStatus }>() });

/** `recipients`: how many eligible employees an announcement messages now (the tab asks before sending). */
export const getAnnouncement = endpoint({ method: 'get', path: `${cohort}/announcement`, response: returns<{ announcement: BatchStatus | null; recipients: number }>() });

import { z } from 'zod';
import { endpoint, returns } from '../../contract/endpoint';
import { fields } from '../../contract/fields';

/**
 * The surveys stage's wire contract (SDK-free; the tab compiles it): the taskforce's survey items, rounds and results
 * for a cohort, and each participant's open surveys. API.md (bot/program) lists the routes. Answers are stored under a
 * pseudonymous key and never shown per person: the taskforce sees how many answered, not who.
 */
export type SurveyRound = 'pre' | 'post';
export const SURVEY_ROUNDS: readonly SurveyRound[] = ['pre', 'post'];
export type SurveyRole = 'executive' | 'mentor';
/** scheduled: not open yet; open: answers taken and changeable; closed: late answers refused. */
export type RoundState = 'scheduled' | 'open' | 'closed';

export interface SurveyItemJson {
  id: string;
  text: string;
  roles: SurveyRole[];
}

export interface RoundJson {
  round: SurveyRound;
  state: RoundState;
  opensAt: string;
  remindAt: string;
  closesAt: string;
  /** People the survey went to, by role (0 before it opens). */
  invited: Record<SurveyRole, number>;
  /** How many answered, by role: counts only, never who. */
  answered: Record<SurveyRole, number>;
}

export interface CohortSurveys {
  cohortId: string;
  cohortName: string;
  items: SurveyItemJson[];
  /** The items cannot change once the pre survey has opened (post must ask what pre asked). */
  itemsLocked: boolean;
  /** The items' version, for If-Match. */
  etag: string;
  /** Empty until the cohort's pairs are confirmed. */
  rounds: RoundJson[];
  /** True when the service has no pseudonym secret: answers cannot be taken until it is configured. */
  secretMissing: boolean;
}

export interface FavorabilityJson {
  /** Answers of 4 or 5. */
  favorable: number;
  n: number;
  /** favorable / n, a fraction. */
  share: number;
}

export interface ShownResultJson {
  shown: true;
  itemId: string;
  itemText: string;
  role: SurveyRole;
  matchedPeople: number;
  pre: FavorabilityJson;
  post: FavorabilityJson;
  /** Post − pre favorability of the matched people, in points. */
  pointsChange: number;
  up: number;
  down: number;
  mcnemarP: number;
  /** Signed-rank test on post − pre scores: V = W+, its p, and how p was found. */
  wilcoxon: { statistic: number; n: number; zeros: number; p: number; method: 'exact' | 'normal' | 'no-change' };
  /** Wilcoxon's r = z/√n. */
  effectSize: number;
  /** Newcombe's 95% interval of the change, in points. */
  ci95Points: [number, number];
  verdict: 'too-few-to-tell' | 'could-be-chance' | 'unlikely-to-be-chance';
  sentence: string;
  everyone: { pre?: FavorabilityJson; post?: FavorabilityJson };
}

export interface SuppressedResultJson {
  shown: false;
  itemId: string;
  itemText: string;
  role: SurveyRole;
  warning: { reason: 'too-few' | 'one-reporting-line' | 'reveals-another-group'; message: string };
}

export type ItemResultJson = ShownResultJson | SuppressedResultJson;

export interface SurveyResults {
  cohortId: string;
  cohortName: string;
  minimumGroupSize: number;
  /** One per item and role asked, in the order of the items; figures only where the reporting rule allows them. */
  results: ItemResultJson[];
}

export interface ScalePoint {
  value: number;
  label: string;
}

/** A survey the caller can answer now (or has answered and can still change). */
export interface MySurvey {
  cohortId: string;
  cohortName: string;
  round: SurveyRound;
  role: SurveyRole;
  closesAt: string;
  /** Results are shown only for groups of at least this many people. */
  minimumGroupSize: number;
  items: { id: string; text: string }[];
  scale: ScalePoint[];
  /** The caller's own answers so far, by item id; null before the first answer. */
  answers: Record<string, number> | null;
  /** Sent back as If-Match with answers ("new" before the first answer). */
  version: string;
}

const cohortSurveys = '/api/cohorts/:cohortId/surveys';

/** Items, rounds and answer counts of a cohort's surveys (404 for an unknown cohort). Taskforce. */
export const getCohortSurveys = endpoint({ method: 'get', path: cohortSurveys, response: returns<CohortSurveys>() });

/** Replaces the items (an item sent with its id keeps it; one without gets a new id). Refused once the pre survey opened. */
export const putSurveyItems = endpoint({
  method: 'put',
  path: `${cohortSurveys}/items`,
  body: fields({ items: z.array(z.unknown(), { required_error: 'List the questions.', invalid_type_error: 'List the questions.' }) }),
  ifMatch: true,
  response: returns<CohortSurveys>(),
});

/** Per item and role: favorability, change, McNemar and Wilcoxon, the plain sentence; groups under k get a warning. */
export const getSurveyResults = endpoint({ method: 'get', path: `${cohortSurveys}/results`, response: returns<SurveyResults>() });

/** The caller's open surveys (empty when none). Anyone signed in. */
export const getMySurveys = endpoint({ method: 'get', path: '/api/me/surveys', response: returns<{ surveys: MySurvey[] }>() });

/** Saves (or changes) the caller's answers; every item of their role needs a point of the scale. */
export const putMySurveyAnswers = endpoint({
  method: 'put',
  path: '/api/me/surveys/:cohortId/:round',
  body: fields({ answers: z.record(z.unknown(), { required_error: 'Answer every question.', invalid_type_error: 'Answer every question.' }) }),
  ifMatch: true,
  response: returns<{ survey: MySurvey }>(),
});

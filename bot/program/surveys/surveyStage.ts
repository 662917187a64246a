import { COHORT_TABLE, CohortStore } from '../cohorts/cohortStore';
import { PAIR_BY_PERSON_TABLE, PAIR_TABLE, PairStore } from '../matching/matchingStore';
import type { ProgramStage, StageDefinition, StageParts } from '../programStage';
import { surveyFeature } from './surveyFeature';
import { surveyRoutes } from './surveyRoutes';
import { SURVEY_JOB_KINDS, SurveyService } from './surveyService';
import { AnswerStore, SURVEY_ANSWER_TABLE, SURVEY_TABLE, SurveyStore } from './surveyStore';

/**
 * The pre and post surveys as a stage: planned when a cohort's pairs are confirmed (the `pairsConfirmed` event), opened,
 * reminded and closed by scheduler jobs, answered on a card in chat or in the tab, and reported to the taskforce.
 * Reads the intake's cohorts and the matching stage's pairs; owns the survey and answer tables.
 */
export const SURVEY_TABLES = [SURVEY_TABLE, SURVEY_ANSWER_TABLE] as const;

/**
 * Local mode only: a fixed development secret, so the demo can take answers without configuration. Production without
 * SURVEY_PSEUDONYM_SECRET still starts (the rest of the program does not need it), but surveys are off: no survey opens
 * (the opening job is parked with a sentence saying why), no answer is taken (409), the Outcomes page says so, and the
 * start logs the warning below. A key under a known secret would not be a pseudonym, so there is no fallback.
 */
const LOCAL_DEVELOPMENT_SECRET = 'local-development-only:mentoring-up-survey-pseudonyms';

export const SURVEYS_OFF_WARNING =
  'Surveys are off: SURVEY_PSEUDONYM_SECRET is not set, so no survey opens and no answer is taken until it is set (32 characters or more) and the service restarted.';

export function createSurveyStage(parts: StageParts): ProgramStage & { service: SurveyService } {
  const secret = parts.config.surveyPseudonymSecret ?? (parts.config.mode === 'local' ? LOCAL_DEVELOPMENT_SECRET : undefined);
  if (secret === undefined) parts.log.warn(SURVEYS_OFF_WARNING);
  const service = new SurveyService({
    parts,
    cohorts: new CohortStore(parts.table(COHORT_TABLE)),
    pairs: new PairStore(parts.table(PAIR_TABLE), parts.table(PAIR_BY_PERSON_TABLE)),
    surveys: new SurveyStore(parts.table(SURVEY_TABLE)),
    answers: new AnswerStore(parts.table(SURVEY_ANSWER_TABLE)),
    secret,
  });
  parts.events.on('pairsConfirmed', 'surveys', ({ cohortId }) => service.planRounds(cohortId));
  const payloadOf = (job: { payload: Record<string, unknown> }) => ({
    cohortId: String(job.payload.cohortId),
    round: job.payload.round === 'post' ? ('post' as const) : ('pre' as const),
  });
  const describe = (what: string) => (job: { payload: Record<string, unknown> }) => `${what} the ${payloadOf(job).round} survey of a cohort`;
  parts.scheduler.register(SURVEY_JOB_KINDS.open, (job) => service.open(payloadOf(job).cohortId, payloadOf(job).round), { describe: describe('Opening') });
  parts.scheduler.register(SURVEY_JOB_KINDS.remind, (job) => service.remind(payloadOf(job).cohortId, payloadOf(job).round), { describe: describe('Reminding people about') });
  parts.scheduler.register(SURVEY_JOB_KINDS.close, (job) => service.close(payloadOf(job).cohortId, payloadOf(job).round), { describe: describe('Closing') });
  return { service, feature: surveyFeature(service), routes: surveyRoutes(service, secret === undefined) };
}

export const surveyStage: StageDefinition = {
  // Reads the intake's cohorts and the matching stage's pairs, whose tables those stages open.
  tables: SURVEY_TABLES,
  create: (parts) => createSurveyStage(parts),
};

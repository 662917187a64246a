import type { CohortYearJson } from './api';

/**
 * The mentoring year as the cohort form shows and sets it. The year's rules and the confirmed pairs belong to the year
 * and matching stages, which import the cohorts; so the composition root hands these in (bot/program/year/
 * cohortYearRules.ts builds them) and the cohorts import neither.
 */
export interface CohortYearRules {
  /** Why a start the taskforce sets cannot be used (one sentence), or undefined when it can. */
  checkStart(startsOn: string, context: { applicationsCloseOn: string }): string | undefined;
  /** The cohort's year once its pairs are confirmed (its start is then fixed); undefined before. */
  confirmedYear(cohort: { id: string; yearStartsOn: string | null }): Promise<CohortYearJson | undefined>;
  /** The default start were the pairs confirmed today. */
  defaultStart(): string;
}

import type { StageParts } from '../programStage';
import type { CohortStore } from './cohortStore';

/** What the cohort parts use of the intake's shared context (bot/program/intake/intakeContext.ts builds it). */
export interface CohortsContext {
  parts: StageParts;
  cohorts: CohortStore;
}

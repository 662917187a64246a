import type { CohortsContext } from '../cohorts/cohortsContext';
import type { ApplicationStore } from './applicationStore';

export interface IntakeSettings {
  /** Days a manager has to answer an approval card before the nomination is flagged (one reminder half way). */
  approvalAnswerDays: number;
}

export const DEFAULT_INTAKE_SETTINGS: IntakeSettings = { approvalAnswerDays: 7 };

/** What nominations, approvals and applications use of the intake's shared context. */
export interface ApplicationsContext extends CohortsContext {
  applications: ApplicationStore;
  settings: IntakeSettings;
}

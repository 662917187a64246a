import type { StageParts } from '../programStage';
import { COHORT_TABLE, CohortStore } from '../cohorts/cohortStore';
import { INTERVIEW_TABLE, InterviewStore } from '../interviews/interviewStore';
import { APPLICATION_TABLE, ApplicationStore } from '../applications/applicationStore';

/** What the intake stage's parts (cohorts, applications, approvals, interviews, pipeline) share. */
export interface IntakeSettings {
  /** Days a manager has to answer an approval card before the nomination is flagged (one reminder half way). */
  approvalAnswerDays: number;
}

export const DEFAULT_INTAKE_SETTINGS: IntakeSettings = { approvalAnswerDays: 7 };

export interface IntakeContext {
  parts: StageParts;
  cohorts: CohortStore;
  applications: ApplicationStore;
  interviews: InterviewStore;
  settings: IntakeSettings;
}

/** Every table the intake reads and writes. */
export const INTAKE_TABLES = [COHORT_TABLE, APPLICATION_TABLE, INTERVIEW_TABLE] as const;

export function intakeContext(parts: StageParts, settings: Partial<IntakeSettings> = {}): IntakeContext {
  return {
    parts,
    cohorts: new CohortStore(parts.table(COHORT_TABLE)),
    applications: new ApplicationStore(parts.table(APPLICATION_TABLE)),
    interviews: new InterviewStore(parts.table(INTERVIEW_TABLE)),
    settings: { ...DEFAULT_INTAKE_SETTINGS, ...settings },
  };
}

import type { StageParts } from '../programStage';
import { DEFAULT_INTAKE_SETTINGS, type IntakeSettings } from '../applications/applicationsContext';
import { COHORT_TABLE, CohortStore } from '../cohorts/cohortStore';
import { INTERVIEW_TABLE, InterviewStore } from '../interviews/interviewStore';
import type { InterviewsContext } from '../interviews/interviewsContext';
import { APPLICATION_TABLE, ApplicationStore } from '../applications/applicationStore';

export type { IntakeSettings };

/**
 * What the intake stage's parts (cohorts, applications, approvals, interviews, pipeline) share. Each folder names the
 * part it uses (CohortsContext ⊂ ApplicationsContext ⊂ InterviewsContext), so none of them imports this folder.
 */
export type IntakeContext = InterviewsContext;

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

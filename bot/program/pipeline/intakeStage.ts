import { ApplicationFlow } from '../applications/applicationFlow';
import { applicationRoutes } from './applicationRoutes';
import { APPROVAL_DELIVERED, ApprovalFlow } from '../applications/approvalFlow';
import { catchUpApprovalFollowUps, registerApprovalJobs } from '../applications/approvalJobs';
import { INTAKE_TABLES, intakeContext, type IntakeSettings } from '../intake/intakeContext';
import { intakeFeature } from './intakeFeature';
import { cohortRoutes } from '../cohorts/cohortRoutes';
import type { CohortYearRules } from '../cohorts/cohortYear';
import { ensureDemo } from '../demo/demoData';
import { InterviewFlow } from '../interviews/interviewFlow';
import { interviewRoutes } from '../interviews/interviewRoutes';
import type { ProgramStage, StageDefinition, StageParts } from '../programStage';
import { pipelineRoutes } from './pipelineRoutes';

/**
 * The front half of the program as one stage: cohorts, mentor nominations with manager approval, executive
 * applications, interviews, the taskforce's decisions and the pipeline. In local mode it also seeds the demo cohort.
 */
export function createIntakeStage(parts: StageParts, years: CohortYearRules, settings: Partial<IntakeSettings> = {}): ProgramStage & { approvals: ApprovalFlow } {
  const ctx = intakeContext(parts, settings);
  const approvals = new ApprovalFlow(ctx);
  const applications = new ApplicationFlow(ctx, approvals);
  const interviews = new InterviewFlow(ctx);
  registerApprovalJobs(parts.scheduler, approvals);
  parts.messenger.whenDelivered(APPROVAL_DELIVERED, (delivery) => approvals.approvalDelivered(delivery));
  return {
    approvals,
    feature: intakeFeature(ctx, applications, approvals, interviews),
    routes: [...cohortRoutes(ctx, years), ...applicationRoutes(ctx, interviews, approvals), ...interviewRoutes(ctx, interviews), ...pipelineRoutes(ctx)],
    async start() {
      if (parts.config.mode === 'local') await ensureDemo(ctx);
      const scheduled = await catchUpApprovalFollowUps(ctx);
      if (scheduled > 0) parts.log.info('approval follow-ups scheduled for nominations waiting from before', { scheduled });
    },
  };
}

/**
 * The intake stage, with the year's rules for the cohort form's "Mentoring year starts on" (`years`, built by the
 * composition root: the year imports the cohorts, so the cohorts do not import the year).
 */
export function intakeStage(years: (parts: StageParts) => CohortYearRules): StageDefinition {
  return {
    tables: INTAKE_TABLES,
    create: (parts) => createIntakeStage(parts, years(parts), { approvalAnswerDays: parts.config.program.approvalAnswerDays }),
  };
}

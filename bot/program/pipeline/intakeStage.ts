import { ApplicationFlow } from '../applications/applicationFlow';
import { applicationRoutes } from '../applications/applicationRoutes';
import { ApprovalFlow } from '../applications/approvalFlow';
import { catchUpApprovalFollowUps, registerApprovalJobs } from '../applications/approvalJobs';
import { INTAKE_TABLES, intakeContext, type IntakeSettings } from '../applications/intakeContext';
import { intakeFeature } from '../applications/intakeFeature';
import { cohortRoutes } from '../cohorts/cohortRoutes';
import { ensureDemo } from '../demo/demoData';
import { InterviewFlow } from '../interviews/interviewFlow';
import { interviewRoutes } from '../interviews/interviewRoutes';
import type { ProgramStage, StageDefinition, StageParts } from '../programStage';
import { pipelineRoutes } from './pipelineRoutes';

/**
 * The front half of the program as one stage: cohorts, mentor nominations with manager approval, executive
 * applications, interviews, the taskforce's decisions and the pipeline. In local mode it also seeds the demo cohort.
 */
export function createIntakeStage(parts: StageParts, settings: Partial<IntakeSettings> = {}): ProgramStage & { approvals: ApprovalFlow } {
  const ctx = intakeContext(parts, settings);
  const approvals = new ApprovalFlow(ctx);
  const applications = new ApplicationFlow(ctx, approvals);
  const interviews = new InterviewFlow(ctx);
  registerApprovalJobs(parts.scheduler, approvals);
  return {
    approvals,
    feature: intakeFeature(ctx, applications, approvals, interviews),
    routes: [...cohortRoutes(ctx), ...applicationRoutes(ctx, interviews, approvals), ...interviewRoutes(ctx, interviews), ...pipelineRoutes(ctx)],
    async start() {
      if (parts.config.mode === 'local') await ensureDemo(ctx);
      const scheduled = await catchUpApprovalFollowUps(ctx);
      if (scheduled > 0) parts.log.info('approval follow-ups scheduled for nominations waiting from before', { scheduled });
    },
  };
}

export const intakeStage: StageDefinition = {
  tables: INTAKE_TABLES,
  create: (parts) => createIntakeStage(parts, { approvalAnswerDays: parts.config.program.approvalAnswerDays }),
};

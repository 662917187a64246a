import { ApplicationFlow } from '../applications/applicationFlow';
import { applicationRoutes } from '../applications/applicationRoutes';
import { ApprovalFlow } from '../applications/approvalFlow';
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
  const interviews = new InterviewFlow(ctx, approvals);
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<unknown> | undefined;
  return {
    approvals,
    feature: intakeFeature(ctx, applications, approvals, interviews),
    routes: [...cohortRoutes(ctx), ...applicationRoutes(ctx, interviews, approvals), ...interviewRoutes(ctx, interviews), ...pipelineRoutes(ctx)],
    async start() {
      if (parts.config.mode === 'local') await ensureDemo(ctx);
      timer = setInterval(() => {
        if (sweeping) return; // the previous sweep is still running
        sweeping = approvals
          .sweep()
          .then((done) => {
            if (done.reminded + done.flagged > 0) parts.log.info('approval reminders sweep', done);
          })
          .catch((error: unknown) => parts.log.error('approval reminders sweep failed', { error }))
          .finally(() => (sweeping = undefined));
      }, ctx.settings.reminderIntervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await sweeping;
    },
  };
}

export const intakeStage: StageDefinition = {
  tables: INTAKE_TABLES,
  create: (parts) => createIntakeStage(parts, { approvalAnswerDays: parts.config.program.approvalAnswerDays }),
};

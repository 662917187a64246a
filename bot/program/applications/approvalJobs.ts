import type { Scheduler } from '../../scheduler/scheduler';
import { approvalFollowUpTimes, type Application } from './applicationRules';
import type { ApplicationsContext } from './applicationsContext';

/**
 * The follow-ups of a manager approval as scheduler jobs, keyed by the nomination (`<cohort id>.<person id>`): a reminder
 * half way through the answer window, and the taskforce told at its end. Both run the same rule (`approvalFollowUp`) on
 * the nomination as it is then, so a job that finds the manager answered, the cohort closed or the nomination flagged
 * does nothing. Sending the request schedules them (moving them when it is sent again); an answer cancels them.
 */
export const APPROVAL_JOB_KINDS = { reminder: 'approval.reminder', escalation: 'approval.escalation' } as const;

/** After a reminder that went out late (at or after the deadline), the taskforce is told this much later. */
export const LATE_REMINDER_GRACE_MS = 60 * 60 * 1000;

type Nomination = Pick<Application, 'cohortId' | 'personId' | 'name'>;

export function approvalJobKey(application: Pick<Application, 'cohortId' | 'personId'>): string {
  return `${application.cohortId}.${application.personId}`;
}

function payloadOf(application: Nomination) {
  return { cohortId: application.cohortId, personId: application.personId, name: application.name };
}

export async function scheduleApprovalFollowUps(scheduler: Scheduler, application: Nomination, sentAt: Date, answerWithinDays: number): Promise<void> {
  const { remindAt, escalateAt } = approvalFollowUpTimes(sentAt, answerWithinDays);
  const key = approvalJobKey(application);
  await scheduler.schedule(APPROVAL_JOB_KINDS.reminder, key, remindAt, payloadOf(application));
  await scheduler.schedule(APPROVAL_JOB_KINDS.escalation, key, escalateAt, payloadOf(application));
}

export async function scheduleEscalation(scheduler: Scheduler, application: Nomination, at: Date): Promise<void> {
  await scheduler.schedule(APPROVAL_JOB_KINDS.escalation, approvalJobKey(application), at, payloadOf(application));
}

export async function cancelApprovalFollowUps(scheduler: Scheduler, application: Pick<Application, 'cohortId' | 'personId'>): Promise<void> {
  const key = approvalJobKey(application);
  await scheduler.cancel(APPROVAL_JOB_KINDS.reminder, key);
  await scheduler.cancel(APPROVAL_JOB_KINDS.escalation, key);
}

/** Registers the handlers: both kinds run the follow-up the rule asks for now. */
export function registerApprovalJobs(scheduler: Scheduler, approvals: { followUp(cohortId: string, personId: string): Promise<unknown> }): void {
  const run = async (job: { payload: { [key: string]: unknown } }) => {
    const { cohortId, personId } = job.payload;
    if (typeof cohortId === 'string' && typeof personId === 'string') await approvals.followUp(cohortId, personId);
  };
  const name = (job: { payload: { [key: string]: unknown } }) => (typeof job.payload.name === 'string' ? job.payload.name : 'a nominee');
  scheduler.register(APPROVAL_JOB_KINDS.reminder, run, { describe: (job) => `Reminder to the manager of ${name(job)} to answer their nomination` });
  scheduler.register(APPROVAL_JOB_KINDS.escalation, run, { describe: (job) => `Telling the taskforce that the manager of ${name(job)} has not answered` });
}

/**
 * At start: schedules the follow-ups of every nomination waiting on its manager that has none (nominations sent before
 * the scheduler existed, or whose jobs were dropped). Existing jobs are left as they are, so it is safe on every start
 * and on several instances at once.
 */
export async function catchUpApprovalFollowUps(ctx: ApplicationsContext): Promise<number> {
  const { scheduler } = ctx.parts;
  let created = 0;
  for (const cohort of await ctx.cohorts.listOpen()) {
    for (const application of await ctx.applications.listCohort(cohort.id, { stage: 'nominated', kind: 'mentor' })) {
      if (application.flag || !application.approvalSentAt) continue;
      const { remindAt, escalateAt } = approvalFollowUpTimes(new Date(application.approvalSentAt), ctx.settings.approvalAnswerDays);
      const key = approvalJobKey(application);
      if (!application.reminderSentAt && (await scheduler.ensure(APPROVAL_JOB_KINDS.reminder, key, remindAt, payloadOf(application)))) created++;
      if (await scheduler.ensure(APPROVAL_JOB_KINDS.escalation, key, escalateAt, payloadOf(application))) created++;
    }
  }
  return created;
}

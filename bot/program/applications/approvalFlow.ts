import type { Actor } from '../../conversation/feature';
import type { CardJson } from '../../cards/expandCard';
import type { KeptDelivery, OutgoingCard } from '../../messaging/messenger';
import { ConflictError } from '../../storage/storageErrors';
import type { Cohort } from '../cohorts/cohortRules';
import type { StoredCohort } from '../cohorts/cohortStore';
import { approvalDecidedCard, approvalRequestCard, notice, noticeCard, type NomineeTold } from './applicationCards';
import { approvalFollowUp, approvalFollowUpTimes, APPLICATION_LIMITS, type Application, type FlagReason } from './applicationRules';
import { approvalJobKey, cancelApprovalFollowUps, LATE_REMINDER_GRACE_MS, scheduleApprovalFollowUps, scheduleEscalation } from './approvalJobs';
import type { StoredApplication } from './applicationStore';
import type { ApplicationsContext } from './applicationsContext';
import { checkText } from '../text/plainText';
import { firstName } from '../../directory/person';

/**
 * Manager approval of a mentor nomination. The approval card goes to the nominee's current manager; only the person who
 * is their manager in the directory when they click can decide; the decision is written with the ETag of the
 * application, so repeated, concurrent or stale clicks all end at the one decision, shown on the card.
 */
export type ApprovalAction = 'view' | 'approve' | 'decline';

const MAX_ATTEMPTS = 4;

/** The messenger's tag for a kept approval card, so its delivery starts the answer window. */
export const APPROVAL_DELIVERED = 'approval.request';

/**
 * Whether the manager was asked: `yes` (the card is in their chat), `installing` (Graph is installing the app for them,
 * the card follows in moments), `whenTheyOpen` (the card waits until they open Mentoring Up), `no` (no manager, or it
 * could not even be kept).
 */
export type ApprovalAsked = 'yes' | 'installing' | 'whenTheyOpen' | 'no';

export interface RequestedApproval {
  application: StoredApplication;
  asked: ApprovalAsked;
}

export class ApprovalFlow {
  constructor(private readonly ctx: ApplicationsContext) {}

  /**
   * Sends the approval card to the nominee's manager. A manager who cannot be reached now gets it when they open
   * Mentoring Up (the messenger keeps it; with Graph it installs the app for them first): the answer window, and its
   * reminder, start from that delivery. Flags the nomination when there is no manager, or nobody knows when they will
   * open it (the taskforce can nudge them).
   */
  async requestApproval(application: StoredApplication, cohort: Cohort): Promise<RequestedApproval> {
    const now = this.ctx.parts.clock().toISOString();
    if (!application.managerId) return { application: await this.flagUnasked(application, cohort, 'noManager'), asked: 'no' };
    const outcome = await this.ctx.parts.messenger.sendCard(
      application.managerId,
      { card: approvalRequestCard({ application, cohort }), summary: `${application.name} asks for your approval to join Mentoring Up` },
      { keepKey: approvalJobKey(application), onDelivery: { tag: APPROVAL_DELIVERED, data: { cohortId: application.cohortId, personId: application.personId } } },
    );
    if (outcome.status === 'unreachable') {
      if (!outcome.kept) return { application: await this.flagUnasked(application, cohort, 'managerUnreachable'), asked: 'no' };
      await this.quietly('cancel', application, () => cancelApprovalFollowUps(this.ctx.parts.scheduler, application));
      if (outcome.installRequested) return { application, asked: 'installing' };
      // Nobody knows when they will open it: the taskforce sees the flag (the nominee was told what happens, once).
      return { application: await this.flag(application, cohort, 'managerUnreachable', { tellNominee: false }), asked: 'whenTheyOpen' };
    }
    return { application: await this.recordSent(application, outcome.activityId, now), asked: 'yes' };
  }

  /** A kept approval card reached the manager (see requestApproval): the answer window starts now. */
  async approvalDelivered(delivery: KeptDelivery): Promise<void> {
    const application = await this.ctx.applications.get(delivery.data.cohortId ?? '', delivery.data.personId ?? '');
    if (!application || application.stage !== 'nominated' || application.approvalSentAt) return;
    const cleared = application.flag === 'managerUnreachable' ? { flag: undefined, flaggedAt: undefined } : {};
    await this.recordSent(application, delivery.activityId, this.ctx.parts.clock().toISOString(), cleared);
  }

  private async recordSent(application: StoredApplication, activityId: string, now: string, extra: Partial<Application> = {}): Promise<StoredApplication> {
    const sent = await this.updateWithRetry(application, (current) =>
      current.stage === 'nominated' ? { ...extra, approvalActivityId: activityId, approvalSentAt: now, updatedAt: now } : undefined,
    );
    if (sent.approvalSentAt === now)
      await this.quietly('schedule', sent, () => scheduleApprovalFollowUps(this.ctx.parts.scheduler, sent, new Date(now), this.ctx.settings.approvalAnswerDays));
    return sent;
  }

  /**
   * The manager could not be asked: the taskforce is told, and follow-ups of an earlier request are dropped. The nominee
   * hears it once, from whoever asked (their nomination's answer), not again from the flag.
   */
  private async flagUnasked(application: StoredApplication, cohort: Cohort, reason: FlagReason): Promise<StoredApplication> {
    await this.quietly('cancel', application, () => cancelApprovalFollowUps(this.ctx.parts.scheduler, application));
    return this.flag(application, cohort, reason, { tellNominee: false });
  }

  /**
   * Schedules or cancels follow-ups without failing the person acting: a follow-up that was not cancelled finds the
   * nomination decided and does nothing, and one that was not scheduled is scheduled by the catch-up at the next start.
   */
  private async quietly(what: 'schedule' | 'cancel', application: Application, change: () => Promise<void>): Promise<void> {
    try {
      await change();
    } catch (error) {
      this.ctx.parts.log.warn(`could not ${what} the approval follow-ups`, { cohortId: application.cohortId, personId: application.personId, error });
    }
  }

  /** A click on the approval card (or its refresh): checks who acts, then shows, approves or declines. */
  async act(actor: Actor, data: Readonly<Record<string, unknown>>, action: ApprovalAction): Promise<CardJson> {
    const cohortId = typeof data.cohortId === 'string' ? data.cohortId : '';
    const nomineeId = typeof data.nomineeId === 'string' ? data.nomineeId : '';
    const cohort = await this.ctx.cohorts.get(cohortId);
    const application = cohort && (await this.ctx.applications.get(cohortId, nomineeId));
    if (!cohort || !application || application.kind !== 'mentor') {
      return noticeCard({ title: 'Nomination not found', lines: ['This nomination no longer exists. It may have been withdrawn.'] });
    }
    const currentManager = this.ctx.parts.directory().managerOf(application.personId);
    if (!currentManager || currentManager.id !== actor.id) {
      this.ctx.parts.log.info('approval refused: not the current manager', { cohortId, nomineeId, actorId: actor.id });
      return noticeCard({
        title: 'Only their manager can answer',
        lines: [`Only ${application.name}’s current manager can approve or decline this nomination. Nothing has changed.`],
      });
    }
    if (application.stage !== 'nominated') return approvalDecidedCard(application, cohort);
    if (action === 'view') return approvalRequestCard({ application, cohort });

    let reason = '';
    if (action === 'decline') {
      const check = checkText(data.declineReason, { label: 'The reason', max: APPLICATION_LIMITS.declineReason });
      if (!check.ok) return approvalRequestCard({ application, cohort, declineReasonError: check.error });
      reason = check.value;
    }
    const now = this.ctx.parts.clock().toISOString();
    let decided = false;
    const result = await this.updateWithRetry(application, (current) => {
      decided = current.stage === 'nominated'; // true only when this attempt's write is the one that lands
      if (!decided) return undefined;
      const common: Partial<Application> = { managerId: actor.id, managerName: currentManager.name, managerDecidedAt: now, updatedAt: now, flag: undefined, flaggedAt: undefined };
      return action === 'approve' ? { ...common, stage: 'managerApproved' } : { ...common, stage: 'managerDeclined', managerDeclineReason: reason || undefined };
    });
    if (!decided) return approvalDecidedCard(result, cohort);
    this.ctx.parts.log.info('manager decided', { cohortId, nomineeId, stage: result.stage });
    await this.quietly('cancel', result, () => cancelApprovalFollowUps(this.ctx.parts.scheduler, result));
    const card = approvalDecidedCard(result, cohort, await this.tellNominee(result, cohort));
    // The decision may come from a reminder or the status card: the first approval card shows it too.
    if (result.approvalActivityId) await this.updateQuietly(actor.id, result.approvalActivityId, { card, summary: `Nomination of ${result.name}` });
    return card;
  }

  /**
   * The follow-up a scheduled job asks for (see approvalJobs.ts): a reminder half way through the answer window, a flag
   * for the taskforce when it has passed after the reminder, or nothing when the nomination no longer waits in an open
   * cohort. Returns what it did, for logs and tests.
   */
  async followUp(cohortId: string, personId: string): Promise<'reminded' | 'flagged' | 'nothing'> {
    const cohort = await this.ctx.cohorts.get(cohortId);
    const application = cohort?.status === 'open' ? await this.ctx.applications.get(cohortId, personId) : undefined;
    if (!cohort || !application || application.kind !== 'mentor') return 'nothing';
    const now = this.ctx.parts.clock();
    const next = approvalFollowUp(application, now, this.ctx.settings.approvalAnswerDays);
    try {
      if (next === 'flag') {
        await this.flag(application, cohort, 'managerNoAnswer');
        return 'flagged';
      }
      if (next !== 'remind') return 'nothing';
      const reminded = await this.remind(application, cohort);
      const { escalateAt } = approvalFollowUpTimes(new Date(application.approvalSentAt ?? now), this.ctx.settings.approvalAnswerDays);
      // A reminder that went out at or after the deadline (the service was down): the taskforce is told a little later.
      if (reminded && now >= escalateAt) await scheduleEscalation(this.ctx.parts.scheduler, application, new Date(now.getTime() + LATE_REMINDER_GRACE_MS));
      return reminded ? 'reminded' : 'nothing';
    } catch (error) {
      if (error instanceof ConflictError) return 'nothing'; // the manager answered meanwhile
      throw error;
    }
  }

  private async remind(application: StoredApplication, cohort: StoredCohort): Promise<boolean> {
    if (!application.managerId) return false;
    const now = this.ctx.parts.clock().toISOString();
    // Record the reminder first (ETag): if the manager decided meanwhile, no reminder goes out.
    const marked = await this.ctx.applications.update(application, { reminderSentAt: now, updatedAt: now });
    const outcome = await this.ctx.parts.messenger.sendCard(
      application.managerId,
      {
        card: approvalRequestCard({ application: marked, cohort }),
        summary: `Reminder: ${application.name} is waiting for your approval`,
      },
      { keep: false },
    ); // the request itself reached them; a reminder kept for later would only repeat it
    if (outcome.status === 'unreachable') await this.flag(marked, cohort, 'managerUnreachable');
    return outcome.status === 'sent';
  }

  private async flag(application: StoredApplication, cohort: Cohort, reason: FlagReason, { tellNominee = true } = {}): Promise<StoredApplication> {
    const now = this.ctx.parts.clock().toISOString();
    let raised = false;
    const flagged = await this.updateWithRetry(application, (current) => {
      raised = current.stage === 'nominated' && !current.flag;
      return raised ? { flag: reason, flaggedAt: now, updatedAt: now } : undefined;
    });
    if (raised) this.ctx.parts.log.warn('nomination flagged for the taskforce', { cohortId: cohort.id, personId: application.personId, reason });
    if (raised && tellNominee) {
      await this.ctx.parts.messenger.sendQuietly(
        application.personId,
        notice('Your nomination: we are following up with your manager', {
          title: 'We are following up with your manager',
          lines: [
            `We have not been able to get an answer from your manager about your nomination for ${cohort.name}. The program taskforce will follow up with them; you do not need to do anything.`,
          ],
        }),
      );
    }
    return flagged;
  }

  /** Tells the nominee the decision; returns whether it reached them (or waits for them), for the manager's card. */
  private async tellNominee(application: Application, cohort: Cohort): Promise<NomineeTold> {
    const name = firstName(application.name);
    const message: OutgoingCard =
      application.stage === 'managerApproved'
        ? notice('Your manager approved your nomination', {
            title: 'Your manager approved your nomination',
            lines: [
              `Good news, ${name}: ${application.managerName ?? 'your manager'} approved your participation in ${cohort.name}. The program taskforce will be in touch to arrange a short interview.`,
            ],
            actions: [{ title: 'My status', verb: 'mentoring.status' }],
          })
        : notice('An update on your nomination', {
            title: 'An update on your nomination',
            lines: [
              `Thank you for nominating yourself for ${cohort.name}, ${name}. Your manager was not able to approve your participation this time.`,
              'This is often about timing and workload. We hope you will talk with them about it, and consider nominating yourself for a future cohort.',
            ],
          });
    const told = await this.ctx.parts.messenger.sendQuietly(application.personId, message);
    return told === 'sent' ? 'told' : told === 'kept' ? 'whenTheyOpen' : 'notTold';
  }

  private async updateQuietly(personId: string, activityId: string, message: OutgoingCard): Promise<void> {
    try {
      await this.ctx.parts.messenger.updateCard(personId, activityId, message);
    } catch (error) {
      this.ctx.parts.log.info('could not update a card', { personId, error });
    }
  }

  /** Applies a change computed from the current application, re-reading after each lost race; no change ends the loop. */
  private async updateWithRetry(application: StoredApplication, change: (current: StoredApplication) => Partial<Application> | undefined): Promise<StoredApplication> {
    let current = application;
    for (let attempt = 1; ; attempt++) {
      const changes = change(current);
      if (!changes) return current;
      try {
        return await this.ctx.applications.update(current, changes);
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_ATTEMPTS) throw error;
        const reread = await this.ctx.applications.get(current.cohortId, current.personId);
        if (!reread) throw error;
        current = reread;
      }
    }
  }
}

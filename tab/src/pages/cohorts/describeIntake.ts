import type { BatchStatus } from '../../../../bot/contract/batch';
import type { ApplicationKind, FlagReason, Stage } from '../../../../bot/program/applications/api';
import type { CohortJson, CohortStatus } from '../../../../bot/program/cohorts/api';

/** Words and colours for the intake's states, shared by the cohorts, pipeline, interviews and "My mentoring" pages. */

export type BadgeColor = 'brand' | 'success' | 'warning' | 'danger' | 'informative' | 'subtle';

/** Stages in pipeline order: mentors first, then executives, then the outcomes both share. */
export const STAGE_ORDER: readonly Stage[] = ['nominated', 'managerApproved', 'managerDeclined', 'interviewed', 'applied', 'accepted', 'waitlisted', 'declined'];

/** Short names for tiles, filters and badges; the server's `stageLabel` is the full sentence. */
export const STAGE_NAMES: Record<Stage, string> = {
  nominated: 'Nominated',
  managerApproved: 'Manager approved',
  managerDeclined: 'Manager declined',
  interviewed: 'Interviewed',
  applied: 'Applied',
  accepted: 'Accepted',
  waitlisted: 'Waitlisted',
  declined: 'Declined',
};

export const STAGE_COLORS: Record<Stage, BadgeColor> = {
  nominated: 'informative',
  managerApproved: 'brand',
  managerDeclined: 'subtle',
  interviewed: 'warning',
  applied: 'informative',
  accepted: 'success',
  waitlisted: 'warning',
  declined: 'danger',
};

export const KIND_NAMES: Record<ApplicationKind, string> = { mentor: 'Mentor', executive: 'Executive' };

export const FLAG_NAMES: Record<FlagReason, string> = {
  noManager: 'No manager',
  managerUnreachable: 'Manager unreachable',
  managerNoAnswer: 'No answer from manager',
};

/** For narrow places such as a table cell. */
export const FLAG_SHORT_NAMES: Record<FlagReason, string> = {
  noManager: 'No manager',
  managerUnreachable: 'Unreachable',
  managerNoAnswer: 'No answer',
};

export const FLAG_EXPLANATIONS: Record<FlagReason, string> = {
  noManager: 'The directory lists no manager for this person, so nobody could be asked to approve.',
  managerUnreachable:
    'The approval card has not reached the manager: they have not installed Mentoring Up in Teams, or removed it. It is kept and reaches them as soon as they open it; ask them to.',
  managerNoAnswer: 'The manager did not answer the approval request, even after a reminder.',
};

export const COHORT_STATUS_NAMES: Record<CohortStatus, string> = { draft: 'Draft', open: 'Open', closed: 'Closed' };

export function cohortStatus(cohort: Pick<CohortJson, 'status' | 'acceptingApplications'>): { label: string; color: BadgeColor } {
  if (cohort.status === 'open') {
    return cohort.acceptingApplications ? { label: 'Open', color: 'success' } : { label: 'Open, window ended', color: 'warning' };
  }
  return cohort.status === 'draft' ? { label: 'Draft', color: 'informative' } : { label: 'Closed', color: 'subtle' };
}

/** Mentors are decided after their interview, executives after applying; a waitlisted person can still be decided. */
export function isDecidable(kind: ApplicationKind, stage: Stage): boolean {
  return kind === 'mentor' ? stage === 'interviewed' || stage === 'waitlisted' : stage === 'applied' || stage === 'waitlisted';
}

/** An interviewer can be (re)assigned after the manager approved and before anyone decided. */
export function canAssignInterviewer(kind: ApplicationKind, stage: Stage): boolean {
  return kind === 'mentor' && (stage === 'managerApproved' || stage === 'interviewed');
}

/** Dates and moments are written the one way cards write them (bot/contract/dates.ts). */
export { formatDay, formatMoment } from '../../../../bot/contract/dates';
import { formatDay } from '../../../../bot/contract/dates';

export function formatWindow(opensOn: string, closesOn: string): string {
  return `${formatDay(opensOn)} – ${formatDay(closesOn)}`;
}

export function formatCount(count: number): string {
  return count.toLocaleString();
}

/** "412 sent, 1,380 not reachable, 2 failed of 1,794". */
export function describeBatch(batch: BatchStatus): string {
  const parts = [`${formatCount(batch.sent)} sent`, `${formatCount(batch.unreachable)} not reachable`];
  if (batch.failed > 0) parts.push(`${formatCount(batch.failed)} failed`);
  return `${parts.join(', ')} of ${formatCount(batch.total)}`;
}

/** Share of the batch handled so far (sent, unreachable or failed), 0..1. */
export function batchProgress(batch: BatchStatus): number {
  if (batch.total === 0) return 1;
  return Math.min(1, (batch.sent + batch.unreachable + batch.failed) / batch.total);
}

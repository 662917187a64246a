import { expandCard } from '../../cards/expandCard';
import type { OrgIndex } from '../../directory/orgIndex';
import type { BatchSender, BatchStatus } from '../../messaging/batchSender';
import { isEligibleMentor, readableDate, type Cohort } from './cohortRules';
import announceTemplate from './cards/announce.json';

/**
 * Announcing that a cohort is open: one card to every eligible employee, through the durable batch sender, so progress
 * survives restarts and nobody hears it twice (the batch is keyed by the cohort). People who never installed the bot
 * count as unreachable, and their card is not kept: news of an open window should not arrive after it closed.
 */
export function announcementKey(cohortId: string): string {
  return `cohort.${cohortId}.announce`;
}

export function eligibleRecipients(directory: OrgIndex): string[] {
  return directory
    .all()
    .filter((p) => isEligibleMentor(p, directory.hasDirectReports(p.id)))
    .map((p) => p.id);
}

export function announcementCard(cohort: Pick<Cohort, 'id' | 'name' | 'closesOn'>): Record<string, unknown> {
  return expandCard(announceTemplate, { cohortId: cohort.id, cohortName: cohort.name, closesOn: readableDate(cohort.closesOn) });
}

export function announce(batches: BatchSender, directory: OrgIndex, cohort: Cohort): Promise<BatchStatus> {
  return batches.start({
    key: announcementKey(cohort.id),
    label: `Applications open: ${cohort.name}`,
    recipients: eligibleRecipients(directory),
    message: { card: announcementCard(cohort), summary: `Mentoring Up: nominations are open for ${cohort.name}` },
    keepUnreachable: false,
  });
}

import { createHash } from 'node:crypto';
import { expandCard, type CardJson } from '../../cards/expandCard';
import { AppError } from '../../errors';
import type { BatchSender, BatchStatus } from '../../messaging/batchSender';
import type { CohortStore } from '../cohorts/cohortStore';
import type { PairStore } from '../matching/matchingStore';
import type { LearningSendingJson } from './api';
import type { LearningSendStore } from './learningSendStore';
import type { Learning, LearningStore } from './learningStore';
import youSaidWeDidTemplate from './cards/youSaidWeDid.json';

/**
 * "You said, we did" in chat: the taskforce sends the cohort's participants one card with the published entries not sent
 * before. Only entries the executive agreed to share (with their name) and the taskforce published go out. The batch is
 * keyed by the cohort and the set of entries, so sending again (a double click, a retry after a crash) sends nothing new,
 * and a later send carries only the entries published since. A card in chat cannot be taken back: withdrawing consent
 * afterwards removes the entry from the tab, not from the chat.
 */
export interface LearningSendingDeps {
  learnings: LearningStore;
  sends: LearningSendStore;
  cohorts: CohortStore;
  pairs: PairStore;
  batches: BatchSender;
  clock: () => Date;
}

/** Published with consent and not yet in a card, oldest publication first (the order they were chosen in). */
export function entriesToSend(entries: readonly Learning[], alreadySent: ReadonlySet<string>): Learning[] {
  return entries
    .filter((e) => e.published && e.shareConsent && !alreadySent.has(e.entryId))
    .sort((a, b) => (a.publishedAt ?? a.updatedAt).localeCompare(b.publishedAt ?? b.updatedAt) || a.entryId.localeCompare(b.entryId));
}

/** The same entries give the same key, whatever their order. */
export function sendKey(cohortId: string, entryIds: readonly string[]): string {
  const digest = createHash('sha256')
    .update([...entryIds].sort().join('\n'))
    .digest('hex');
  return `learnings.${cohortId}.${digest.slice(0, 24)}`;
}

export function youSaidWeDidCard(cohortName: string, entries: readonly Pick<Learning, 'executiveName' | 'learned' | 'changed'>[]): CardJson {
  return expandCard(youSaidWeDidTemplate, {
    intro: `What executives in ${cohortName} learned from their mentors, and what they changed because of it. Shared with their agreement.`,
    entries: entries.map((e) => ({ executiveName: e.executiveName, learned: e.learned, changed: e.changed })),
  });
}

export class LearningSending {
  constructor(private readonly d: LearningSendingDeps) {}

  async overview(cohortId: string): Promise<LearningSendingJson> {
    await this.cohortName(cohortId);
    const [recipients, unsent, sends] = await Promise.all([this.recipients(cohortId), this.unsent(cohortId), this.d.sends.listCohort(cohortId)]);
    const last = sends.at(-1);
    return { recipients: recipients.length, unsentEntries: unsent.length, last: (last && (await this.d.batches.status(last.batchKey))) ?? null };
  }

  async send(cohortId: string, by: string): Promise<{ sending: BatchStatus; entries: number }> {
    const cohortName = await this.cohortName(cohortId);
    const entries = await this.unsent(cohortId);
    if (entries.length === 0) throw new AppError('Conflict', 'Every published entry has already been sent to the cohort. Publish another entry first.');
    const recipients = await this.recipients(cohortId);
    if (recipients.length === 0) throw new AppError('Conflict', 'This cohort has no confirmed pairs to send to yet.');
    const entryIds = entries.map((e) => e.entryId);
    const batchKey = sendKey(cohortId, entryIds);
    const sending = await this.d.batches.start({
      key: batchKey,
      label: `You said, we did: ${cohortName}`,
      recipients,
      message: { card: youSaidWeDidCard(cohortName, entries), summary: `Mentoring Up: you said, we did (${cohortName})` },
      // Sent now or not at all: a card kept for someone who opens the chat months later could carry an entry whose
      // executive has since withdrawn their consent. They can read what is published on My mentoring.
      keepUnreachable: false,
    });
    await this.d.sends.record({ cohortId, batchKey, entryIds, by, at: this.d.clock().toISOString() });
    return { sending, entries: entries.length };
  }

  private async cohortName(cohortId: string): Promise<string> {
    const cohort = await this.d.cohorts.get(cohortId);
    if (!cohort) throw new AppError('NotFound', 'That cohort does not exist.');
    return cohort.name;
  }

  /** Everyone in a confirmed pair of the cohort, once each. */
  private async recipients(cohortId: string): Promise<string[]> {
    return [...new Set((await this.d.pairs.listCohort(cohortId)).flatMap((pair) => [pair.executiveId, pair.mentorId]))];
  }

  private async unsent(cohortId: string): Promise<Learning[]> {
    const [entries, sends] = await Promise.all([this.d.learnings.listCohort(cohortId), this.d.sends.listCohort(cohortId)]);
    return entriesToSend(entries, new Set(sends.flatMap((s) => s.entryIds)));
  }
}

import type { BatchStatus } from '../contract/batch';
import type { Logger } from '../log';
import { isComposedKey } from '../storage/keys';
import { ConflictError, TABLE_LIMITS } from '../storage/storageErrors';
import { batchStatusOf, type BatchStore, type Delivery, type DeliveryStatus, type SettledCounts, type SettledStatus } from './batchStore';
import type { KeptDelivery, Messenger, OutgoingCard } from './messenger';

/**
 * Sends one card to many people, durably: every recipient is a row in Table storage (BatchStore) before anything is
 * sent, so a batch stopped half way (restart, deploy) resumes where it was and nobody gets the card twice.
 */
export type { BatchStatus, DeliveryStatus };

/** Progress is written to the batch row every so many deliveries, for the tab's progress bar. */
const PROGRESS_EVERY = 20;
/**
 * How long a claim on a delivery holds. Longer than any one send (the messenger's retries included), so a row another
 * instance is sending is never sent again; a claim left by a process that died mid-send lapses after it.
 */
const CLAIM_LEASE_MS = 120_000;
/** How often a run looks again at rows another instance is sending, until they settle or their claim lapses. */
const PEER_CHECK_MS = 1_000;

/** A card written for one recipient (an introduction naming their partner, say). */
export interface PersonalMessage {
  personId: string;
  message: OutgoingCard;
}

export interface StartBatch {
  /** Names the batch; starting the same key again returns the existing batch instead of sending again. */
  key: string;
  label: string;
  /** People who get `message`, or people with a card of their own. */
  recipients: readonly (string | PersonalMessage)[];
  /** The card for every recipient given by id alone. */
  message?: OutgoingCard;
  /**
   * Whether the card waits for people who cannot be reached now (default true). A broadcast such as an announcement
   * says no: it would arrive long after its news, and would install the app for everyone it names.
   */
  keepUnreachable?: boolean;
}

/** The messenger's tag for a batch card it kept: its delivery, later, settles the recipient's row as sent. */
const BATCH_DELIVERED = 'batch.delivery';

/** Where one recipient stands: a delivery status, or `kept` (unreachable, and the card waits for them to open the chat). */
export type RecipientState = DeliveryStatus | 'kept';

export class BatchSender {
  private readonly running = new Map<string, Promise<BatchStatus>>();
  private readonly pauses = new Set<() => void>();
  private stopping = false;

  constructor(
    private readonly store: BatchStore,
    private readonly messenger: Messenger,
    private readonly log: Logger,
    private readonly concurrency = 8,
  ) {
    messenger.whenDelivered(BATCH_DELIVERED, (delivery) => this.keptCardDelivered(delivery));
  }

  /** Records every recipient, then sends in the background. Idempotent by key. */
  async start(input: StartBatch): Promise<BatchStatus> {
    if (!isComposedKey(input.key)) throw new Error(`Batch key "${input.key}" has characters Table storage does not allow.`);
    const existing = await this.store.batch(input.key);
    if (existing) {
      if (existing.state === 'running') this.run(input.key);
      return batchStatusOf(existing);
    }
    const recipients = new Map<string, OutgoingCard | undefined>();
    for (const recipient of input.recipients) {
      if (typeof recipient === 'string') {
        if (!input.message) throw new Error(`Batch ${input.key}: ${recipient} has no card of their own and the batch has no shared card.`);
        recipients.set(recipient, undefined);
      } else {
        recipients.set(recipient.personId, recipient.message);
      }
    }
    for (const card of [input.message, ...recipients.values()]) {
      if (card && JSON.stringify(card).length > TABLE_LIMITS.maxStringChars) throw new Error('The card is too large to send as a batch.');
    }
    await this.recordRecipients(input.key, recipients);
    const status: BatchStatus = {
      key: input.key,
      label: input.label,
      state: 'running',
      total: recipients.size,
      sent: 0,
      unreachable: 0,
      failed: 0,
      createdAt: new Date().toISOString(),
    };
    // Started twice at once: the other start recorded it, and both run it.
    await this.store.create(status, input.message, input.keepUnreachable !== false);
    this.run(input.key);
    return status;
  }

  async status(key: string): Promise<BatchStatus | undefined> {
    const batch = await this.store.batch(key);
    return batch ? batchStatusOf(batch) : undefined;
  }

  /** Waits until the batch has finished in this process (or this process stops). */
  async settled(key: string): Promise<BatchStatus | undefined> {
    const run = this.running.get(key);
    if (run) return run;
    return this.status(key);
  }

  /** Waits until no batch is running in this process, including batches started meanwhile. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  /** At start: picks up every batch a previous process left running. */
  async resumeAll(): Promise<number> {
    const keys = await this.store.runningKeys();
    for (const key of keys) this.run(key);
    const resumed = keys.length;
    if (resumed > 0) this.log.info('resuming unfinished send batches', { count: resumed });
    return resumed;
  }

  /** Stops taking new deliveries, lets those in flight finish, and leaves the rest for the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const wake of this.pauses) wake();
    await Promise.allSettled([...this.running.values()]);
  }

  private run(key: string): void {
    if (this.running.has(key) || this.stopping) return;
    const run = this.send(key)
      .catch((error: unknown) => {
        this.log.error('send batch stopped by an error; it resumes at next start', { key, error });
        return this.status(key).then((s) => s as BatchStatus);
      })
      .finally(() => this.running.delete(key));
    this.running.set(key, run);
  }

  private async send(key: string): Promise<BatchStatus> {
    const batch = await this.store.batch(key);
    if (!batch) throw new Error(`Batch ${key} vanished.`);
    // One read of the partition: what is settled counts towards progress, the rest is the work left. A row another
    // instance has claimed is its to send: this run waits for it to settle, or takes it over if the claim lapses.
    const counts: SettledCounts = { sent: 0, unreachable: 0, failed: 0 };
    let queue: Delivery[] = [];
    let claimedElsewhere: string[] = [];
    for (const d of await this.store.deliveriesOf(key)) {
      if (d.status === 'pending' || (d.status === 'sending' && claimLapsed(d))) queue.push(d);
      else if (d.status === 'sending') claimedElsewhere.push(d.personId);
      else counts[d.status]++;
    }
    let sinceSaved = 0;
    const worker = async () => {
      for (let next = queue.shift(); next && !this.stopping; next = queue.shift()) {
        const outcome = await this.deliver(key, next, next.message ?? batch.message, batch.keepUnreachable);
        if (!outcome) continue;
        counts[outcome]++;
        if (++sinceSaved >= PROGRESS_EVERY) {
          sinceSaved = 0;
          await this.store.saveProgress(key, counts);
        }
      }
    };
    for (;;) {
      await Promise.all(Array.from({ length: Math.min(this.concurrency, Math.max(queue.length, 1)) }, worker));
      if (claimedElsewhere.length === 0 || this.stopping) break;
      await this.pause(PEER_CHECK_MS);
      ({ lapsed: queue, claimed: claimedElsewhere } = await this.recheckClaims(key, claimedElsewhere));
    }
    return this.finish(key, !this.stopping && queue.length === 0 && claimedElsewhere.length === 0);
  }

  /** Reads rows other instances had claimed again: settled ones drop out, lapsed claims become work for this run. */
  private async recheckClaims(key: string, personIds: readonly string[]): Promise<{ lapsed: Delivery[]; claimed: string[] }> {
    const lapsed: Delivery[] = [];
    const claimed: string[] = [];
    for (const personId of personIds) {
      const row = await this.store.delivery(key, personId);
      if (row?.status === 'pending' || (row?.status === 'sending' && claimLapsed(row))) lapsed.push(row);
      else if (row?.status === 'sending') claimed.push(personId);
    }
    return { lapsed, claimed };
  }

  /** Waits, unless the sender is stopping (stop() wakes every pause at once). */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.pauses.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      timer.unref();
      this.pauses.add(wake);
    });
  }

  /**
   * Sends to one person; returns how it settled, or undefined when another instance had claimed the person. Someone who
   * never installed the app is settled in one write; anyone else is claimed (with the row's ETag) before the send.
   */
  private async deliver(key: string, delivery: Delivery, message: OutgoingCard | undefined, keepUnreachable: boolean): Promise<SettledStatus | undefined> {
    const personId = delivery.personId;
    const settle = (update: SettledUpdate, etag?: string) => this.store.updateDelivery(key, personId, update, etag);
    const conversation = await this.messenger.conversationOf(personId);
    // The card waits for them in the messenger (keyed by the batch, so sending the batch again never doubles it).
    const keep = { keep: keepUnreachable, keepKey: `batch.${key}`, onDelivery: { tag: BATCH_DELIVERED, data: { batch: key } } };
    try {
      if (!conversation) {
        const held = message && keepUnreachable ? await this.messenger.keepFor(personId, message, keep) : undefined;
        await settle({ status: 'unreachable', reason: 'not-installed', kept: held?.status === 'unreachable' && held.kept }, delivery.etag);
        return 'unreachable';
      }
      // Claim the row; another instance running the same batch loses this race and skips the person.
      await this.store.updateDelivery(key, personId, { status: 'sending', claimedUntil: new Date(Date.now() + CLAIM_LEASE_MS).toISOString() }, delivery.etag);
    } catch (error) {
      if (error instanceof ConflictError) return undefined;
      throw error;
    }
    let update: SettledUpdate;
    try {
      if (!message) throw new Error('This delivery has no card.');
      const outcome = await this.messenger.sendCardIn(conversation, message, keep);
      update = outcome.status === 'sent' ? { status: 'sent', activityId: outcome.activityId } : { status: 'unreachable', reason: outcome.reason, kept: outcome.kept };
    } catch (error) {
      this.log.warn('delivery failed after retries', { key, personId, error });
      update = { status: 'failed', reason: error instanceof Error ? error.message.slice(0, 500) : 'unknown' };
    }
    await settle(update);
    return update.status;
  }

  /**
   * Counts the partition and records the totals; marks the batch done when nothing is left to send. Guarded by the batch
   * row's ETag: when instances finish their parts at once, the one whose count is stale counts again, so the last word
   * is always a count taken after every delivery it covers had settled.
   */
  private async finish(key: string, complete: boolean): Promise<BatchStatus> {
    for (;;) {
      const batch = await this.store.batch(key);
      if (!batch) throw new Error(`Batch ${key} vanished.`);
      const counts: SettledCounts = { sent: 0, unreachable: 0, failed: 0 };
      let left = 0;
      for (const d of await this.store.statuses(key)) {
        if (d.status === 'sent' || d.status === 'unreachable' || d.status === 'failed') counts[d.status]++;
        else left++;
      }
      // Another instance may have finished the batch while this one waited on its part.
      const done = (complete || batch.state === 'done') && left === 0;
      try {
        await this.store.saveTotals(batch, counts, done);
      } catch (error) {
        if (error instanceof ConflictError) continue;
        throw error;
      }
      if (done && batch.state !== 'done') this.log.info('send batch finished', { key, ...counts, left });
      const saved = await this.store.batch(key);
      if (!saved) throw new Error(`Batch ${key} vanished.`);
      return batchStatusOf(saved);
    }
  }

  /**
   * Writes one pending row per recipient who has none yet, in transactions of 100 (one partition each). Two starts of the
   * same batch at once may both try a row: the loser's transaction fails whole (409), and it looks again.
   */
  private async recordRecipients(key: string, recipients: ReadonlyMap<string, OutgoingCard | undefined>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const known = new Set((await this.store.statuses(key)).map((d) => d.personId));
      try {
        await this.store.recordPending(
          key,
          [...recipients].filter(([id]) => !known.has(id)),
        );
        return;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 3) throw error;
      }
    }
  }

  /** Where each recipient of a batch stands (one partition read). */
  async deliveryStatuses(key: string): Promise<Map<string, RecipientState>> {
    const statuses = new Map<string, RecipientState>();
    for (const d of await this.store.statuses(key)) statuses.set(d.personId, d.status === 'unreachable' && d.kept ? 'kept' : d.status);
    return statuses;
  }

  /**
   * Sends again to everyone the batch did not reach and whose card is not waiting for them (failed sends, and people
   * unreachable before cards were kept): their rows go back to pending and the batch runs. Returns who is tried again.
   */
  async resend(key: string): Promise<string[]> {
    const batch = await this.store.batch(key);
    if (!batch) return [];
    const again: string[] = [];
    for (const d of await this.store.notReached(key)) {
      if (d.status === 'unreachable' && d.kept) continue;
      try {
        await this.store.updateDelivery(key, d.personId, { status: 'pending', reason: '' }, d.etag);
        again.push(d.personId);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error; // another resend took it
      }
    }
    if (again.length > 0) {
      await this.store.markRunning(key);
      this.log.info('sending a batch again to those it did not reach', { key, count: again.length });
      this.run(key);
    }
    return again;
  }

  /** Removes a finished batch and its deliveries, so the same key may be sent afresh (the demo's reset). */
  async forget(key: string): Promise<void> {
    if (!isComposedKey(key) || this.running.has(key)) return;
    await this.store.forget(key);
  }

  /** A card this batch kept reached its person when they opened the chat: their row is settled as sent. */
  private async keptCardDelivered(delivery: KeptDelivery): Promise<void> {
    const key = delivery.data.batch;
    if (!key || !isComposedKey(key)) return;
    const row = await this.store.delivery(key, delivery.personId);
    if (row?.status !== 'unreachable') return;
    await this.store.updateDelivery(key, delivery.personId, { status: 'sent', kept: false, activityId: delivery.activityId });
    if (!this.running.has(key)) await this.finish(key, false);
  }
}

type SettledUpdate = { status: SettledStatus; activityId?: string; reason?: string; kept?: boolean };

function claimLapsed(delivery: Delivery): boolean {
  return !delivery.claimedUntil || Date.parse(delivery.claimedUntil) <= Date.now();
}

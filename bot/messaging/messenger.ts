import type { Logger } from '../log';
import type { ConversationStore, StoredConversation } from './conversationStore';
import type { KeptCard, KeptCardStore } from './keptCardStore';
import { RateLimiter } from './rateLimiter';

/** An Adaptive Card (JSON) with the one-line text Teams shows in notifications. */
export interface OutgoingCard {
  card: Record<string, unknown>;
  summary: string;
}

export type SendOutcome =
  | { status: 'sent'; activityId: string; conversationId: string }
  | {
      status: 'unreachable';
      reason: UnreachableReason;
      /** The card is kept and goes out when the person opens their chat with the bot. */
      kept: boolean;
      /** Microsoft Graph was asked to install the app for them, which opens that chat within moments. */
      installRequested: boolean;
    };

/** How a card that cannot be delivered now is kept (every card is, unless `keep` is false). */
export interface SendOptions {
  keep?: boolean;
  /** Names the kept card among the person's: keeping the same key again replaces it, so a resend never doubles. */
  keepKey?: string;
  /** Who is told when a kept card is finally delivered (`whenDelivered(tag, ...)`), with the ids they need. */
  onDelivery?: { tag: string; data: Record<string, string> };
}

/** A kept card that has just been delivered, for the stage that sent it (to start its clock from now, say). */
export interface KeptDelivery {
  personId: string;
  activityId: string;
  data: Record<string, string>;
}

/** Installs the app for a person so the bot can reach them (Microsoft Graph; the implementation lives in directory/graph/). */
export interface AppInstaller {
  /** 'installed': Teams will open the chat with the bot (a conversationUpdate follows); 'alreadyInstalled': it was. */
  install(personId: string): Promise<'installed' | 'alreadyInstalled'>;
}

/** not-installed: we never had a conversation with them; removed: Teams says the bot can no longer reach them. */
export type UnreachableReason = 'not-installed' | 'removed';

/** A failure from the channel, with its HTTP status and, for throttling, how long it asked us to wait. */
export class TransportError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs?: number,
    detail?: string,
  ) {
    super(detail ?? `The channel answered ${status}.`);
    this.name = 'TransportError';
  }
}

/** How cards reach Teams; the Bot Framework implementation lives in teams/. */
export interface DeliveryTransport {
  send(conversation: StoredConversation, message: OutgoingCard): Promise<{ activityId: string }>;
  update(conversation: StoredConversation, activityId: string, message: OutgoingCard): Promise<void>;
}

export interface RetryPolicy {
  maxAttempts: number;
  /** Wait before retry n (1-based) when the channel gives no Retry-After. */
  backoffMs(attempt: number): number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, backoffMs: (attempt) => Math.min(250 * 2 ** (attempt - 1), 8000) };

/** Statuses Teams asks us to retry: throttling, precondition races and gateway trouble. */
const RETRYABLE = new Set([412, 429, 502, 503, 504]);
/** Statuses meaning the person can no longer be reached in that conversation (app removed, conversation gone). */
const GONE = new Set([403, 404]);

export class UnreachableError extends Error {
  constructor(
    readonly personId: string,
    readonly reason: UnreachableReason,
  ) {
    super(`Person ${personId} cannot be reached (${reason}).`);
    this.name = 'UnreachableError';
  }
}

/**
 * Sends cards to people, proactively, within Teams' limits. Every later feature sends through this one object.
 */
export interface MessengerParts {
  conversations: ConversationStore;
  transport: DeliveryTransport;
  log: Logger;
  /** Where undeliverable cards wait for their person (none: they are only reported). */
  kept?: KeptCardStore;
  /** Installs the app for someone who never did (when Microsoft Graph is configured). */
  installer?: AppInstaller;
  limiter?: RateLimiter;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
}

export class Messenger {
  private readonly conversations: ConversationStore;
  private readonly transport: DeliveryTransport;
  private readonly log: Logger;
  private readonly kept?: KeptCardStore;
  private readonly installer?: AppInstaller;
  private readonly limiter: RateLimiter;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly deliveryHandlers = new Map<string, (delivery: KeptDelivery) => Promise<void>>();

  constructor(parts: MessengerParts) {
    this.conversations = parts.conversations;
    this.transport = parts.transport;
    this.log = parts.log;
    this.kept = parts.kept;
    this.installer = parts.installer;
    this.limiter = parts.limiter ?? new RateLimiter();
    this.retry = parts.retry ?? DEFAULT_RETRY;
    this.sleep = parts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Sends a card to a person's personal chat with the bot. Someone who cannot be reached is reported, not thrown, and
   * their card is kept until they open the chat (and, with Microsoft Graph, the app is installed for them first).
   */
  async sendCard(personId: string, message: OutgoingCard, options: SendOptions = {}): Promise<SendOutcome> {
    const conversation = await this.conversations.get(personId);
    if (!conversation) return this.hold(personId, message, 'not-installed', options);
    return this.sendCardIn(conversation, message, options);
  }

  /** Registers what a stage does when one of its kept cards (sent with `onDelivery.tag`) is finally delivered. */
  whenDelivered(tag: string, handler: (delivery: KeptDelivery) => Promise<void>): void {
    if (this.deliveryHandlers.has(tag)) throw new Error(`A delivery handler for ${tag} is already registered.`);
    this.deliveryHandlers.set(tag, handler);
  }

  /**
   * Delivers the cards kept for a person, oldest first, now that they opened the chat (an install, the bot added, a
   * message). Each card is claimed first, so the install's two activities arriving at once deliver it once.
   * Returns how many went out.
   */
  async deliverKept(personId: string): Promise<number> {
    if (!this.kept) return 0;
    const waiting = await this.kept.waiting(personId);
    if (waiting.length === 0) return 0;
    const conversation = await this.conversations.get(personId);
    if (!conversation) return 0;
    let delivered = 0;
    for (const card of waiting) if (await this.deliverOne(conversation, card)) delivered++;
    if (delivered > 0) this.log.info('kept cards delivered', { personId, delivered });
    return delivered;
  }

  private async deliverOne(conversation: StoredConversation, card: KeptCard): Promise<boolean> {
    const kept = this.kept as KeptCardStore;
    const claim = await kept.claim(card);
    if (!claim) return false;
    let activityId: string;
    try {
      ({ activityId } = await this.withRetries(conversation, () => this.transport.send(conversation, card.message)));
    } catch (error) {
      this.log.warn('a kept card could not be delivered; it waits for the next visit', { personId: card.personId, key: card.key, error });
      await kept.release(card, claim);
      return false;
    }
    const handler = card.tag ? this.deliveryHandlers.get(card.tag) : undefined;
    try {
      await handler?.({ personId: card.personId, activityId, data: card.data });
    } catch (error) {
      this.log.error('after delivering a kept card, its stage failed', { tag: card.tag, personId: card.personId, error });
    }
    await kept.remove(card, claim);
    return true;
  }

  /** Keeps a card someone cannot receive now, and asks Graph to install the app for someone who never did. */
  private async hold(personId: string, message: OutgoingCard, reason: UnreachableReason, options: SendOptions): Promise<SendOutcome> {
    if (options.keep === false || !this.kept) return { status: 'unreachable', reason, kept: false, installRequested: false };
    await this.kept.keep(personId, message, { key: options.keepKey, tag: options.onDelivery?.tag, data: options.onDelivery?.data });
    // Someone who removed the app chose to: it is not installed again behind their back.
    const installRequested = reason === 'not-installed' && (await this.requestInstall(personId));
    return { status: 'unreachable', reason, kept: true, installRequested };
  }

  private async requestInstall(personId: string): Promise<boolean> {
    if (!this.installer) return false;
    try {
      const result = await this.installer.install(personId);
      // Installed earlier but never heard from: no conversationUpdate will come, the card waits for their first visit.
      if (result === 'alreadyInstalled') this.log.info('the app was already installed for a person the bot cannot reach', { personId });
      return result === 'installed';
    } catch (error) {
      this.log.warn('could not install the app for a person', { personId, error });
      return false;
    }
  }

  /**
   * Sends a card to a person; someone who cannot be reached is logged, never an error for the one acting. Says whether
   * it went out, waits for them (kept), or neither.
   */
  async sendQuietly(personId: string, message: OutgoingCard): Promise<'sent' | 'kept' | 'notSent'> {
    try {
      const outcome = await this.sendCard(personId, message);
      if (outcome.status === 'sent') return 'sent';
      this.log.info('person not reachable in Teams', { personId, reason: outcome.reason, kept: outcome.kept });
      return outcome.kept ? 'kept' : 'notSent';
    } catch (error) {
      this.log.warn('could not send a card', { personId, error });
      return 'notSent';
    }
  }

  /** Where the person can be reached, or undefined when they never installed the app. */
  conversationOf(personId: string): Promise<StoredConversation | undefined> {
    return this.conversations.get(personId);
  }

  /** Sends a card in a conversation already looked up (a batch looks it up before claiming the delivery). */
  async sendCardIn(conversation: StoredConversation, message: OutgoingCard, options: SendOptions = {}): Promise<SendOutcome> {
    try {
      const { activityId } = await this.withRetries(conversation, () => this.transport.send(conversation, message));
      return { status: 'sent', activityId, conversationId: conversation.conversationId };
    } catch (error) {
      if (error instanceof TransportError && GONE.has(error.status)) return this.hold(conversation.personId, message, 'removed', options);
      throw error;
    }
  }

  /** Keeps a card for someone the caller already knows cannot be reached (a batch finds no conversation). */
  keepFor(personId: string, message: OutgoingCard, options: SendOptions = {}): Promise<SendOutcome> {
    return this.hold(personId, message, 'not-installed', options);
  }

  /** Replaces a card the person received earlier (for example to show a decision). */
  async updateCard(personId: string, activityId: string, message: OutgoingCard): Promise<void> {
    const conversation = await this.conversations.get(personId);
    if (!conversation) throw new UnreachableError(personId, 'not-installed');
    try {
      await this.withRetries(conversation, () => this.transport.update(conversation, activityId, message));
    } catch (error) {
      if (error instanceof TransportError && GONE.has(error.status)) throw new UnreachableError(personId, 'removed');
      throw error;
    }
  }

  private async withRetries<T>(conversation: StoredConversation, call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const now = Date.now();
      const at = this.limiter.reserve(conversation.conversationId, now);
      if (at > now) await this.sleep(at - now);
      try {
        return await call();
      } catch (error) {
        const retryable = error instanceof TransportError && RETRYABLE.has(error.status);
        if (!retryable || attempt >= this.retry.maxAttempts) throw error;
        const wait = error.retryAfterMs ?? this.retry.backoffMs(attempt);
        this.log.warn('send throttled or failed; retrying', { status: error.status, attempt, waitMs: wait, conversationId: conversation.conversationId });
        await this.sleep(wait);
      }
    }
  }
}

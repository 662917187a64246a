import type { Logger } from '../log';
import type { ConversationStore, StoredConversation } from './conversationStore';
import { RateLimiter } from './rateLimiter';

/** An Adaptive Card (JSON) with the one-line text Teams shows in notifications. */
export interface OutgoingCard {
  card: Record<string, unknown>;
  summary: string;
}

export type SendOutcome =
  | { status: 'sent'; activityId: string; conversationId: string }
  | { status: 'unreachable'; reason: UnreachableReason };

/** not-installed: we never had a conversation with them; removed: Teams says the bot can no longer reach them. */
export type UnreachableReason = 'not-installed' | 'removed';

/** A failure from the channel, with its HTTP status and, for throttling, how long it asked us to wait. */
export class TransportError extends Error {
  constructor(readonly status: number, readonly retryAfterMs?: number, detail?: string) {
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
  constructor(readonly personId: string, readonly reason: UnreachableReason) {
    super(`Person ${personId} cannot be reached (${reason}).`);
    this.name = 'UnreachableError';
  }
}

/**
 * Sends cards to people, proactively, within Teams' limits. Every later feature sends through this one object.
 */
export class Messenger {
  constructor(
    private readonly conversations: ConversationStore,
    private readonly transport: DeliveryTransport,
    private readonly log: Logger,
    private readonly limiter = new RateLimiter(),
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Sends a card to a person's personal chat with the bot. Unreachable people are reported, not thrown. */
  async sendCard(personId: string, message: OutgoingCard): Promise<SendOutcome> {
    const conversation = await this.conversations.get(personId);
    if (!conversation) return { status: 'unreachable', reason: 'not-installed' };
    return this.sendCardIn(conversation, message);
  }

  /** Sends a card to a person; someone who cannot be reached is logged, never an error for the one acting. */
  async sendQuietly(personId: string, message: OutgoingCard): Promise<void> {
    try {
      const outcome = await this.sendCard(personId, message);
      if (outcome.status === 'unreachable') this.log.info('person not reachable in Teams', { personId, reason: outcome.reason });
    } catch (error) {
      this.log.warn('could not send a card', { personId, error });
    }
  }

  /** Where the person can be reached, or undefined when they never installed the app. */
  conversationOf(personId: string): Promise<StoredConversation | undefined> {
    return this.conversations.get(personId);
  }

  /** Sends a card in a conversation already looked up (a batch looks it up before claiming the delivery). */
  async sendCardIn(conversation: StoredConversation, message: OutgoingCard): Promise<SendOutcome> {
    try {
      const { activityId } = await this.withRetries(conversation, () => this.transport.send(conversation, message));
      return { status: 'sent', activityId, conversationId: conversation.conversationId };
    } catch (error) {
      if (error instanceof TransportError && GONE.has(error.status)) return { status: 'unreachable', reason: 'removed' };
      throw error;
    }
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

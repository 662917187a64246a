/**
 * Teams' send limits as sliding windows: per app (50/s) and per conversation (7/s and 60 per 30 s). `reserve` books the
 * earliest moment a send may go and returns it, so concurrent senders never overbook. Pure: the caller supplies the clock.
 */
export interface SendLimits {
  perAppPerSecond: number;
  perConversationPerSecond: number;
  perConversationPer30Seconds: number;
}

/** Teams publishes 50/s per app, 7/s and 60/30 s per conversation. */
export const TEAMS_PUBLISHED_LIMITS: SendLimits = { perAppPerSecond: 50, perConversationPerSecond: 7, perConversationPer30Seconds: 60 };

/**
 * What we book against: a margin under the published limits, because the connector SDK retries a throttled send on its
 * own (outside our bookings) and requests reach Teams with some jitter.
 */
export const TEAMS_SEND_LIMITS: SendLimits = { perAppPerSecond: 40, perConversationPerSecond: 6, perConversationPer30Seconds: 54 };

interface Window {
  limit: number;
  lengthMs: number;
}

export class RateLimiter {
  private readonly appSends: number[] = [];
  private readonly conversationSends = new Map<string, number[]>();

  constructor(private readonly limits: SendLimits = TEAMS_SEND_LIMITS) {}

  /** Books a send for the conversation; returns the time (ms) at or after `now` when it may go. */
  reserve(conversationId: string, now: number): number {
    const conversation = this.conversationSends.get(conversationId) ?? [];
    const conversationWindows: Window[] = [
      { limit: this.limits.perConversationPerSecond, lengthMs: 1000 },
      { limit: this.limits.perConversationPer30Seconds, lengthMs: 30_000 },
    ];
    let at = now;
    // Moving `at` later can only free slots, so a few passes settle on the earliest time every window allows.
    for (let pass = 0; pass < 4; pass++) {
      const next = Math.max(
        earliestIn(this.appSends, { limit: this.limits.perAppPerSecond, lengthMs: 1000 }, at),
        ...conversationWindows.map((w) => earliestIn(conversation, w, at)),
      );
      if (next === at) break;
      at = next;
    }
    insertSorted(this.appSends, at);
    insertSorted(conversation, at);
    this.conversationSends.set(conversationId, conversation);
    this.forget(now);
    return at;
  }

  /** Drops bookings older than the longest window so memory stays bounded. */
  private forget(now: number): void {
    prune(this.appSends, now - 1000);
    for (const [id, sends] of this.conversationSends) {
      prune(sends, now - 30_000);
      if (sends.length === 0) this.conversationSends.delete(id);
    }
  }
}

/**
 * Earliest time >= at when one more send fits the window: every window (e - length, e] that would contain it holds
 * fewer than `limit` bookings. Feasibility only improves when a booking leaves a window, at b + length, so those are the
 * only candidates after `at`.
 */
function earliestIn(bookings: number[], window: Window, at: number): number {
  if (fits(bookings, window, at)) return at;
  const candidates = bookings
    .map((b) => b + window.lengthMs)
    .filter((t) => t > at)
    .sort((a, b) => a - b);
  for (const t of candidates) if (fits(bookings, window, t)) return t;
  return Math.max(at, ...bookings) + window.lengthMs;
}

/** Whether a send at t keeps every window that contains t within its limit. */
function fits(bookings: number[], window: Window, t: number): boolean {
  const ends = [t, ...bookings.filter((b) => b > t && b < t + window.lengthMs)];
  return ends.every((end) => bookings.filter((b) => b > end - window.lengthMs && b <= end).length < window.limit);
}

function insertSorted(list: number[], value: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1] > value) i--;
  list.splice(i, 0, value);
}

function prune(list: number[], olderThan: number): void {
  let drop = 0;
  while (drop < list.length && list[drop] <= olderThan) drop++;
  if (drop > 0) list.splice(0, drop);
}

import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Wait when the answer gives no Retry-After, doubled on each retry. */
  baseDelayMs: number;
  /** Longest wait honoured; a longer Retry-After ends the retries (the next scheduled sync picks up from there). */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Told about each retry (status, wait), for logs and tests. */
  onRetry?: (retry: { status: number; delayMs: number; attempt: number }) => void;
}

const RETRIED_STATUSES = new Set([429, 503, 504]);

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 5,
  baseDelayMs: 2000,
  maxDelayMs: 5 * 60 * 1000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Retries throttled and unavailable answers (429, 503, 504) as Graph asks: after Retry-After (seconds or an HTTP date),
 * else with a doubling back-off; at most `maxRetries` times, then the last answer goes back to the caller.
 * Only safe to place before a handler that can send the same request again (GET requests here).
 */
export class RetryAfterHandler implements Middleware {
  private next: Middleware | undefined;
  private readonly policy: RetryPolicy;

  constructor(policy: Partial<RetryPolicy> = {}) {
    this.policy = { ...defaultRetryPolicy, ...policy };
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('RetryAfterHandler must not be the last middleware.');
    for (let attempt = 1; ; attempt++) {
      await this.next.execute(context);
      const response = context.response;
      if (!response || !RETRIED_STATUSES.has(response.status) || attempt > this.policy.maxRetries) return;
      const delayMs = retryDelayMs(response.headers.get('Retry-After'), attempt, this.policy.baseDelayMs);
      if (delayMs > this.policy.maxDelayMs) return;
      await response.body?.cancel(); // free the connection before waiting
      this.policy.onRetry?.({ status: response.status, delayMs, attempt });
      await this.policy.sleep(delayMs);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

export function retryDelayMs(retryAfter: string | null, attempt: number, baseDelayMs: number, now = Date.now()): number {
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  return baseDelayMs * 2 ** (attempt - 1);
}

import { fnv1a } from './jobKeys';

/**
 * When a failed job runs again: exponential backoff from `baseMs`, capped at `maxMs`, spread by a jitter of ±25% so jobs
 * that failed together (an outage) do not all come back at the same instant. The jitter is a hash of the job's name and
 * attempt rather than a random draw, so a test can predict it and every instance computes the same delay.
 */
export interface BackoffSettings {
  baseMs: number;
  maxMs: number;
}

export function retryDelayMs(failedAttempts: number, jobName: string, settings: BackoffSettings): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const plain = Math.min(settings.maxMs, settings.baseMs * 2 ** Math.min(exponent, 30));
  const jitter = 0.75 + 0.5 * (fnv1a(`${jobName}#${failedAttempts}`) / 4294967296);
  return Math.round(plain * jitter);
}

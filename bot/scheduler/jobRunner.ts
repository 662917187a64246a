import { randomUUID } from 'node:crypto';
import { AppError } from '../errors';
import type { Logger } from '../log';
import { ConflictError } from '../storage/storageErrors';
import { retryDelayMs, type BackoffSettings } from './backoff';
import type { JobRecord, JobStore, StoredJob } from './jobStore';
import { RetryLater, type Job, type JobHandler, type JobKindOptions } from './scheduler';

/** What one job did in a pass, for logs, tests and the benchmark. */
export type JobOutcome =
  /** It ran and is finished. */
  | 'done'
  /** The run ended and a schedule made during it took effect. */
  | 'rescheduled'
  /** It failed and will run again after a backoff. */
  | 'retry'
  /** The handler asked to run again later (RetryLater). */
  | 'later'
  /** It failed for the last time and waits for the taskforce. */
  | 'parked'
  /** Another instance claimed it first, or it changed since the due query: not run here. */
  | 'taken'
  /** It ran here, but was cancelled or its lease was taken meanwhile: its outcome was dropped. */
  | 'lost';

export interface JobRun {
  kind: string;
  key: string;
  outcome: JobOutcome;
  attempt?: number;
  /** The sentence kept with a failure. */
  error?: string;
}

export interface RunnerSettings {
  leaseMs: number;
  maxAttempts: number;
  backoff: BackoffSettings;
}

export interface RegisteredKind {
  handler: JobHandler;
  options: JobKindOptions;
}

type RunResult = { ok: true } | { ok: false; later?: number; sentence: string };

const SETTLE_ATTEMPTS = 6;
const GENERIC_FAILURE = 'It stopped with an unexpected error; the log has the details.';

/**
 * Claims one due job with its row's ETag under a lease, runs its handler, and records the outcome. The claim moves the
 * job's index row to the end of the lease, so if this instance dies the job becomes due again when the lease expires.
 */
export class JobRunner {
  constructor(
    private readonly store: JobStore,
    private readonly kinds: ReadonlyMap<string, RegisteredKind>,
    private readonly settings: RunnerSettings,
    private readonly clock: () => Date,
    private readonly log: Logger,
    private readonly owner: string,
    /** Keeps track of handler promises, so a stop can wait for them even after a lease timeout. */
    private readonly track: (running: Promise<unknown>) => void,
  ) {}

  async runIndexed(indexRow: string, kind: string, key: string, now: Date): Promise<JobRun> {
    const claimed = await this.claim(indexRow, kind, key, now);
    if (!claimed) return { kind, key, outcome: 'taken' };
    const result = await this.execute(claimed);
    const outcome = await this.settle(claimed, result);
    return { kind, key, outcome, attempt: claimed.attempts, error: result.ok ? undefined : result.sentence };
  }

  private leaseOf(kind: string): number {
    return this.kinds.get(kind)?.options.leaseMs ?? this.settings.leaseMs;
  }

  private async claim(indexRow: string, kind: string, key: string, now: Date): Promise<StoredJob | undefined> {
    const job = await this.store.read(kind, key);
    // The index row read by the due query is gone or moved: another instance got there first.
    if (!job || job.indexRow !== indexRow) return undefined;
    const leaseExpired = job.state === 'running' && (job.leaseUntil?.getTime() ?? 0) <= now.getTime();
    if (job.state !== 'waiting' && !leaseExpired) return undefined;
    if (leaseExpired) this.log.warn('job claimed again after its lease expired', { kind, key, previousOwner: job.owner });
    const next: JobRecord = {
      ...job,
      state: 'running',
      attempts: job.attempts + 1,
      leaseUntil: new Date(now.getTime() + this.leaseOf(kind)),
      runId: randomUUID(),
      owner: this.owner,
      updatedAt: now,
    };
    try {
      return await this.store.replace(job, next);
    } catch (error) {
      if (error instanceof ConflictError) return undefined;
      throw error;
    }
  }

  private async execute(claimed: StoredJob): Promise<RunResult> {
    const kind = this.kinds.get(claimed.kind);
    if (!kind) {
      this.log.warn('no handler for a due job', { kind: claimed.kind, key: claimed.key });
      return { ok: false, sentence: `No part of the service handles jobs of this kind (${claimed.kind}). It may have been removed or renamed.` };
    }
    const job: Job = { kind: claimed.kind, key: claimed.key, payload: claimed.payload, dueAt: claimed.dueAt, attempt: claimed.attempts };
    const leaseMs = this.leaseOf(claimed.kind);
    let timer: NodeJS.Timeout | undefined;
    const running = Promise.resolve().then(() => kind.handler(job));
    this.track(running.catch(() => undefined));
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), leaseMs);
      timer.unref();
    });
    try {
      const finished = await Promise.race([running.then(() => 'ok' as const), timedOut]);
      if (finished === 'timeout') {
        this.log.error('job did not finish within its lease', { kind: job.kind, key: job.key, leaseMs });
        return { ok: false, sentence: `It did not finish within ${describeDuration(leaseMs)}.` };
      }
      return { ok: true };
    } catch (error) {
      if (error instanceof RetryLater) return { ok: false, later: Math.max(0, error.afterMs), sentence: error.message };
      this.log.warn('job failed', { kind: job.kind, key: job.key, attempt: job.attempt, error });
      return { ok: false, sentence: error instanceof AppError ? error.userMessage : GENERIC_FAILURE };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Records how the run ended, re-reading the job after each lost race; a job no longer ours is left alone. */
  private async settle(claimed: StoredJob, result: RunResult): Promise<JobOutcome> {
    let current: StoredJob | undefined = claimed;
    for (let attempt = 1; attempt <= SETTLE_ATTEMPTS; attempt++) {
      if (!current || current.state !== 'running' || current.runId !== claimed.runId) {
        this.log.info('job outcome dropped: cancelled or claimed again meanwhile', { kind: claimed.kind, key: claimed.key });
        return 'lost';
      }
      const now = this.clock();
      try {
        const { next, outcome } = this.nextAfterRun(current, result, now);
        if (next) await this.store.replace(current, next);
        else await this.store.finish(current, now);
        if (outcome === 'parked')
          this.log.error('job parked after its last attempt', { kind: current.kind, key: current.key, attempts: current.attempts, lastError: next?.lastError });
        return outcome;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        current = await this.store.read(claimed.kind, claimed.key);
      }
    }
    this.log.warn('job outcome not recorded: it kept changing', { kind: claimed.kind, key: claimed.key });
    return 'lost';
  }

  /** The job after a run: undefined when it is finished. */
  private nextAfterRun(current: StoredJob, result: RunResult, now: Date): { next?: JobRecord; outcome: JobOutcome } {
    const idle = { leaseUntil: undefined, runId: undefined, owner: undefined, pending: undefined, updatedAt: now };
    const failure = result.ok || result.later !== undefined ? {} : { lastError: result.sentence, lastErrorAt: now };
    if (current.pending) {
      return { next: { ...current, ...idle, ...failure, state: 'waiting', dueAt: current.pending.dueAt, payload: current.pending.payload, attempts: 0 }, outcome: 'rescheduled' };
    }
    if (result.ok) return { outcome: 'done' };
    if (result.later !== undefined) {
      return { next: { ...current, ...idle, state: 'waiting', dueAt: new Date(now.getTime() + result.later), attempts: current.attempts - 1 }, outcome: 'later' };
    }
    if (current.attempts >= this.settings.maxAttempts) {
      return { next: { ...current, ...idle, ...failure, state: 'parked', parkedAt: now }, outcome: 'parked' };
    }
    const delay = retryDelayMs(current.attempts, `${current.kind}|${current.key}`, this.settings.backoff);
    return { next: { ...current, ...idle, ...failure, state: 'waiting', dueAt: new Date(now.getTime() + delay) }, outcome: 'retry' };
  }
}

function describeDuration(ms: number): string {
  if (ms < 60_000) {
    const seconds = Math.max(1, Math.round(ms / 1000));
    return seconds === 1 ? '1 second' : `${seconds} seconds`;
  }
  const minutes = Math.round(ms / 60_000);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * The scheduler as a stage sees it: durable, keyed jobs run by one handler per kind. Free of any SDK, so stages depend
 * on this interface only (the Table storage implementation is `TableScheduler`).
 *
 * The rules a stage can rely on:
 * - A job is named by (kind, key). `schedule` on a name that exists moves it: new due time, new payload, attempts back
 *   to zero. On a parked job it re-arms it; on a finished (or cancelled) job it creates it anew.
 * - `schedule` on a job that is running right now takes effect when the run ends, whatever its outcome: the job is then
 *   waiting again with the new due time and payload (so a recurring job re-schedules itself from its own handler). One
 *   name never runs twice at the same time.
 * - A job runs at least once after it is due, on one instance at a time. A handler should be idempotent: if an instance
 *   dies after the handler's work but before it recorded the end, the job runs again once its lease has expired.
 * - `cancel` removes the job whatever its state. A run under way finishes, but its outcome is dropped (no retry).
 * - A handler that throws `RetryLater` is run again after the delay it names, without counting a failure. Any other
 *   error is a failure: retried with exponential backoff, and parked after the configured number of attempts. A parked
 *   job is kept, not retried, and shown to the taskforce with one sentence (an `AppError`'s user message, or a generic
 *   one); the details go to the log.
 * - A due job whose kind no handler is registered for (on the instance that claims it) counts as a failure, so during a
 *   rolling deploy a newer instance picks it up after the backoff, and a kind removed from the code ends up parked with
 *   a sentence that says so.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface Job {
  kind: string;
  key: string;
  payload: JsonObject;
  /** When it was due (its retry time, on a retry). */
  dueAt: Date;
  /** 1 on the first run, 2 on the first retry, and so on. */
  attempt: number;
}

export type JobHandler = (job: Job) => Promise<void>;

export interface JobKindOptions {
  /**
   * How long a run may take before another instance may run the job again (the claim's lease); the scheduler's default
   * otherwise. A handler still running at the end of its lease is counted as failed.
   */
  leaseMs?: number;
  /** What the job is, in a few words for the taskforce (shown with a parked job). */
  describe?: (job: Pick<Job, 'kind' | 'key' | 'payload'>) => string;
}

export interface NewJob {
  kind: string;
  key: string;
  dueAt: Date;
  payload: JsonObject;
}

export type JobState = 'waiting' | 'running' | 'parked';

/** A job as stored, for views and tests. */
export interface JobView {
  kind: string;
  key: string;
  state: JobState;
  dueAt: Date;
  payload: JsonObject;
  /** Runs that failed (or are under way) since it was last scheduled or retried. */
  attempts: number;
  /** While it runs: when its claim ends (after it, another instance may run it again). */
  leaseUntil?: Date;
  lastError?: string;
  lastErrorAt?: Date;
  parkedAt?: Date;
  /** A `schedule` made while it ran, applied when the run ends. */
  rescheduledTo?: Date;
}

export interface Scheduler {
  /** Registers the handler of a kind (once per kind, at start, before the poll loop runs). */
  register(kind: string, handler: JobHandler, options?: JobKindOptions): void;
  /** Creates or moves the job (see the rules above). */
  schedule(kind: string, key: string, dueAt: Date, payload: JsonObject): Promise<void>;
  /** Creates the job unless one of this name exists in any state; true when it created it (catch-up at start). */
  ensure(kind: string, key: string, dueAt: Date, payload: JsonObject): Promise<boolean>;
  /** `ensure` for many jobs at once, written in transactions where none exists yet; answers how many it created. */
  ensureMany(jobs: readonly NewJob[]): Promise<number>;
  /** Removes the job; true when there was one. */
  cancel(kind: string, key: string): Promise<boolean>;
  get(kind: string, key: string): Promise<JobView | undefined>;
}

/** Thrown by a handler that cannot do its work yet: run again after `afterMs`, not counted as a failure. */
export class RetryLater extends Error {
  constructor(
    readonly afterMs: number,
    reason = 'not ready yet',
  ) {
    super(`retry later: ${reason}`);
    this.name = 'RetryLater';
  }
}

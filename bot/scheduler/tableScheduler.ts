import { randomUUID } from 'node:crypto';
import type { TableClient } from '../storage/tables';
import type { Logger } from '../log';
import { ConflictError, TABLE_LIMITS } from '../storage/storageErrors';
import type { BackoffSettings } from './backoff';
import { checkKey, checkKind, InvalidJobError, jobId, sortableTime } from './jobKeys';
import { JobRunner, type JobRun, type RegisteredKind } from './jobRunner';
import { JobStore, type JobRecord, type StoredJob } from './jobStore';
import type { JobHandler, JobKindOptions, JobView, JsonObject, NewJob, Scheduler } from './scheduler';

export interface SchedulerSettings {
  /** Time between two polls of the due index when the last one found less than a full page. */
  pollIntervalMs: number;
  /** Default lease of a claim: after it, a job whose instance died is claimed again. */
  leaseMs: number;
  /** Failed runs before a job is parked. */
  maxAttempts: number;
  /** Handlers run at once by one instance. */
  concurrency: number;
  /** Due jobs read by one poll. */
  pageSize: number;
  backoff: BackoffSettings;
}

export const DEFAULT_SCHEDULER_SETTINGS: SchedulerSettings = {
  pollIntervalMs: 15_000,
  leaseMs: 2 * 60_000,
  maxAttempts: 6,
  concurrency: 8,
  pageSize: 50,
  backoff: { baseMs: 60_000, maxMs: 60 * 60_000 },
};

/** One poll: what each due job did. `full` says the page was full, so more may be due already. */
export interface PassReport {
  runs: JobRun[];
  full: boolean;
}

export interface ParkedJobs {
  jobs: Array<{ id: string; kind: string; key: string; title: string; parkedAt: Date; attempts: number; lastError: string }>;
  more: boolean;
}

const WRITE_ATTEMPTS = 8;

/**
 * The scheduler over Table storage (see scheduler.ts for the rules a stage relies on, jobStore.ts for the rows). One
 * poll loop per service instance: a `setTimeout` chain that reads one bounded page of the due index, claims and runs up
 * to `concurrency` handlers at a time, and polls again at once when the page was full.
 */
export class TableScheduler implements Scheduler {
  private readonly store: JobStore;
  private readonly kinds = new Map<string, RegisteredKind>();
  private readonly settings: SchedulerSettings;
  private readonly runner: JobRunner;
  private readonly handlersRunning = new Set<Promise<unknown>>();
  private readonly everyPoll: Array<{ name: string; task: () => Promise<unknown> }> = [];
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<unknown> | undefined;
  private stopping = false;

  constructor(
    table: TableClient,
    private readonly clock: () => Date,
    private readonly log: Logger,
    settings: Partial<SchedulerSettings> = {},
    readonly owner: string = randomUUID().slice(0, 8),
  ) {
    this.store = new JobStore(table);
    this.settings = { ...DEFAULT_SCHEDULER_SETTINGS, ...settings };
    const track = (running: Promise<unknown>) => {
      this.handlersRunning.add(running);
      void running.finally(() => this.handlersRunning.delete(running));
    };
    this.runner = new JobRunner(this.store, this.kinds, this.settings, clock, log, owner, track);
  }

  register(kind: string, handler: JobHandler, options: JobKindOptions = {}): void {
    checkKind(kind);
    if (this.kinds.has(kind)) throw new Error(`A handler for job kind ${kind} is registered already.`);
    this.kinds.set(kind, { handler, options });
  }

  async schedule(kind: string, key: string, dueAt: Date, payload: JsonObject): Promise<void> {
    checkJob(kind, key, dueAt, payload);
    await this.write(kind, key, (current, now) => {
      if (!current || current.state === 'done') return fresh(kind, key, dueAt, payload, now);
      // A run under way keeps going; the new schedule applies when it ends (one name never runs twice at once).
      if (current.state === 'running' && (current.leaseUntil?.getTime() ?? 0) > now.getTime()) return { ...current, pending: { dueAt, payload }, updatedAt: now };
      return {
        ...current,
        state: 'waiting',
        dueAt,
        payload,
        attempts: 0,
        leaseUntil: undefined,
        runId: undefined,
        owner: undefined,
        parkedAt: undefined,
        lastError: undefined,
        lastErrorAt: undefined,
        pending: undefined,
        updatedAt: now,
      };
    });
  }

  async ensure(kind: string, key: string, dueAt: Date, payload: JsonObject): Promise<boolean> {
    checkJob(kind, key, dueAt, payload);
    let created = false;
    await this.write(kind, key, (current, now) => {
      created = !current || current.state === 'done';
      return created ? fresh(kind, key, dueAt, payload, now) : undefined;
    });
    return created;
  }

  async ensureMany(many: readonly NewJob[]): Promise<number> {
    for (const job of many) checkJob(job.kind, job.key, job.dueAt, job.payload);
    // One transaction may not name a row twice: the first of two jobs of one name wins, as with two ensure calls.
    const byName = new Map<string, NewJob>();
    for (const job of many) if (!byName.has(`${job.kind}|${job.key}`)) byName.set(`${job.kind}|${job.key}`, job);
    const now = this.clock();
    const { created, conflicted } = await this.store.createMany([...byName.values()].map((job) => fresh(job.kind, job.key, job.dueAt, job.payload, now)));
    // Where some existed already, that transaction's jobs go one by one.
    let more = 0;
    for (const job of conflicted) if (await this.ensure(job.kind, job.key, job.dueAt, job.payload)) more++;
    return created + more;
  }

  async cancel(kind: string, key: string): Promise<boolean> {
    checkKind(kind);
    checkKey(key);
    let found = false;
    await this.write(kind, key, (current) => {
      found = current !== undefined && current.state !== 'done';
      return found ? 'finish' : undefined;
    });
    return found;
  }

  async get(kind: string, key: string): Promise<JobView | undefined> {
    checkKind(kind);
    checkKey(key);
    const job = await this.store.read(kind, key);
    if (!job || job.state === 'done') return undefined;
    return {
      kind: job.kind,
      key: job.key,
      state: job.state,
      dueAt: job.dueAt,
      payload: job.payload,
      attempts: job.attempts,
      leaseUntil: job.state === 'running' ? job.leaseUntil : undefined,
      lastError: job.lastError,
      lastErrorAt: job.lastErrorAt,
      parkedAt: job.parkedAt,
      rescheduledTo: job.pending?.dueAt,
    };
  }

  /** Parked jobs, oldest first, with what each is and its last error sentence. */
  async listParked(limit = 100): Promise<ParkedJobs> {
    const rows = await this.store.parked(limit + 1);
    return {
      jobs: rows.slice(0, limit).map((row) => ({
        id: jobId(row.kind, row.key),
        kind: row.kind,
        key: row.key,
        title: this.describe(row.kind, row.key, row.payload),
        parkedAt: row.parkedAt,
        attempts: row.attempts,
        lastError: row.lastError,
      })),
      more: rows.length > limit,
    };
  }

  /** Puts a parked job back in the queue, due now with its attempts reset; false when it is not parked (any more). */
  async retryParked(kind: string, key: string): Promise<boolean> {
    checkKind(kind);
    checkKey(key);
    let parked = false;
    await this.write(kind, key, (current, now) => {
      parked = current?.state === 'parked';
      return parked && current ? { ...current, state: 'waiting', dueAt: now, attempts: 0, parkedAt: undefined, updatedAt: now } : undefined;
    });
    if (parked) this.log.info('parked job retried', { kind, key });
    return parked;
  }

  /** Removes a parked job; false when it is not parked (any more). */
  async dropParked(kind: string, key: string): Promise<boolean> {
    checkKind(kind);
    checkKey(key);
    let parked = false;
    await this.write(kind, key, (current) => {
      parked = current?.state === 'parked';
      return parked ? 'finish' : undefined;
    });
    if (parked) this.log.info('parked job dropped', { kind, key });
    return parked;
  }

  /**
   * Work for this instance alone at each poll of its loop, before the due jobs (say, reloading what another instance
   * changed). Unlike a job it runs on every instance; it should be one cheap read when there is nothing to do.
   */
  onEveryPoll(name: string, task: () => Promise<unknown>): void {
    this.everyPoll.push({ name, task });
  }

  describe(kind: string, key: string, payload: JsonObject): string {
    const describe = this.kinds.get(kind)?.options.describe;
    if (describe) {
      try {
        return describe({ kind, key, payload });
      } catch {
        // fall through to the plain name
      }
    }
    return `${kind} (${key})`;
  }

  /**
   * One pass: reads the first page of the due index (due time up to `now`), then claims and runs those jobs, at most
   * `concurrency` at a time. Resolves when their handlers have finished (or outlived their lease).
   */
  async runDue(now: Date = this.clock()): Promise<PassReport> {
    const due = await this.store.due(now, this.settings.pageSize);
    const runs: JobRun[] = [];
    let next = 0;
    const worker = async () => {
      while (next < due.length && !this.stopping) {
        const row = due[next++];
        try {
          runs.push(await this.runner.runIndexed(row.rowKey, row.kind, row.key, now));
        } catch (error) {
          // Storage trouble on one job: the next pass tries again (its index row has not moved, or its lease will end).
          this.log.error('could not run a due job', { kind: row.kind, key: row.key, error });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.settings.concurrency, due.length) }, worker));
    return { runs, full: due.length >= this.settings.pageSize };
  }

  /** Starts the poll loop (after the server listens). */
  start(): void {
    if (this.timer || this.pass || this.stopping) return;
    this.arm(this.settings.pollIntervalMs);
  }

  /** Stops polling and waits for the pass and every handler under way. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.whenIdle();
  }

  /** Resolves when no pass and no handler is running. */
  async whenIdle(): Promise<void> {
    while (this.pass || this.handlersRunning.size > 0) {
      await Promise.allSettled([this.pass, ...this.handlersRunning]);
    }
  }

  private arm(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pass = this.runLocalTasks()
        .then(() => this.runDue())
        .then((report) => {
          const ran = report.runs.filter((run) => run.outcome !== 'taken');
          if (ran.length > 0) this.log.info('scheduler pass', { ran: ran.length, outcomes: countOutcomes(ran) });
          return report.full ? 0 : this.settings.pollIntervalMs;
        })
        .catch((error: unknown) => {
          this.log.error('scheduler pass failed', { error });
          return this.settings.pollIntervalMs;
        })
        .then((next) => {
          this.pass = undefined;
          if (!this.stopping) this.arm(next);
        });
    }, delayMs);
    this.timer.unref();
  }

  private async runLocalTasks(): Promise<void> {
    for (const { name, task } of this.everyPoll) {
      try {
        await task();
      } catch (error) {
        this.log.warn('a task of the poll failed', { task: name, error });
      }
    }
  }

  /**
   * Reads the job, computes its next state, and writes it with the ETag it read (or creates it); after a lost race it
   * reads again and decides again. `undefined` leaves the job as it is; 'finish' ends it.
   */
  private async write(kind: string, key: string, change: (current: StoredJob | undefined, now: Date) => JobRecord | 'finish' | undefined): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.store.read(kind, key);
      const now = this.clock();
      const next = change(current, now);
      if (next === undefined) return;
      try {
        if (next === 'finish') {
          if (current) await this.store.finish(current, now); // 'finish' is only asked of a job that exists
        } else if (current) await this.store.replace(current, next);
        else await this.store.create(next);
        return;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= WRITE_ATTEMPTS) throw error;
      }
    }
  }
}

function fresh(kind: string, key: string, dueAt: Date, payload: JsonObject, now: Date): JobRecord {
  return { kind, key, state: 'waiting', dueAt, payload, attempts: 0, createdAt: now, updatedAt: now };
}

function checkJob(kind: string, key: string, dueAt: Date, payload: JsonObject): void {
  checkKind(kind);
  checkKey(key);
  sortableTime(dueAt);
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new InvalidJobError('A job payload must be a JSON object.');
  if (JSON.stringify(payload).length > TABLE_LIMITS.maxStringChars) throw new InvalidJobError(`A job payload must stay under ${TABLE_LIMITS.maxStringChars} characters of JSON.`);
}

function countOutcomes(runs: readonly JobRun[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const run of runs) counts[run.outcome] = (counts[run.outcome] ?? 0) + 1;
  return counts;
}

import { AppError } from '../../bot/errors';
import { retryDelayMs } from '../../bot/scheduler/backoff';
import { JobStore } from '../../bot/scheduler/jobStore';
import { RetryLater, type Job } from '../../bot/scheduler/scheduler';
import { DEFAULT_SCHEDULER_SETTINGS } from '../../bot/scheduler/tableScheduler';
import { startAzurite, type EmbeddedAzurite } from '../../bot/storage/azurite';
import { TestClock } from '../support/testClock';
import { capturedLog, freshJobsTable, gate, HOUR, MINUTE, schedulerOn, waitFor } from './schedulerHarness';

/** The scheduler against real Table storage (Azurite), driven pass by pass with a clock the test moves. */
let azurite: EmbeddedAzurite;
beforeAll(async () => {
  azurite = await startAzurite({ inMemory: true });
});
afterAll(async () => {
  await azurite.stop();
});

async function setUp(settings: Parameters<typeof schedulerOn>[2] = {}) {
  const table = await freshJobsTable(azurite.connectionString);
  const clock = new TestClock();
  return { table, clock, scheduler: schedulerOn(table, clock, settings) };
}

const outcomes = (report: { runs: { key: string; outcome: string }[] }) => report.runs.map((run) => `${run.key}:${run.outcome}`).sort();

describe('scheduling by key', () => {
  it('creates a job, and moves it when the same key is scheduled again (new due time and payload, one index row)', async () => {
    const { table, clock, scheduler } = await setUp();
    const ran: Job[] = [];
    scheduler.register('test.note', async (job) => void ran.push(job));
    const t0 = clock.now();
    await scheduler.schedule('test.note', 'a', new Date(t0.getTime() + HOUR), { n: 1 });
    expect(await scheduler.get('test.note', 'a')).toMatchObject({ state: 'waiting', dueAt: new Date(t0.getTime() + HOUR), payload: { n: 1 }, attempts: 0 });

    await scheduler.schedule('test.note', 'a', new Date(t0.getTime() + 2 * HOUR), { n: 2, nested: { list: [1, 'two', null, true] } });
    expect(await scheduler.get('test.note', 'a')).toMatchObject({ dueAt: new Date(t0.getTime() + 2 * HOUR), payload: { n: 2, nested: { list: [1, 'two', null, true] } } });
    const store = new JobStore(table);
    expect(await store.due(new Date(t0.getTime() + 3 * HOUR), 10)).toHaveLength(1);

    expect((await scheduler.runDue(clock.advance(HOUR + MINUTE))).runs).toEqual([]); // the old due time is gone
    expect(outcomes(await scheduler.runDue(clock.advance(HOUR)))).toEqual(['a:done']);
    expect(ran.map((job) => job.payload)).toEqual([{ n: 2, nested: { list: [1, 'two', null, true] } }]);
    expect(ran[0]).toMatchObject({ kind: 'test.note', key: 'a', attempt: 1, dueAt: new Date(t0.getTime() + 2 * HOUR) });
    expect(await scheduler.get('test.note', 'a')).toBeUndefined(); // a finished job is gone

    // Scheduling a finished key creates it anew.
    await scheduler.schedule('test.note', 'a', clock.now(), { n: 3 });
    expect(outcomes(await scheduler.runDue())).toEqual(['a:done']);
    expect(ran.map((job) => job.payload.n)).toEqual([2, 3]);
  });

  it('ensure creates a missing job and leaves an existing one as it is', async () => {
    const { clock, scheduler } = await setUp();
    const due = new Date(clock.now().getTime() + HOUR);
    expect(await scheduler.ensure('test.note', 'b', due, { first: true })).toBe(true);
    expect(await scheduler.ensure('test.note', 'b', new Date(due.getTime() + HOUR), { first: false })).toBe(false);
    expect(await scheduler.get('test.note', 'b')).toMatchObject({ dueAt: due, payload: { first: true } });
  });

  it('ensures many jobs in transactions, leaving the ones that exist as they are', async () => {
    const { clock, scheduler } = await setUp();
    const due = new Date(clock.now().getTime() + HOUR);
    for (let i = 0; i < 10; i++) await scheduler.schedule('test.note', `n${i * 7}`, due, { before: true });
    const many = Array.from({ length: 120 }, (_, i) => ({ kind: 'test.note', key: `n${i}`, dueAt: new Date(due.getTime() + i), payload: { i } }));
    expect(await scheduler.ensureMany([...many, { ...many[0], payload: { twice: true } }])).toBe(110);
    expect(await scheduler.get('test.note', 'n7')).toMatchObject({ dueAt: due, payload: { before: true } });
    expect(await scheduler.get('test.note', 'n1')).toMatchObject({ dueAt: new Date(due.getTime() + 1), payload: { i: 1 } });
    let ran = 0;
    scheduler.register('test.note', async () => {
      ran++;
    });
    for (let full = true; full;) full = (await scheduler.runDue(clock.advance(2 * HOUR))).full;
    expect(ran).toBe(120);
  });

  it('cancels a job, which then never runs', async () => {
    const { clock, scheduler } = await setUp();
    let runs = 0;
    scheduler.register('test.note', async () => {
      runs++;
    });
    await scheduler.schedule('test.note', 'c', clock.now(), {});
    expect(await scheduler.cancel('test.note', 'c')).toBe(true);
    expect(await scheduler.cancel('test.note', 'c')).toBe(false);
    expect(await scheduler.get('test.note', 'c')).toBeUndefined();
    expect((await scheduler.runDue(clock.advance(HOUR))).runs).toEqual([]);
    expect(runs).toBe(0);
  });

  it.each([
    ['an empty key', 'test.note', ''],
    ['a key with a slash', 'test.note', 'cohort/person'],
    ['a key with a backslash', 'test.note', 'a\\b'],
    ['a key with a hash', 'test.note', 'a#b'],
    ['a key with a question mark', 'test.note', 'a?b'],
    ['a key with a control character', 'test.note', 'a\u0007b'],
    ['a key with a C1 control character', 'test.note', 'a\u0085b'],
    ['a key with a lone surrogate', 'test.note', 'a\ud800b'],
    ['a key of 201 characters', 'test.note', 'k'.repeat(201)],
    ['a kind with a bar', 'test|note', 'a'],
    ['a kind with spaces', 'test note', 'a'],
    ['a kind starting with a capital', 'Test.note', 'a'],
  ])('refuses %s', async (_case, kind, key) => {
    const { clock, scheduler } = await setUp();
    await expect(scheduler.schedule(kind, key, clock.now(), {})).rejects.toMatchObject({ code: 'InvalidJob' });
    await expect(scheduler.cancel(kind, key)).rejects.toMatchObject({ code: 'InvalidJob' });
  });

  it('refuses an invalid due time and a payload over 32K characters', async () => {
    const { clock, scheduler } = await setUp();
    await expect(scheduler.schedule('test.note', 'a', new Date(Number.NaN), {})).rejects.toMatchObject({ code: 'InvalidJob' });
    await expect(scheduler.schedule('test.note', 'a', clock.now(), { text: 'x'.repeat(33 * 1024) })).rejects.toMatchObject({ code: 'InvalidJob' });
  });

  it('keeps keys with separators, quotes, percent signs and other scripts apart and exact', async () => {
    const { clock, scheduler } = await setUp();
    const keys = ['a|b', 'a', "it's", '100%', '100%25', 'café.日本', 'a b', 'x'.repeat(200)];
    const seen: string[] = [];
    scheduler.register('test.note', async (job) => void seen.push(job.key));
    for (const key of keys) await scheduler.schedule('test.note', key, clock.now(), { key });
    for (const key of keys) expect(await scheduler.get('test.note', key)).toMatchObject({ key, payload: { key } });
    await scheduler.runDue();
    expect(seen.sort()).toEqual([...keys].sort());
  });
});

describe('the due query', () => {
  it('returns only due jobs, in due order, at most one page', async () => {
    const { table, clock, scheduler } = await setUp({ pageSize: 10, concurrency: 1 });
    const t0 = clock.now().getTime();
    // 30 jobs due every minute from -14 to +15 minutes, written in a shuffled order.
    const offsets = Array.from({ length: 30 }, (_, i) => i - 14).sort((a, b) => ((a * 7919) % 31) - ((b * 7919) % 31));
    for (const m of offsets) await scheduler.schedule('test.note', `m${m}`, new Date(t0 + m * MINUTE), {});

    const due = await new JobStore(table).due(clock.now(), 100);
    expect(due.map((row) => row.key)).toEqual(Array.from({ length: 15 }, (_, i) => `m${i - 14}`));

    const order: string[] = [];
    scheduler.register('test.note', async (job) => void order.push(job.key));
    const first = await scheduler.runDue();
    expect(first.full).toBe(true);
    expect(order).toEqual(Array.from({ length: 10 }, (_, i) => `m${i - 14}`));
    const second = await scheduler.runDue();
    expect(second.full).toBe(false);
    expect(order.slice(10)).toEqual(['m-4', 'm-3', 'm-2', 'm-1', 'm0']);
    expect((await scheduler.runDue()).runs).toEqual([]);
  });
});

describe('claims', () => {
  it('runs each of 50 due jobs exactly once across two scheduler instances racing on one table', async () => {
    const table = await freshJobsTable(azurite.connectionString);
    const clock = new TestClock();
    const runs = new Map<string, string[]>();
    const instances = ['one', 'two'].map((name) => {
      const scheduler = schedulerOn(table, clock, { pageSize: 50, concurrency: 8 });
      scheduler.register('test.count', async (job) => void runs.set(job.key, [...(runs.get(job.key) ?? []), name]));
      return scheduler;
    });
    for (let i = 0; i < 50; i++) await instances[0].schedule('test.count', `job${i}`, clock.now(), { i });

    const reports = await Promise.all([instances[0].runDue(), instances[1].runDue(), instances[0].runDue(), instances[1].runDue()]);
    const done = reports.flatMap((report) => report.runs).filter((run) => run.outcome === 'done');
    expect(done).toHaveLength(50);
    expect([...runs.keys()].sort()).toEqual(Array.from({ length: 50 }, (_, i) => `job${i}`).sort());
    expect([...runs.values()].every((who) => who.length === 1)).toBe(true);
    // Both took part (each saw all 50 due, so each lost some races).
    expect(reports.flatMap((report) => report.runs).filter((run) => run.outcome === 'taken').length).toBeGreaterThan(0);
    expect((await instances[1].runDue(clock.advance(HOUR))).runs).toEqual([]);
  });

  it('claims a job again after the lease of an instance that stopped answering, and runs it to the end once', async () => {
    const table = await freshJobsTable(azurite.connectionString);
    const clock = new TestClock();
    const lease = 2 * MINUTE;
    const stuck = gate();
    const first = schedulerOn(table, clock, { leaseMs: lease });
    const second = schedulerOn(table, clock, { leaseMs: lease });
    const attempts: string[] = [];
    first.register('test.slow', async (job) => {
      attempts.push(`first#${job.attempt}`);
      await stuck.opened;
    });
    second.register('test.slow', async (job) => void attempts.push(`second#${job.attempt}`));
    await first.schedule('test.slow', 'x', clock.now(), {});

    const firstPass = first.runDue();
    await waitFor(() => attempts.length === 1, 'the first instance to start the job');
    expect(await first.get('test.slow', 'x')).toMatchObject({ state: 'running', attempts: 1 });
    expect((await second.runDue(clock.advance(lease - 1000))).runs).toEqual([]); // still under lease

    const taken = await second.runDue(clock.advance(2000));
    expect(outcomes(taken)).toEqual(['x:done']);
    expect(attempts).toEqual(['first#1', 'second#2']);

    stuck.open(); // the first instance comes back: its outcome no longer counts
    expect(outcomes(await firstPass)).toEqual(['x:lost']);
    expect(await first.get('test.slow', 'x')).toBeUndefined();
    expect((await second.runDue(clock.advance(HOUR))).runs).toEqual([]);
  });
});

describe('failures', () => {
  it('retries with exponential backoff, then parks the job with its sentence (details only in the log)', async () => {
    const table = await freshJobsTable(azurite.connectionString);
    const clock = new TestClock();
    const { log, lines } = capturedLog();
    const scheduler = schedulerOn(table, clock, { maxAttempts: 3 }, log);
    let calls = 0;
    scheduler.register(
      'test.fail',
      async () => {
        calls++;
        if (calls === 3) throw new Error('socket hang up at 10.0.0.7:443');
        throw new AppError('Unreachable', 'The manager could not be reached in Teams.');
      },
      { describe: (job) => `Reminder for ${String(job.payload.name)}` },
    );
    const t0 = clock.now();
    await scheduler.schedule('test.fail', 'f', t0, { name: 'Jordan Lee' });

    expect(outcomes(await scheduler.runDue())).toEqual(['f:retry']);
    const first = retryDelayMs(1, 'test.fail|f', DEFAULT_SCHEDULER_SETTINGS.backoff);
    expect(first).toBeGreaterThanOrEqual(0.75 * MINUTE);
    expect(first).toBeLessThanOrEqual(1.25 * MINUTE);
    expect(await scheduler.get('test.fail', 'f')).toMatchObject({
      state: 'waiting',
      attempts: 1,
      dueAt: new Date(t0.getTime() + first),
      lastError: 'The manager could not be reached in Teams.',
    });
    expect((await scheduler.runDue(clock.advance(first - 1))).runs).toEqual([]);

    expect(outcomes(await scheduler.runDue(clock.advance(1)))).toEqual(['f:retry']);
    const second = retryDelayMs(2, 'test.fail|f', DEFAULT_SCHEDULER_SETTINGS.backoff);
    expect(second).toBeGreaterThanOrEqual(1.5 * MINUTE);
    expect((await scheduler.get('test.fail', 'f'))?.dueAt).toEqual(new Date(clock.now().getTime() + second));

    expect(outcomes(await scheduler.runDue(clock.advance(second)))).toEqual(['f:parked']);
    const parked = await scheduler.get('test.fail', 'f');
    expect(parked).toMatchObject({ state: 'parked', attempts: 3, parkedAt: clock.now() });
    expect(parked?.lastError).toBe('It stopped with an unexpected error; the log has the details.');
    expect(lines.join('\n')).toContain('socket hang up at 10.0.0.7:443');

    // Parked: kept, not retried, listed with what it is.
    expect((await scheduler.runDue(clock.advance(24 * HOUR))).runs).toEqual([]);
    expect(calls).toBe(3);
    const list = await scheduler.listParked();
    expect(list).toEqual({
      jobs: [expect.objectContaining({ kind: 'test.fail', key: 'f', title: 'Reminder for Jordan Lee', attempts: 3, lastError: parked?.lastError })],
      more: false,
    });
  });

  it('lets the taskforce retry a parked job (it runs again at once, attempts reset) or drop one', async () => {
    const { clock, scheduler } = await setUp({ maxAttempts: 1 });
    let healthy = false;
    const ran: string[] = [];
    scheduler.register('test.flaky', async (job) => {
      if (!healthy) throw new Error('down');
      ran.push(job.key);
    });
    await scheduler.schedule('test.flaky', 'keep', clock.now(), {});
    await scheduler.schedule('test.flaky', 'drop', clock.now(), {});
    expect(outcomes(await scheduler.runDue())).toEqual(['drop:parked', 'keep:parked']);
    expect((await scheduler.listParked()).jobs.map((job) => job.key).sort()).toEqual(['drop', 'keep']);

    healthy = true;
    expect(await scheduler.retryParked('test.flaky', 'keep')).toBe(true);
    expect(await scheduler.retryParked('test.flaky', 'keep')).toBe(false); // no longer parked
    expect(await scheduler.get('test.flaky', 'keep')).toMatchObject({ state: 'waiting', attempts: 0, dueAt: clock.now() });
    expect(await scheduler.dropParked('test.flaky', 'drop')).toBe(true);
    expect(await scheduler.dropParked('test.flaky', 'drop')).toBe(false);
    expect(await scheduler.get('test.flaky', 'drop')).toBeUndefined();

    expect(outcomes(await scheduler.runDue())).toEqual(['keep:done']);
    expect(ran).toEqual(['keep']);
    expect(await scheduler.listParked()).toEqual({ jobs: [], more: false });
  });

  it('re-arms a parked job that a stage schedules again', async () => {
    const { clock, scheduler } = await setUp({ maxAttempts: 1 });
    scheduler.register('test.flaky', async () => {
      throw new Error('down');
    });
    await scheduler.schedule('test.flaky', 'p', clock.now(), {});
    await scheduler.runDue();
    await scheduler.schedule('test.flaky', 'p', new Date(clock.now().getTime() + HOUR), { again: true });
    expect(await scheduler.get('test.flaky', 'p')).toMatchObject({ state: 'waiting', attempts: 0, payload: { again: true }, lastError: undefined });
    expect((await scheduler.listParked()).jobs).toEqual([]);
  });

  it('runs a job that asked to wait again after the delay it named, without counting a failure', async () => {
    const { clock, scheduler } = await setUp({ maxAttempts: 1 });
    let calls = 0;
    scheduler.register('test.wait', async () => {
      if (++calls === 1) throw new RetryLater(10 * MINUTE, 'the send batch is still running');
    });
    await scheduler.schedule('test.wait', 'w', clock.now(), {});
    expect(outcomes(await scheduler.runDue())).toEqual(['w:later']);
    expect(await scheduler.get('test.wait', 'w')).toMatchObject({ state: 'waiting', attempts: 0, dueAt: new Date(clock.now().getTime() + 10 * MINUTE) });
    expect((await scheduler.runDue(clock.advance(10 * MINUTE - 1))).runs).toEqual([]);
    expect(outcomes(await scheduler.runDue(clock.advance(1)))).toEqual(['w:done']);
  });

  it('counts a job of a kind nobody handles as a failure, and parks it with a sentence saying so', async () => {
    const { clock, scheduler } = await setUp({ maxAttempts: 2 });
    await scheduler.schedule('test.retired', 'r', clock.now(), {});
    expect(outcomes(await scheduler.runDue())).toEqual(['r:retry']);
    const waiting = await scheduler.get('test.retired', 'r');
    expect(outcomes(await scheduler.runDue(clock.set(waiting!.dueAt)))).toEqual(['r:parked']);
    expect((await scheduler.get('test.retired', 'r'))?.lastError).toBe('No part of the service handles jobs of this kind (test.retired). It may have been removed or renamed.');
  });

  it('counts a run that outlives its lease as failed', async () => {
    const { clock, scheduler } = await setUp();
    const never = gate();
    scheduler.register('test.hang', async () => never.opened, { leaseMs: 50 });
    await scheduler.schedule('test.hang', 'h', clock.now(), {});
    const report = await scheduler.runDue();
    expect(report.runs).toEqual([expect.objectContaining({ key: 'h', outcome: 'retry', error: 'It did not finish within 1 second.' })]);
    never.open();
    await scheduler.whenIdle();
  });
});

describe('scheduling a job while it runs', () => {
  it('applies a schedule made during the run when the run ends (a job re-scheduling itself), whatever the outcome', async () => {
    const { clock, scheduler } = await setUp();
    scheduler.register('test.recurring', async (job) => {
      await scheduler.schedule('test.recurring', job.key, new Date(clock.now().getTime() + HOUR), { round: Number(job.payload.round) + 1 });
      if (job.key === 'failing') throw new Error('the round failed');
    });
    await scheduler.schedule('test.recurring', 'ok', clock.now(), { round: 1 });
    await scheduler.schedule('test.recurring', 'failing', clock.now(), { round: 1 });
    expect(outcomes(await scheduler.runDue())).toEqual(['failing:rescheduled', 'ok:rescheduled']);
    for (const key of ['ok', 'failing']) {
      expect(await scheduler.get('test.recurring', key)).toMatchObject({ state: 'waiting', attempts: 0, payload: { round: 2 }, dueAt: new Date(clock.now().getTime() + HOUR) });
    }
    expect((await scheduler.get('test.recurring', 'failing'))?.lastError).toBe('It stopped with an unexpected error; the log has the details.');
  });

  it('never runs one key twice at once: a schedule from outside waits for the run; a cancel drops its outcome', async () => {
    const { clock, scheduler } = await setUp({ maxAttempts: 1 });
    const release = { moved: gate(), cancelled: gate() };
    const started: string[] = [];
    scheduler.register('test.block', async (job) => {
      started.push(job.key);
      await release[job.key as 'moved' | 'cancelled'].opened;
      throw new Error('fails after the cancel: no retry, no parking');
    });
    await scheduler.schedule('test.block', 'moved', clock.now(), { v: 1 });
    await scheduler.schedule('test.block', 'cancelled', clock.now(), {});
    const pass = scheduler.runDue();
    await waitFor(() => started.length === 2, 'both jobs to start');

    await scheduler.schedule('test.block', 'moved', clock.now(), { v: 2 });
    expect(await scheduler.get('test.block', 'moved')).toMatchObject({ state: 'running', rescheduledTo: clock.now() });
    expect((await scheduler.runDue()).runs.filter((run) => run.outcome !== 'taken')).toEqual([]); // not a second run meanwhile
    expect(await scheduler.cancel('test.block', 'cancelled')).toBe(true);

    release.moved.open();
    release.cancelled.open();
    expect(outcomes(await pass)).toEqual(['cancelled:lost', 'moved:rescheduled']);
    expect(await scheduler.get('test.block', 'moved')).toMatchObject({ state: 'waiting', payload: { v: 2 } });
    expect(await scheduler.get('test.block', 'cancelled')).toBeUndefined();
  });
});

describe('the poll loop', () => {
  it('runs due jobs by itself, and stop() waits for the handler under way', async () => {
    const { clock, scheduler } = await setUp({ pollIntervalMs: 10 });
    const hold = gate();
    let finished = false;
    scheduler.register('test.loop', async () => {
      await hold.opened;
      finished = true;
    });
    await scheduler.schedule('test.loop', 'l', clock.now(), {});
    scheduler.start();
    await waitFor(async () => (await scheduler.get('test.loop', 'l'))?.state === 'running', 'the loop to claim the job');

    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    hold.open();
    await stopping;
    expect(finished).toBe(true);
    expect(await scheduler.get('test.loop', 'l')).toBeUndefined();
  });
});

/**
 * Scheduler benchmark on an in-memory Azurite: 100,000 stored jobs (a year of nudges and reminders, written with
 * `ensureMany` in transactions of 50 jobs), of which 2,000 are due now.
 * - the due query a poll makes (one range query of the due index, one page of 50) with 1,000 and with 100,000 jobs
 *   stored, against reading "what is due" without the index (a scan of every job row, filtered on its due time);
 * - a run of the 2,000 due no-op jobs, pass after pass as the poll loop does (page 50), with 8 handlers at a time and
 *   with 1: jobs per second, and Table storage requests and entity operations per job.
 * Prints a table, then as the last line one JSON object with the figures.
 */
import { TableClient } from '@azure/data-tables';
import { createLogger } from '../../bot/log';
import { JobStore } from '../../bot/scheduler/jobStore';
import type { NewJob } from '../../bot/scheduler/scheduler';
import { TableScheduler } from '../../bot/scheduler/tableScheduler';
import { startAzurite } from '../../bot/storage/azurite';

const STORED = 100_000;
const DUE = 2_000;
const SMALL = 1_000;
const QUERY_RUNS = 21;
const NOW = new Date('2031-03-02T09:00:00.000Z');
const YEAR = 365 * 24 * 60 * 60 * 1000;

/** Counts HTTP requests and, inside transactions, the entity operations each carries. */
class Counter {
  requests = 0;
  operations = 0;
  count(url: string, body: unknown): void {
    this.requests++;
    const text = typeof body === 'string' ? body : '';
    this.operations += url.endsWith('$batch') ? (text.match(/^(POST|PUT|PATCH|MERGE|DELETE|GET) http/gm) ?? []).length : 1;
  }
  reset(): void {
    this.requests = 0;
    this.operations = 0;
  }
}

async function openTable(connectionString: string, name: string, counter: Counter): Promise<TableClient> {
  const table = TableClient.fromConnectionString(connectionString, name, {
    allowInsecureConnection: true,
    additionalPolicies: [{ policy: { name: 'countRequests', sendRequest: (request, next) => (counter.count(request.url, request.body), next(request)) }, position: 'perCall' }],
  });
  await table.createTable();
  return table;
}

/** `count` jobs: the first `due` due in the last hour, the others spread over the coming year. */
function jobs(count: number, due: number): NewJob[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: i < due ? 'bench.noop' : 'bench.later',
    key: `cohort-2031.person-${String(i).padStart(6, '0')}`,
    dueAt: i < due ? new Date(NOW.getTime() - ((i * 7919) % 3_600_000)) : new Date(NOW.getTime() + 60_000 + ((i * 104729) % YEAR)),
    payload: { n: i },
  }));
}

async function medianMs(runs: number, action: () => Promise<unknown>): Promise<number> {
  await action();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await action();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** "What is due" without the index: every job row with its due time up to now, then the earliest 50. */
async function scanForDue(table: TableClient): Promise<number> {
  const due: string[] = [];
  const filter = `RowKey ge 'k|' and RowKey lt 'k}' and state eq 'waiting' and dueAt le '${NOW.toISOString()}'`;
  for await (const row of table.listEntities<{ dueAt: string }>({ queryOptions: { filter, select: ['dueAt'] } })) due.push(row.dueAt);
  return due.sort().slice(0, 50).length;
}

async function runAllDue(scheduler: TableScheduler): Promise<number> {
  let ran = 0;
  for (let full = true; full; ) {
    const pass = await scheduler.runDue(NOW);
    ran += pass.runs.filter((run) => run.outcome === 'done').length;
    full = pass.full;
  }
  return ran;
}

async function main(): Promise<void> {
  const azurite = await startAzurite({ inMemory: true });
  const log = createLogger('silent');
  try {
    const counter = new Counter();
    const small = await openTable(azurite.connectionString, 'benchSmall', counter);
    const large = await openTable(azurite.connectionString, 'benchLarge', counter);
    const clock = () => NOW;

    await new TableScheduler(small, clock, log).ensureMany(jobs(SMALL, DUE / 4));
    counter.reset();
    let started = performance.now();
    await new TableScheduler(large, clock, log).ensureMany(jobs(STORED, DUE));
    const writeMs = performance.now() - started;
    const writeRequests = counter.requests;

    const dueSmallMs = await medianMs(QUERY_RUNS, () => new JobStore(small).due(NOW, 50));
    const dueLargeMs = await medianMs(QUERY_RUNS, () => new JobStore(large).due(NOW, 50));
    const scanLargeMs = await medianMs(3, () => scanForDue(large));

    const passes: Record<string, { jobsPerS: number; requestsPerJob: number; operationsPerJob: number }> = {};
    for (const concurrency of [8, 1]) {
      const scheduler = new TableScheduler(large, clock, log, { concurrency });
      scheduler.register('bench.noop', async () => undefined);
      // The same 2,000 due jobs for each run.
      if (concurrency === 1) await scheduler.ensureMany(jobs(DUE, DUE));
      counter.reset();
      started = performance.now();
      const ran = await runAllDue(scheduler);
      const ms = performance.now() - started;
      if (ran !== DUE) throw new Error(`ran ${ran} jobs, expected ${DUE}`);
      passes[concurrency] = { jobsPerS: Math.round((ran / ms) * 1000), requestsPerJob: round(counter.requests / ran), operationsPerJob: round(counter.operations / ran) };
    }

    const result = {
      stored_jobs: STORED,
      write_s: round(writeMs / 1000),
      write_jobs_per_s: Math.round(STORED / (writeMs / 1000)),
      write_requests: writeRequests,
      due_query_ms_1k: round(dueSmallMs),
      due_query_ms_100k: round(dueLargeMs),
      due_query_ratio_100k_to_1k: round(dueLargeMs / dueSmallMs),
      scan_for_due_ms_100k: Math.round(scanLargeMs),
      scan_to_due_query_ratio: Math.round(scanLargeMs / dueLargeMs),
      pass_jobs_per_s_8: passes[8].jobsPerS,
      pass_jobs_per_s_1: passes[1].jobsPerS,
      concurrency_speedup: round(passes[8].jobsPerS / passes[1].jobsPerS),
      requests_per_job: passes[8].requestsPerJob,
      entity_operations_per_job: passes[8].operationsPerJob,
    };
    const rows: Array<[string, string]> = [
      ['jobs stored', String(STORED)],
      ['write 100,000 (ensureMany, 50 per transaction)', `${result.write_s} s, ${result.write_jobs_per_s} jobs/s, ${writeRequests} requests`],
      ['due query, 1,000 stored (median)', `${result.due_query_ms_1k} ms`],
      ['due query, 100,000 stored (median)', `${result.due_query_ms_100k} ms (${result.due_query_ratio_100k_to_1k}x the 1,000 case)`],
      ['due without the index: scan of 100,000 job rows', `${result.scan_for_due_ms_100k} ms (${result.scan_to_due_query_ratio}x the due query)`],
      ['2,000 due no-op jobs, 8 at a time', `${result.pass_jobs_per_s_8} jobs/s`],
      ['2,000 due no-op jobs, 1 at a time', `${result.pass_jobs_per_s_1} jobs/s (8 at a time: ${result.concurrency_speedup}x)`],
      ['per job run', `${result.requests_per_job} requests, ${result.entity_operations_per_job} entity operations`],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
    console.log(JSON.stringify(result));
  } finally {
    await azurite.stop();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

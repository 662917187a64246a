/**
 * Scheduler benchmark on an in-memory Azurite: 100,000 stored jobs (a year of nudges and reminders, written with
 * `ensureMany` in transactions of 50 jobs), of which 2,000 are due now, beside a table of 1,000 jobs (500 due).
 * - the due query a poll makes (a range query of the due index in each of the 16 partitions, a page of 50 each): its
 *   time and the rows it reads, with 1,000 and with 100,000 jobs stored; and reading "what is due" without the index
 *   (a scan of every job row, filtered on its due time);
 * - the due no-op jobs run pass after pass as the poll loop does (page 50): jobs per second with 8 handlers at a time
 *   (and with 1, on the small table), and Table storage requests and entity operations per job.
 * Azurite answers every query by testing every row of the table and serves one request at a time, so its query times
 * grow with the table and handlers running side by side gain nothing there; the rows read and the requests per job are
 * what carries over to Azure Table storage. Progress goes to stderr; stdout has a table, then as the last line one JSON
 * object with the figures.
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

/** Counts HTTP requests, the entity operations inside transactions, and the rows queries return. */
class Counter {
  requests = 0;
  operations = 0;
  rowsReturned = 0;
  count(url: string, body: unknown): void {
    this.requests++;
    const text = typeof body === 'string' ? body : '';
    this.operations += url.endsWith('$batch') ? (text.match(/^(POST|PUT|PATCH|MERGE|DELETE|GET) http/gm) ?? []).length : 1;
  }
  countRows(url: string, bodyAsText: string | undefined): void {
    if (!url.includes('filter') || !bodyAsText) return;
    const value = (JSON.parse(bodyAsText) as { value?: unknown[] }).value;
    this.rowsReturned += value?.length ?? 0;
  }
  reset(): void {
    this.requests = 0;
    this.operations = 0;
    this.rowsReturned = 0;
  }
}

async function openTable(connectionString: string, name: string, counter: Counter): Promise<TableClient> {
  const table = TableClient.fromConnectionString(connectionString, name, {
    allowInsecureConnection: true,
    additionalPolicies: [
      {
        policy: {
          name: 'countRequests',
          sendRequest: async (request, next) => {
            counter.count(request.url, request.body);
            const response = await next(request);
            counter.countRows(request.url, response.bodyAsText ?? undefined);
            return response;
          },
        },
        position: 'perCall',
      },
    ],
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
  await action(); // one untimed run first
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

interface PassFigures {
  jobsPerS: number;
  requestsPerJob: number;
  operationsPerJob: number;
}

/** Runs every due job, pass after pass as the poll loop does, and measures it. */
async function runAllDue(table: TableClient, concurrency: number, expected: number, counter: Counter): Promise<PassFigures> {
  const scheduler = new TableScheduler(table, () => NOW, createLogger('silent'), { concurrency });
  scheduler.register('bench.noop', async () => undefined);
  counter.reset();
  const started = performance.now();
  let ran = 0;
  for (let full = true; full;) {
    const pass = await scheduler.runDue(NOW);
    ran += pass.runs.filter((run) => run.outcome === 'done').length;
    full = pass.full;
  }
  const ms = performance.now() - started;
  if (ran !== expected) throw new Error(`ran ${ran} jobs, expected ${expected}`);
  return { jobsPerS: round((ran / ms) * 1000), requestsPerJob: round(counter.requests / ran), operationsPerJob: round(counter.operations / ran) };
}

async function rowsRead(counter: Counter, query: () => Promise<unknown>): Promise<number> {
  counter.reset();
  await query();
  return counter.rowsReturned;
}

function progress(text: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
}

async function main(): Promise<void> {
  const azurite = await startAzurite({ inMemory: true });
  const log = createLogger('silent');
  try {
    const counter = new Counter();
    const small = await openTable(azurite.connectionString, 'benchSmall', counter);
    const large = await openTable(azurite.connectionString, 'benchLarge', counter);
    const clock = () => NOW;

    await new TableScheduler(small, clock, log).ensureMany(jobs(SMALL, SMALL / 2));
    progress(`writing ${STORED} jobs`);
    counter.reset();
    const started = performance.now();
    const writer = new TableScheduler(large, clock, log);
    const all = jobs(STORED, DUE);
    for (let i = 0; i < STORED; i += 10_000) {
      await writer.ensureMany(all.slice(i, i + 10_000));
      progress(`written ${i + 10_000}`);
    }
    const writeMs = performance.now() - started;
    const writeRequests = counter.requests;

    progress('timing the due query');
    const dueSmallMs = await medianMs(QUERY_RUNS, () => new JobStore(small).due(NOW, 50));
    const dueLargeMs = await medianMs(QUERY_RUNS, () => new JobStore(large).due(NOW, 50));
    const rowsSmall = await rowsRead(counter, () => new JobStore(small).due(NOW, 50));
    const rowsLarge = await rowsRead(counter, () => new JobStore(large).due(NOW, 50));
    const scanLargeMs = await medianMs(3, () => scanForDue(large));
    const scanRows = await rowsRead(counter, () => scanForDue(large));

    progress('running the due jobs');
    const small8 = await runAllDue(small, 8, SMALL / 2, counter);
    await new TableScheduler(small, clock, log).ensureMany(jobs(SMALL / 2, SMALL / 2)); // the same due jobs again
    const small1 = await runAllDue(small, 1, SMALL / 2, counter);
    const large8 = await runAllDue(large, 8, DUE, counter);

    const result = {
      stored_jobs: STORED,
      write_s: round(writeMs / 1000),
      write_jobs_per_s: Math.round(STORED / (writeMs / 1000)),
      write_requests: writeRequests,
      due_query_rows_1k: rowsSmall,
      due_query_rows_100k: rowsLarge,
      due_query_ms_1k: round(dueSmallMs),
      due_query_ms_100k: round(dueLargeMs),
      due_query_ms_ratio_100k_to_1k: round(dueLargeMs / dueSmallMs),
      scan_for_due_rows_100k: scanRows,
      scan_for_due_ms_100k: Math.round(scanLargeMs),
      pass_jobs_per_s_1k_8: small8.jobsPerS,
      pass_jobs_per_s_1k_1: small1.jobsPerS,
      pass_jobs_per_s_100k_8: large8.jobsPerS,
      pass_speed_ratio_100k_to_1k: round(large8.jobsPerS / small8.jobsPerS),
      requests_per_job: large8.requestsPerJob,
      entity_operations_per_job: large8.operationsPerJob,
    };
    const rows: Array<[string, string]> = [
      ['jobs stored', `${STORED} (and 1,000 in a second table)`],
      ['write 100,000 (ensureMany, 50 per transaction)', `${result.write_s} s, ${result.write_jobs_per_s} jobs/s, ${writeRequests} requests`],
      ['due query, 1,000 stored', `${rowsSmall} rows returned, ${result.due_query_ms_1k} ms (median)`],
      ['due query, 100,000 stored', `${rowsLarge} rows returned, ${result.due_query_ms_100k} ms (${result.due_query_ms_ratio_100k_to_1k}x the 1,000 case)`],
      ['due without the index: scan of the job rows', `${scanRows} rows returned, all 100,000 job rows tested, ${result.scan_for_due_ms_100k} ms`],
      ['500 due no-op jobs, 1,000 stored', `${small8.jobsPerS} jobs/s 8 at a time, ${small1.jobsPerS} jobs/s 1 at a time`],
      ['2,000 due no-op jobs, 100,000 stored', `${large8.jobsPerS} jobs/s 8 at a time (${result.pass_speed_ratio_100k_to_1k}x the 1,000 case)`],
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

/**
 * The year's benchmark on an in-memory Azurite: a cohort of 2,000 confirmed pairs (4,000 people) set up by the year stage
 * (plans and every nudge job, written with `ensureMany`), then a year of nudges run day by day through the real stage
 * and scheduler, as the poll loop would: no pair books anything, so every person gets "book" and the last nudge each
 * quarter and every quarter closes with the taskforce told (the heaviest year the stage can have).
 * - scheduler jobs per second over the year, and Table storage requests and entity operations per nudge;
 * - the due-jobs query with 100,000 jobs stored (the year's jobs plus jobs of other kinds up to 100,000).
 * Teams' send limit (40 a second per app) is lifted here so that the figures are the stage's own cost; in production a
 * day's nudges go out at that limit. Proactive sends go to a transport that answers at once (the Bot Connector cannot be
 * reached from here). Progress goes to stderr; stdout has a table, then as the last line one JSON object with the figures.
 * A first argument changes the cohort's size (default 2,000): `node dist/tests/bench/year.js 200`.
 */
import { TableClient } from '@azure/data-tables';
import { loadConfig } from '../../bot/config';
import { OrgIndex } from '../../bot/directory/orgIndex';
import type { Person } from '../../bot/directory/person';
import { createLogger } from '../../bot/log';
import { BatchSender } from '../../bot/messaging/batchSender';
import { BATCH_TABLES, BatchStore } from '../../bot/messaging/batchStore';
import { ConversationStore } from '../../bot/messaging/conversationStore';
import { Messenger, type DeliveryTransport } from '../../bot/messaging/messenger';
import { RateLimiter } from '../../bot/messaging/rateLimiter';
import { PAIR_BY_PERSON_TABLE, PAIR_TABLE, PairStore, type StoredPair } from '../../bot/program/matching/matchingStore';
import { ScheduledProgramEvents } from '../../bot/program/programEvents';
import type { StageParts } from '../../bot/program/programStage';
import { Roles } from '../../bot/program/roles';
import { addDays, zonedInstant } from '../../bot/calendar/calendarTime';
import { createYearStage } from '../../bot/program/year/stage/yearStage';
import { YEAR_TABLES } from '../../bot/program/year/stage/yearStore';
import { JobStore } from '../../bot/scheduler/jobStore';
import type { NewJob } from '../../bot/scheduler/scheduler';
import { TableScheduler } from '../../bot/scheduler/tableScheduler';
import { startAzurite } from '../../bot/storage/azurite';

const PAIRS = Number(process.argv[2] ?? 2000);
const STORED = 100_000;
const COHORT = 'bench-2031';
const TIME_ZONE = 'America/Chicago';
const CONFIRMED_AT = '2031-01-06T15:00:00.000Z';

/** Counts HTTP requests and the entity operations inside transactions. */
class Counter {
  requests = 0;
  operations = 0;
  count(url: string, body: unknown): void {
    this.requests++;
    const text = typeof body === 'string' ? body : '';
    this.operations += url.endsWith('$batch') ? (text.match(/^(POST|PUT|PATCH|MERGE|DELETE|GET) http/gm) ?? []).length : 1;
  }
}

function tableOf(connectionString: string, name: string, counter: Counter): TableClient {
  return TableClient.fromConnectionString(connectionString, name, {
    allowInsecureConnection: true,
    additionalPolicies: [{ policy: { name: 'count', sendRequest: (request, next) => (counter.count(request.url, request.body), next(request)) }, position: 'perCall' }],
  });
}

const idOf = (kind: 'e' | 'm', i: number): string => `00000000-0000-4000-8000-${kind === 'e' ? '1' : '2'}${String(i).padStart(11, '0')}`;

function progress(text: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

async function main(): Promise<void> {
  const azurite = await startAzurite({ inMemory: true });
  const log = createLogger('silent');
  try {
    const counter = new Counter();
    const names = [...Object.values(YEAR_TABLES), PAIR_TABLE, PAIR_BY_PERSON_TABLE, 'scheduledJobs', 'conversations', BATCH_TABLES.batches, BATCH_TABLES.deliveries, 'cohorts'];
    const tables = new Map(names.map((name) => [name, tableOf(azurite.connectionString, name, counter)]));
    for (const table of tables.values()) await table.createTable();
    const table = (name: string): TableClient => tables.get(name) ?? tableOf(azurite.connectionString, name, counter);

    const taskforce = ['00000000-0000-4000-8000-300000000001', '00000000-0000-4000-8000-300000000002'];
    const people: Person[] = [...taskforce.map((id, i) => ({ id, name: `Taskforce ${i}`, accountEnabled: true }))];
    const pairs: StoredPair[] = [];
    for (let i = 0; i < PAIRS; i++) {
      people.push({ id: idOf('e', i), name: `Executive ${i}`, accountEnabled: true }, { id: idOf('m', i), name: `Mentor ${i}`, accountEnabled: true });
      const snapshot = (name: string) => ({ name, jobTitle: null, department: null });
      pairs.push({
        cohortId: COHORT,
        executiveId: idOf('e', i),
        mentorId: idOf('m', i),
        executive: snapshot(`Executive ${i}`),
        mentor: snapshot(`Mentor ${i}`),
        sharedTopics: [],
        score: 10,
        confirmedAt: CONFIRMED_AT,
        confirmedBy: taskforce[0],
        override: null,
      });
    }
    const index = OrgIndex.build(people);
    let now = new Date(CONFIRMED_AT);
    const clock = () => now;
    const scheduler = new TableScheduler(table('scheduledJobs'), clock, log);
    const conversations = new ConversationStore(table('conversations'));
    let sends = 0;
    const transport: DeliveryTransport = { send: async () => ({ activityId: `a${++sends}` }), update: async () => undefined };
    const unlimited = new RateLimiter({ perAppPerSecond: 1_000_000, perConversationPerSecond: 1_000_000, perConversationPer30Seconds: 1_000_000 });
    const messenger = new Messenger({ conversations, transport, log, limiter: unlimited });
    const batches = new BatchSender(new BatchStore(table(BATCH_TABLES.batches), table(BATCH_TABLES.deliveries)), messenger, log);
    const parts: StageParts = {
      config: loadConfig({ PORT: '0' }),
      table,
      directory: () => index,
      roles: new Roles(() => ({ taskforce, executives: pairs.map((p) => p.executiveId) })),
      messenger,
      batches,
      scheduler,
      events: new ScheduledProgramEvents(scheduler, clock),
      log,
      clock,
    };
    const stage = createYearStage(parts);

    progress(`writing ${PAIRS} pairs and ${people.length} conversations`);
    await new PairStore(table(PAIR_TABLE), table(PAIR_BY_PERSON_TABLE)).putAll(pairs);
    for (let i = 0; i < people.length; i += 16) {
      await Promise.all(people.slice(i, i + 16).map((p) => conversations.save({ personId: p.id, conversationId: `c-${p.id}`, serviceUrl: 'http://127.0.0.1:9/', reference: {} })));
    }

    progress('setting up the year');
    let started = performance.now();
    await stage.service.setUpCohort(COHORT);
    const setupMs = performance.now() - started;
    const year = (await stage.service.cohortYear(COHORT))!.year;
    const yearJobs = await listJobs(table('scheduledJobs'));
    // The due query with 100,000 jobs stored: the year's jobs as they are, plus jobs of other kinds, in a table of their
    // own (Azurite tests every row of a table on each query, so the year below runs on the year's jobs alone).
    progress(`${yearJobs.length} nudge jobs; the due query with ${STORED} stored`);
    const large = table('benchJobs100k');
    await large.createTable();
    const largeScheduler = new TableScheduler(large, clock, log);
    const filler: NewJob[] = Array.from({ length: Math.max(0, STORED - yearJobs.length) }, (_, i) => ({
      kind: 'bench.later',
      key: `other.${String(i).padStart(6, '0')}`,
      dueAt: new Date(Date.parse(year.endsOn) + 86_400_000 * (30 + (i % 300))),
      payload: {},
    }));
    const all = [...yearJobs, ...filler];
    for (let i = 0; i < all.length; i += 10_000) await largeScheduler.ensureMany(all.slice(i, i + 10_000));
    now = zonedInstant(year.startsOn, '12:00', TIME_ZONE);
    // Side by side in one run: the same query on the year's jobs alone, then with 100,000 stored.
    const dueQueryYearMs = await medianDueMs(new JobStore(table('scheduledJobs')), now);
    const dueQueryMs = await medianDueMs(new JobStore(large), now);

    progress('running the year, a day at a time');
    const before = { requests: counter.requests, operations: counter.operations };
    started = performance.now();
    let ran = 0;
    let days = 0;
    for (let day = year.startsOn; day <= addDays(year.endsOn, 10); day = addDays(day, 1)) {
      now = zonedInstant(day, '12:00', TIME_ZONE);
      const closes: string[] = [];
      for (let full = true; full;) {
        const pass = await scheduler.runDue(now);
        ran += pass.runs.filter((r) => r.outcome === 'done').length;
        for (const r of pass.runs) if (r.kind === 'year.quarter.close') closes.push(r.key);
        full = pass.full;
      }
      for (const key of closes) await batches.settled(key);
      if (++days % 30 === 0) progress(`${day}: ${ran} jobs run`);
    }
    const yearMs = performance.now() - started;
    const requests = counter.requests - before.requests;
    const operations = counter.operations - before.operations;
    const history = await countRows(table(YEAR_TABLES.nudges));

    const result = {
      pairs: PAIRS,
      setup_s: round(setupMs / 1000),
      year_jobs: yearJobs.length,
      stored_jobs: all.length,
      due_query_ms_year: round(dueQueryYearMs),
      due_query_ms_100k: round(dueQueryMs),
      due_query_ratio_100k_to_year: round(dueQueryMs / dueQueryYearMs),
      year_jobs_run: ran,
      year_s: round(yearMs / 1000),
      jobs_per_s: round(ran / (yearMs / 1000)),
      cards_sent: sends,
      nudge_history_rows: history,
      requests_per_job: round(requests / ran),
      entity_operations_per_job: round(operations / ran),
    };
    const rows: Array<[string, string]> = [
      ['pairs (people)', `${PAIRS} (${PAIRS * 2})`],
      ['set-up: plans and nudge jobs', `${result.setup_s} s, ${yearJobs.length} jobs`],
      ["due query, the year's jobs alone", `${result.due_query_ms_year} ms (median of 11)`],
      ['due query, 100,000 jobs stored', `${result.due_query_ms_100k} ms (median of 11), ${result.due_query_ratio_100k_to_year}x the year's alone`],
      ['a year of nudges, day by day', `${ran} jobs in ${result.year_s} s: ${result.jobs_per_s} jobs/s, ${sends} cards sent`],
      ['per job (nudge) run', `${result.requests_per_job} requests, ${result.entity_operations_per_job} entity operations`],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    for (const [label, value] of rows) process.stdout.write(`${label.padEnd(width)}  ${value}\n`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await azurite.stop();
  }
}

/** The median of 11 due queries (50 jobs at most, as the poll loop asks). */
async function medianDueMs(store: JobStore, now: Date): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 11; i++) {
    const t = performance.now();
    await store.due(now, 50);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[5] ?? 0;
}

/** The waiting jobs of a scheduler's table, as new jobs (to copy them into the 100,000-job table). */
async function listJobs(jobs: TableClient): Promise<NewJob[]> {
  const found: NewJob[] = [];
  const filter = "RowKey ge 'k|' and RowKey lt 'k}' and state eq 'waiting'";
  for await (const e of jobs.listEntities<{ kind: string; key: string; dueAt: string; payload: string }>({ queryOptions: { filter } })) {
    found.push({ kind: e.kind, key: e.key, dueAt: new Date(e.dueAt), payload: JSON.parse(e.payload) as NewJob['payload'] });
  }
  return found;
}

async function countRows(rows: TableClient): Promise<number> {
  let count = 0;
  for await (const _ of rows.listEntities({ queryOptions: { select: ['PartitionKey'] } })) count++;
  return count;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

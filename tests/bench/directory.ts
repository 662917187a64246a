/**
 * Directory benchmark: for generated orgs of 10,000 and 100,000 people served by the Graph double with Graph's page
 * size, the requests a full sync and an incremental sync with no changes take (through the real Graph client, sync and
 * Table storage on an in-memory Azurite), and the time to build the org index.
 * Prints a table, then one JSON line per size, the largest last.
 */
import { startAzurite } from '../../bot/storage/azurite';
import { generateOrg } from '../../bot/directory/sampleOrg';
import { OrgIndex } from '../../bot/directory/orgIndex';
import { GraphDouble, GRAPH_PAGE_SIZE } from '../directory/graphDouble';
import { graphSync, openStore, toDoubleUser } from '../directory/syncHarness';

const SIZES = [10_000, 100_000];
const BUILD_RUNS = 7;

interface Result {
  n: number;
  full_sync_requests: number;
  floor_requests: number;
  incremental_requests: number;
  index_build_ms: number;
  full_sync_ms: number;
  incremental_sync_ms: number;
  chain_queries_per_ms: number;
}

async function measure(n: number, connectionString: string): Promise<Result> {
  const org = generateOrg({ size: n, seed: 42 });
  const double = await new GraphDouble().start();
  try {
    double.seed(org.map(toDoubleUser));
    const { store } = await openStore(connectionString);
    const sync = graphSync(double, store, { checkpointEveryPages: 25 });

    let started = performance.now();
    await sync.syncNow();
    const fullSyncMs = performance.now() - started;
    const fullRequests = double.deltaRequests();

    started = performance.now();
    await sync.syncNow();
    const incrementalMs = performance.now() - started;
    const incrementalRequests = double.deltaRequests() - fullRequests;

    const builds: number[] = [];
    let index = OrgIndex.empty();
    for (let run = 0; run < BUILD_RUNS; run++) {
      const t = performance.now();
      index = OrgIndex.build(org);
      builds.push(performance.now() - t);
    }
    builds.sort((a, b) => a - b);

    const queries = 200_000;
    const t = performance.now();
    let inChain = 0;
    for (let q = 0; q < queries; q++) if (index.isInChainOfCommand(org[(q * 7919) % n].id, org[(q * 104729) % n].id)) inChain++;
    const queryMs = performance.now() - t;
    if (inChain < 0) throw new Error('unreachable');

    return {
      n,
      full_sync_requests: fullRequests,
      floor_requests: Math.ceil(n / GRAPH_PAGE_SIZE),
      incremental_requests: incrementalRequests,
      index_build_ms: round(builds[Math.floor(builds.length / 2)]),
      full_sync_ms: Math.round(fullSyncMs),
      incremental_sync_ms: Math.round(incrementalMs),
      chain_queries_per_ms: Math.round(queries / queryMs),
    };
  } finally {
    await double.close();
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

async function main(): Promise<void> {
  const azurite = await startAzurite({ inMemory: true });
  const results: Result[] = [];
  try {
    for (const n of SIZES) results.push(await measure(n, azurite.connectionString));
  } finally {
    await azurite.stop();
  }
  const header = ['people', 'full sync req', 'floor', 'incremental req', 'index build ms (median)', 'full sync ms', 'incremental ms', 'chain queries/ms'];
  const rows = results.map((r) =>
    [r.n, r.full_sync_requests, r.floor_requests, r.incremental_requests, r.index_build_ms, r.full_sync_ms, r.incremental_sync_ms, r.chain_queries_per_ms].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const r of results) console.log(JSON.stringify(r));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * A service instance in a process of its own, for the kill -9 test (bundled by esbuild, see childProcess.ts). It builds
 * the app as `bot/main.ts` does on the storage account named by its first argument, with a job kind whose handler records
 * its run in a table and then never ends; it prints `ready` once listening and `started <key>` when a run begins.
 */
import path from 'node:path';
import { createApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { TableSet } from '../../bot/storage/tables';
import { BLOCKING_KIND, recordRun, RUNS_TABLE } from './jobRuns';

async function main(): Promise<void> {
  const connectionString = process.argv[2];
  const projectRoot = path.resolve(__dirname, '..', '..'); // the bundle runs from dist/test-children
  const runs = (await TableSet.open(connectionString, [RUNS_TABLE])).client(RUNS_TABLE);
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent' });
  const app = await createApp({
    config,
    storageConnectionString: connectionString,
    log: createLogger('silent'),
    tabDir: path.join(projectRoot, 'dist', 'tab'),
    scheduler: { pollIntervalMs: 50 },
  });
  app.scheduler.register(BLOCKING_KIND, async (job) => {
    await recordRun(runs, job, 'child', 'started');
    process.stdout.write(`started ${job.key}\n`);
    await new Promise(() => undefined); // blocks until the process is killed
  });
  await app.listen(0);
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`child failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

import { createApp } from './app';
import { ConfigError, describeConfig, loadConfig, type AppConfig } from './config';
import { createLogger, type Logger } from './log';
import { quietHarmlessWarnings } from './processWarnings';
import { startAzurite, type EmbeddedAzurite } from './storage/azurite';

/**
 * How long a stop may take. App Service sends SIGTERM and kills the process after WEBSITES_CONTAINER_STOP_TIME_LIMIT
 * (set to 30 s in infra/main.bicep); this leaves room to spare.
 */
const SHUTDOWN_GRACE_MS = 20_000;

/**
 * Process entry: config -> storage (embedded Azurite unless a connection string is set) -> app -> listen.
 * With --reset-demo it puts the local demo cohort back as it was, then exits.
 */
async function main(): Promise<void> {
  quietHarmlessWarnings();
  const config = readConfig();
  const log = createLogger(config.logLevel);
  if (process.argv.includes('--reset-demo')) return resetDemo(config, log);

  log.info('starting Mentoring Up', { config: describeConfig(config) });
  if (config.mode === 'local') {
    log.warn('local mode: no BOT_ID is set, so Bot Framework authentication is off and the tab offers "sign in as". Never expose this service to a network.');
  }
  const storage = await openStorage(config, log);
  const app = await createApp({ config, storageConnectionString: storage.connectionString, log });
  const url = await app.listen(config.port);
  // The roles as the directory gave them (the People page's counts); the configuration lists only extra ids.
  const { roles } = app.directorySync.status();
  log.info('Mentoring Up is ready', { bot: `${url}/api/messages`, tab: `${url}/tab/`, playground: 'npm run playground', roles });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down: no new requests; finishing the requests and sends in flight', { signal, graceSeconds: SHUTDOWN_GRACE_MS / 1000 });
    const force = setTimeout(() => {
      log.error('still busy at the end of the shutdown grace period: stopping anyway; unfinished sends resume at the next start');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    await app.stop();
    await storage.azurite?.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

function readConfig(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function openStorage(config: AppConfig, log: Logger): Promise<{ connectionString?: string; azurite?: EmbeddedAzurite }> {
  // A configured account (connection string, or account URL with the managed identity) is opened by the app itself.
  if (config.storage.connectionString || config.storage.accountUrl) return {};
  const azurite = await startAzurite({ inMemory: false, dataDir: config.storage.dataDir });
  log.info('embedded Azurite started', { dataDir: config.storage.dataDir, port: azurite.port });
  return { connectionString: azurite.connectionString, azurite };
}

async function resetDemo(config: AppConfig, log: Logger): Promise<void> {
  if (config.mode !== 'local') throw new Error('The demo cohort exists only in local mode (no BOT_ID).');
  const running = await fetch(`http://127.0.0.1:${config.port}/healthz`).then(
    () => true,
    () => false,
  );
  if (running && !config.storage.connectionString && !config.storage.accountUrl) {
    throw new Error(`Mentoring Up is running on port ${config.port} with the same data. Stop it first, then run "npm run demo:reset" again.`);
  }
  const storage = await openStorage(config, log);
  try {
    const app = await createApp({ config, storageConnectionString: storage.connectionString, log });
    await app.resetDemo();
    await app.stop();
    log.info('the demo cohort is as new');
  } finally {
    await storage.azurite?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Mentoring Up: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

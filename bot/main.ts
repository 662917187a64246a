import { createApp } from './app';
import { ConfigError, describeConfig, loadConfig } from './config';
import { createLogger } from './log';
import { startAzurite, type EmbeddedAzurite } from './storage/azurite';

/** Process entry: config -> storage (embedded Azurite unless a connection string is set) -> app -> listen. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  log.info('starting Mentoring Up', { config: describeConfig(config) });
  if (config.mode === 'local') {
    log.warn('local mode: no BOT_ID is set, so Bot Framework authentication is off and the tab offers "sign in as". Never expose this service to a network.');
  }

  let azurite: EmbeddedAzurite | undefined;
  let connectionString = config.storage.connectionString;
  if (!connectionString) {
    azurite = await startAzurite({ inMemory: false, dataDir: config.storage.dataDir });
    connectionString = azurite.connectionString;
    log.info('embedded Azurite started', { dataDir: config.storage.dataDir, port: azurite.port });
  }

  const app = await createApp({ config, storageConnectionString: connectionString, log });
  const url = await app.listen(config.port);
  log.info('Mentoring Up is ready', { bot: `${url}/api/messages`, tab: `${url}/tab/`, playground: 'npm run playground' });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.stop();
    await azurite?.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Mentoring Up could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

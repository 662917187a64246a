import type { TokenCredential } from '@azure/identity';
import { createApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import type { Person } from '../../bot/directory/person';
import { createLogger, type LogSink } from '../../bot/log';
import type { SchedulerSettings } from '../../bot/scheduler/tableScheduler';
import { startAzurite, type EmbeddedAzurite } from '../../bot/storage/azurite';

export interface TestService {
  baseUrl: string;
  app: App;
  azurite: EmbeddedAzurite;
  logs: string[];
  stop(): Promise<void>;
}

export interface TestServiceOptions {
  /** Environment as the service would read it (local mode unless BOT_ID is given). */
  env?: Record<string, string>;
  /** Reuse a running Azurite (to restart the service on the same data); it is then left running on stop. */
  azurite?: EmbeddedAzurite;
  people?: readonly Person[];
  /** The clock of the whole service (a test moves it to make jobs due). */
  clock?: () => Date;
  /**
   * Whether the scheduler polls by itself, as in production. Off by default: tests run due jobs with
   * `app.scheduler.runDue()` when they choose, so nothing happens behind their back.
   */
  schedulerLoop?: boolean;
  scheduler?: Partial<SchedulerSettings>;
  /** Microsoft Graph's token (a Graph double's), for a service configured with GRAPH_* settings. */
  graphCredential?: TokenCredential;
}

/** The real service on port 0 with in-memory Azurite, as `npm start` builds it. */
export async function startTestService(options: TestServiceOptions = {}): Promise<TestService> {
  const azurite = options.azurite ?? (await startAzurite({ inMemory: true }));
  const logs: string[] = [];
  const sink: LogSink = { write: (_level, line) => void logs.push(line) };
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'info', ...options.env });
  let app: App;
  let baseUrl: string;
  try {
    app = await createApp({
      config,
      storageConnectionString: azurite.connectionString,
      log: createLogger('info', sink),
      people: options.people,
      graphCredential: options.graphCredential,
      clock: options.clock,
      scheduler: options.scheduler,
      schedulerLoop: options.schedulerLoop ?? false,
    });
    baseUrl = await app.listen(0);
  } catch (error) {
    if (!options.azurite) await azurite.stop();
    throw error;
  }
  return {
    baseUrl,
    app,
    azurite,
    logs,
    async stop() {
      await app.stop();
      if (!options.azurite) await azurite.stop();
    },
  };
}

import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import type { AppConfig } from './config';
import type { Directory, Person } from './directory/person';
import { OrgIndex } from './directory/orgIndex';
import { sampleOrg, sampleRoles } from './directory/sampleOrg';
import { findProjectRoot } from '../manifest/projectRoot';
import { FeatureRouter } from './conversation/featureRouter';
import { createHttpServer } from './http/httpServer';
import { DevIssuer } from './http/auth/devIssuer';
import { entraTokenRules } from './http/auth/entraKeys';
import { createTokenValidator } from './http/auth/tokenValidator';
import { sessionRoutes } from './http/sessionRoutes';
import type { Logger } from './log';
import { BatchSender } from './messaging/batchSender';
import { ConversationStore } from './messaging/conversationStore';
import { Messenger } from './messaging/messenger';
import { Roles } from './program/roles';
import { welcomeFeature } from './program/welcome/welcomeFeature';
import { TableSet } from './storage/tables';
import { activityProblem } from './teams/activityGate';
import { createAdapter } from './teams/adapter';
import { MentoringUpBot } from './teams/mentoringUpBot';
import { ProactiveTransport } from './teams/proactiveTransport';

/** Every table the service uses; created once at start. See docs/data-stores.md. */
export const TABLE_NAMES = ['conversations', 'sendBatches', 'sendDeliveries'] as const;

export interface AppOptions {
  config: AppConfig;
  /** Table storage account (Azure, or the Azurite that main.ts started). */
  storageConnectionString: string;
  log: Logger;
  /** Built tab files; defaults to dist/tab in the project. */
  tabDir?: string;
  /** The org, when not the sample org (tests). */
  people?: readonly Person[];
}

export interface App {
  server: Server;
  messenger: Messenger;
  batches: BatchSender;
  conversations: ConversationStore;
  directory(): Directory;
  /** Starts listening; returns the base URL. */
  listen(port: number): Promise<string>;
  /** Stops taking requests, lets sends in flight finish, and closes. */
  stop(): Promise<void>;
}

/** The composition root: the only place that knows every part. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, log } = options;
  const tables = await TableSet.open(options.storageConnectionString, TABLE_NAMES);

  const people = options.people ?? sampleOrg();
  const org = OrgIndex.build(people);
  const directory = () => org;
  const roles = new Roles(
    config.mode === 'local' && config.roles.taskforce.length === 0 && config.roles.executives.length === 0 ? sampleRoles(people) : config.roles,
  );

  const conversations = new ConversationStore(tables.client('conversations'));
  const adapter = createAdapter(config.bot, log);
  const messenger = new Messenger(conversations, new ProactiveTransport(adapter, config.bot.id ?? ''), log.child({ part: 'messenger' }));
  const batches = new BatchSender(tables.client('sendBatches'), tables.client('sendDeliveries'), messenger, log.child({ part: 'batches' }));

  let router: FeatureRouter | undefined;
  const commandList = () => router?.commandList() ?? [];
  router = new FeatureRouter([welcomeFeature(commandList)]);
  const bot = new MentoringUpBot(router, conversations, log.child({ part: 'bot' }));

  const devIssuer = config.mode === 'local' ? await DevIssuer.create(config.sso, config.publicUrl) : undefined;
  const validateToken = createTokenValidator(devIssuer ? devIssuer.rules : entraTokenRules(config.sso));

  const server = createHttpServer({
    processActivity: async (req, res) => {
      const problem = activityProblem(req.body);
      if (problem) {
        res.send(400, { error: { code: 'BadRequest', message: problem } });
        return;
      }
      await adapter.process(req, res, (context) => bot.run(context));
    },
    routes: [...sessionRoutes(config, directory, roles, devIssuer)],
    validateToken,
    roles,
    storageHealthy: () => tables.ping().then(
      () => true,
      () => false,
    ),
    tabDir: options.tabDir ?? path.join(findProjectRoot(__dirname), 'dist', 'tab'),
    log,
  });

  return {
    server,
    messenger,
    batches,
    conversations,
    directory,
    async listen(port) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '0.0.0.0', () => resolve());
      });
      const address = server.address() as AddressInfo;
      await batches.resumeAll();
      return `http://localhost:${address.port}`;
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await batches.stop();
    },
  };
}

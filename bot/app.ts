import type { TokenCredential } from '@azure/identity';
import path from 'node:path';
import type { Server } from 'restify';
import type { AppConfig } from './config';
import { createDirectory } from './directory/createDirectory';
import { createGraphCalendar } from './directory/graph/graphCalendar';
import type { Calendar } from './calendar/calendar';
import { appCredential, createGraphClient, GRAPH_SCOPE } from './directory/graph/graphClient';
import { GraphAppInstaller } from './directory/graph/graphAppInstaller';
import { directoryRoutes } from './directory/directoryRoutes';
import type { DirectorySync } from './directory/directorySync';
import type { OrgIndex } from './directory/orgIndex';
import type { Person } from './directory/person';
import { scheduleDirectorySyncs } from './directory/directorySchedule';
import { DIRECTORY_TABLES } from './directory/snapshotStore';
import { findProjectRoot } from './projectRoot';
import type { Actor } from './conversation/feature';
import { FeatureRouter } from './conversation/featureRouter';
import { createHttpServer } from './http/httpServer';
import { DevIssuer } from './http/auth/devIssuer';
import { entraTokenRules } from './http/auth/entraKeys';
import { createTokenValidator } from './http/auth/tokenValidator';
import { sessionRoutes } from './directory/sessionRoutes';
import type { Logger } from './log';
import { BatchSender } from './messaging/batchSender';
import { BATCH_TABLES, BatchStore } from './messaging/batchStore';
import { ConversationStore } from './messaging/conversationStore';
import { KeptCardStore } from './messaging/keptCardStore';
import { Messenger } from './messaging/messenger';
import type { ProgramStage, StageDefinition, StageParts } from './program/programStage';
import { ScheduledProgramEvents } from './program/programEvents';
import { Roles } from './program/roles';
import { resetDemo } from './program/demo/demoData';
import { intakeStage } from './program/pipeline/intakeStage';
import { handbookStage } from './program/handbook/handbookStage';
import { matchingStage } from './program/matching/matchingStage';
import { surveyStage } from './program/surveys/surveyStage';
import { eosStage } from './program/eos/eosStage';
import { learningStage } from './program/learnings/learningStage';
import { outcomesStage } from './program/outcomes/stage/outcomesStage';
import { yearStage } from './program/year/stage/yearStage';
import { cohortYearRules } from './program/year/cohortYearRules';
import type { CohortAttendance } from './program/year/stage/yearAttendance';
import { acknowledgedVersions, orientationStage } from './program/orientation/orientationStage';
import { iceBreakerAnswers, iceBreakerStage } from './program/icebreaker/iceBreakerStage';
import { welcomeFeature } from './program/welcome/welcomeFeature';
import { storageTarget } from './storage/azureCredential';
import { SCHEDULER_TABLE } from './scheduler/jobStore';
import { schedulerRoutes } from './scheduler/schedulerRoutes';
import { TableScheduler, type SchedulerSettings } from './scheduler/tableScheduler';
import { TableSet } from './storage/tables';
import { answerActivity } from './teams/activityEndpoint';
import { createAdapter } from './teams/adapter';
import { MentoringUpBot } from './teams/mentoringUpBot';
import { ProactiveTransport } from './teams/proactiveTransport';

/**
 * The orientations and the ice breaker as the taskforce's year view shows them. Those stages import the year's rules,
 * so the year reads them through these functions, wired here, rather than importing them (folders stay one-way).
 */
function cohortAttendance(parts: StageParts): CohortAttendance {
  return { orientationVersions: acknowledgedVersions(parts), iceBreaker: iceBreakerAnswers(parts) };
}

/** The program's stages, in the order of the program. Each brings its own tables, bot verbs and tab routes. */
const STAGES: readonly StageDefinition[] = [
  intakeStage(cohortYearRules),
  matchingStage,
  orientationStage,
  iceBreakerStage,
  yearStage(cohortAttendance),
  surveyStage,
  eosStage,
  learningStage,
  outcomesStage,
  handbookStage,
];

/** Every table the service uses; created once at start. See docs/data-stores.md. */
export const TABLE_NAMES: readonly string[] = [
  'conversations',
  'keptCards',
  BATCH_TABLES.batches,
  BATCH_TABLES.deliveries,
  DIRECTORY_TABLES.people,
  DIRECTORY_TABLES.sync,
  SCHEDULER_TABLE,
  ...STAGES.flatMap((stage) => stage.tables),
];

export interface AppOptions {
  config: AppConfig;
  /** The Azurite main.ts or a test started; unset: the account the configuration names (a connection string, or STORAGE_ACCOUNT_URL with the service's managed identity). */
  storageConnectionString?: string;
  log: Logger;
  /** Built tab files; defaults to dist/tab in the project. */
  tabDir?: string;
  /** The org, when not the sample org (tests). */
  people?: readonly Person[];
  /** The token for Microsoft Graph when not the configured app identity (tests: a Graph double's token). */
  graphCredential?: TokenCredential;
  /** The clock every part reads (tests move it); the system clock by default. */
  clock?: () => Date;
  /** Scheduler settings other than the defaults (tests). */
  scheduler?: Partial<SchedulerSettings>;
  /** Whether `listen` starts the scheduler's poll loop (default true; tests that drive `scheduler.runDue` turn it off). */
  schedulerLoop?: boolean;
}

export interface App {
  server: Server;
  messenger: Messenger;
  batches: BatchSender;
  conversations: ConversationStore;
  directory(): OrgIndex;
  directorySync: DirectorySync;
  scheduler: TableScheduler;
  /** Durable events between stages (see bot/program/programEvents.ts). */
  events: ScheduledProgramEvents;
  /** Microsoft Graph calendars; undefined when Graph is not configured. */
  calendar: Calendar | undefined;
  /** Starts listening; returns the base URL. */
  listen(port: number): Promise<string>;
  /** Stops taking requests and the scheduler, lets jobs and sends in flight finish, and closes. */
  stop(): Promise<void>;
  /** Local mode: puts the demo cohort back as it was (`npm run demo:reset`). */
  resetDemo(): Promise<void>;
}

/** The composition root: the only place that knows every part. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, log } = options;
  const tables = await TableSet.open(storageTarget(config, options.storageConnectionString), TABLE_NAMES);
  const clock = options.clock ?? (() => new Date());
  const scheduler = new TableScheduler(tables.client(SCHEDULER_TABLE), clock, log.child({ part: 'scheduler' }), options.scheduler);

  const graphCredential = config.graph ? (options.graphCredential ?? appCredential(config.graph)) : undefined;
  const directorySync = createDirectory(config, { people: tables.client(DIRECTORY_TABLES.people), sync: tables.client(DIRECTORY_TABLES.sync) }, log, {
    people: options.people,
    graphCredential,
  });
  await directorySync.start();
  await scheduleDirectorySyncs(scheduler, directorySync, config.graph?.syncIntervalMinutes, clock);
  // One instance runs each sync; the others pick up its snapshot at their next poll.
  scheduler.onEveryPoll('directory refresh', () => directorySync.refreshIfSyncedElsewhere());
  const directory = () => directorySync.index();
  const roles = new Roles(() => directorySync.roles());

  const conversations = new ConversationStore(tables.client('conversations'));
  const adapter = createAdapter(config.bot, log);
  const installer =
    config.graph?.teamsAppCatalogId && graphCredential
      ? new GraphAppInstaller(createGraphClient({ baseUrl: config.graph.baseUrl, credential: graphCredential }), config.graph.baseUrl, config.graph.teamsAppCatalogId)
      : undefined;
  const messenger = new Messenger({
    conversations,
    kept: new KeptCardStore(tables.client('keptCards')),
    installer,
    transport: new ProactiveTransport(adapter, config.bot.id ?? ''),
    log: log.child({ part: 'messenger' }),
  });
  const batches = new BatchSender(new BatchStore(tables.client(BATCH_TABLES.batches), tables.client(BATCH_TABLES.deliveries)), messenger, log.child({ part: 'batches' }));

  const events = new ScheduledProgramEvents(scheduler, clock);
  const calendar = config.graph && graphCredential ? createGraphCalendar(config.graph.baseUrl, graphCredential) : undefined;
  const parts: StageParts = {
    config,
    table: (name) => tables.client(name),
    directory,
    roles,
    messenger,
    batches,
    scheduler,
    events,
    ...(calendar ? { calendar } : {}),
    log,
    clock,
  };
  const stages: ProgramStage[] = [];
  for (const definition of STAGES) stages.push(await definition.create(parts));

  // The welcome feature lists every command, the router's own included; it asks the router only when a person writes.
  const commandList = (actor: Actor) => router.commandList(actor);
  const welcomeActions = (actor: Actor) => router.welcomeActions(actor);
  const router: FeatureRouter = new FeatureRouter([welcomeFeature(commandList, welcomeActions), ...stages.flatMap((stage) => (stage.feature ? [stage.feature] : []))]);
  const bot = new MentoringUpBot(
    router,
    conversations,
    log.child({ part: 'bot' }),
    (id) => directory().getPerson(id)?.name,
    (id) => messenger.deliverKept(id),
  );

  const devIssuer = config.mode === 'local' ? await DevIssuer.create(config.sso, config.publicUrl) : undefined;
  const validateToken = createTokenValidator(devIssuer ? devIssuer.rules : entraTokenRules(config.sso));

  let stopping = false;
  const server = createHttpServer({
    processActivity: async (req, res) => {
      const answer = await answerActivity(adapter, req.header('authorization') ?? '', req.body, (context) => bot.run(context), log.child({ part: 'bot' }));
      if (answer.body === undefined) res.send(answer.status);
      else res.send(answer.status, answer.body);
    },
    routes: [
      ...sessionRoutes(config, directory, roles, devIssuer),
      ...directoryRoutes(directorySync),
      ...schedulerRoutes(scheduler),
      ...stages.flatMap((stage) => stage.routes ?? []),
    ],
    validateToken,
    roles,
    readiness: {
      storage: () => tables.ping().then(() => true),
      ...(graphCredential ? { graph: () => graphCredential.getToken(GRAPH_SCOPE).then((token) => Boolean(token?.token)) } : {}),
    },
    stopping: () => stopping,
    tabDir: options.tabDir ?? path.join(findProjectRoot(__dirname), 'dist', 'tab'),
    serveSourceMaps: config.mode === 'local',
    log,
  });

  return {
    server,
    messenger,
    batches,
    conversations,
    directory,
    directorySync,
    scheduler,
    events,
    calendar,
    async listen(port) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, config.host, () => resolve());
      });
      const address = server.address();
      await batches.resumeAll();
      for (const stage of stages) await stage.start?.();
      if (options.schedulerLoop ?? true) scheduler.start();
      return `http://localhost:${address.port}`;
    },
    resetDemo: () => resetDemo(parts),
    async stop() {
      stopping = true;
      await closeServer(server);
      await scheduler.stop(); // its handlers may still send through the batches and the messenger
      await Promise.all([batches.stop(), directorySync.stop(), ...stages.map((stage) => stage.stop?.())]);
    },
  };
}

/**
 * Stops accepting connections and waits for the requests in flight. A keep-alive connection would hold the server open
 * until its client hangs up, so connections are closed as soon as they fall idle.
 */
async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => {
    server.close(() => resolve());
  });
  const idleSweep = setInterval(() => {
    server.server.closeIdleConnections();
  }, 200);
  idleSweep.unref();
  try {
    await closed;
  } finally {
    clearInterval(idleSweep);
  }
}

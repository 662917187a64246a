import { TableClient } from '@azure/data-tables';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import type { Person } from '../../bot/directory/person';
import { APPROVAL_JOB_KINDS, approvalJobKey } from '../../bot/program/applications/approvalJobs';
import type { JobRun } from '../../bot/scheduler/jobRunner';
import { intakeContext, type IntakeContext } from '../../bot/program/intake/intakeContext';
import type { StageParts } from '../../bot/program/programStage';
import { Roles } from '../../bot/program/roles';
import { cardProblems } from '../support/cardChecks';
import { ConnectorDouble } from '../support/connectorDouble';
import { startTestService, type TestService, type TestServiceOptions } from '../support/service';
import { cardAction, installationUpdate, message, personalConversationId, post, type Someone } from '../support/teamsActivities';
import { tokenFor } from '../support/devApi';
import { ShiftedClock } from '../support/testClock';

/**
 * One real service (in-memory Azurite, sample org) and a Bot Connector double, with the helpers the intake tests share:
 * chat as a person, click a card button, call the tab API as a person, and read the intake's tables directly.
 */
export type Card = Record<string, unknown>;

export interface InvokeAnswer {
  status: number;
  card?: Card;
  error?: { code: string; message: string };
}

export class IntakeHarness {
  private tokens = new Map<string, string>();

  private restarted = false;

  private constructor(
    private current: TestService,
    readonly connector: ConnectorDouble,
    /** The service's clock: real time until a test moves it. */
    readonly clock: ShiftedClock,
    private readonly people?: readonly Person[],
    private readonly options: Pick<TestServiceOptions, 'env' | 'graphCredential'> = {},
  ) {}

  get service(): TestService {
    return this.current;
  }

  /** `people`: the org, when not the sample org. */
  static async start(connector = new ConnectorDouble(), people?: readonly Person[], options: Pick<TestServiceOptions, 'env' | 'graphCredential'> = {}): Promise<IntakeHarness> {
    await connector.start();
    const clock = new ShiftedClock();
    const service = await startTestService({ clock: clock.now, people, ...options });
    return new IntakeHarness(service, connector, clock, people, options);
  }

  /** Stops the service and starts a new one on the same storage and clock, as a deploy or a crash-and-restart would. */
  async restart(): Promise<void> {
    const azurite = this.current.azurite;
    await this.current.app.stop();
    this.current = await startTestService({ clock: this.clock.now, people: this.people, azurite, ...this.options });
    this.restarted = true;
    this.tokens.clear(); // each start signs with new keys
  }

  async stop(): Promise<void> {
    const azurite = this.current.azurite;
    await this.current.stop();
    if (this.restarted) await azurite.stop();
    await this.connector.stop();
  }

  get baseUrl(): string {
    return this.service.baseUrl;
  }

  person(id: string): Person {
    const person = this.service.app.directory().getPerson(id);
    if (!person) throw new Error(`no person ${id}`);
    return person;
  }

  /** The person installs the app, so the bot can reach them. */
  async install(person: Someone): Promise<void> {
    const response = await post(this.baseUrl, installationUpdate(this.connector.url, person));
    if (response.status !== 200) throw new Error(`install failed: ${response.status}`);
  }

  /** Sends a chat message and returns the cards the bot answered with (every one checked). */
  async say(person: Someone, text: string): Promise<Card[]> {
    const before = this.connector.cardsIn(personalConversationId(person)).length;
    const response = await post(this.baseUrl, message(this.connector.url, person, text));
    if (response.status !== 200) throw new Error(`message failed: ${response.status}`);
    const cards = this.connector.cardsIn(personalConversationId(person)).slice(before);
    for (const card of cards) expectValidCard(card);
    return cards;
  }

  /** Clicks an Action.Execute button; a card answer is checked. */
  async click(person: Someone, verb: string, data: Record<string, unknown> = {}): Promise<InvokeAnswer> {
    const response = await post(this.baseUrl, cardAction(this.connector.url, person, verb, data));
    const body = response.body as { statusCode: number; type: string; value: Record<string, unknown> };
    if (body.type === 'application/vnd.microsoft.card.adaptive') {
      expectValidCard(body.value);
      return { status: body.statusCode, card: body.value };
    }
    return { status: body.statusCode, error: body.value as { code: string; message: string } };
  }

  /** Cards a person received proactively or in replies, in order. */
  cardsOf(person: Someone): Card[] {
    return this.connector.cardsIn(personalConversationId(person));
  }

  async token(personId: string): Promise<string> {
    const known = this.tokens.get(personId);
    if (known) return known;
    const token = await tokenFor(this.baseUrl, personId);
    this.tokens.set(personId, token);
    return token;
  }

  /** Calls the tab API as a person (or with no token when `as` is undefined); `ifMatch` is the version the change is to. */
  async api(
    method: string,
    path: string,
    as: string | undefined,
    body?: unknown,
    { ifMatch }: { ifMatch?: string } = {},
  ): Promise<{ status: number; body: any; text: string; contentType: string | null }> {
    const headers: Record<string, string> = {};
    if (as) headers.authorization = `Bearer ${await this.token(as)}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (ifMatch !== undefined) headers['if-match'] = ifMatch;
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, text, contentType: response.headers.get('content-type') };
  }

  /**
   * The intake's stores over the service's own tables, with a clock of the test's choosing (for the reminder schedule).
   * Built from the same modules the service uses.
   */
  context(clock: () => Date = () => new Date()): IntakeContext {
    return intakeContext(this.parts(clock));
  }

  /** Stage parts over the service's own tables, scheduler, batches and directory, with a clock of the test's choosing. */
  parts(clock: () => Date = () => new Date()): StageParts {
    const connection = this.service.azurite.connectionString;
    const app = this.service.app;
    return {
      config: loadConfig({ PORT: '0' }),
      table: (name) => TableClient.fromConnectionString(connection, name, { allowInsecureConnection: true }),
      directory: () => app.directory(),
      roles: new Roles(() => app.directorySync.roles()),
      messenger: app.messenger,
      batches: app.batches,
      scheduler: app.scheduler,
      events: app.events,
      log: createLogger('silent'),
      clock,
    };
  }

  /**
   * Moves the service's clock to `at` and runs the jobs due then, as the scheduler's poll loop would. Returns how many
   * follow-ups of one nomination ran: its reminder and its escalation to the taskforce.
   */
  /**
   * Each route answers 401 without a token and 403 to `outsider`, who is signed in but lacks the role. A body is sent
   * to every route but GET, and an If-Match, so that neither check is what refuses.
   */
  async expectRefusedWithoutRole(routes: readonly [method: string, path: string][], outsider: string): Promise<void> {
    for (const [method, path] of routes) {
      const body = method === 'get' ? undefined : {};
      expect([path, (await this.api(method, path, undefined, body, { ifMatch: 'x' })).status]).toEqual([path, 401]);
      expect([path, (await this.api(method, path, outsider, body, { ifMatch: 'x' })).status]).toEqual([path, 403]);
    }
  }

  async followUpsAt(at: Date, nomination: { cohortId: string; personId: string }): Promise<{ reminded: number; flagged: number }> {
    this.clock.set(at);
    const runs: JobRun[] = [];
    for (let full = true; full;) {
      const pass = await this.service.app.scheduler.runDue();
      runs.push(...pass.runs);
      full = pass.full;
    }
    const key = approvalJobKey(nomination);
    const ran = (kind: string) => runs.filter((run) => run.kind === kind && run.key === key && run.outcome !== 'taken').length;
    return { reminded: ran(APPROVAL_JOB_KINDS.reminder), flagged: ran(APPROVAL_JOB_KINDS.escalation) };
  }
}

export function expectValidCard(card: unknown): void {
  const problems = cardProblems(card);
  if (problems.length > 0) throw new Error(`card problems: ${problems.join('; ')}\n${JSON.stringify(card).slice(0, 2000)}`);
}

export function textOf(card: unknown): string {
  return JSON.stringify(card);
}

/** Every input id a card holds. */
export function inputIds(card: Card): string[] {
  const ids: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.type === 'string' && record.type.startsWith('Input.') && typeof record.id === 'string') ids.push(record.id);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return ids;
}

/**
 * People of the sample org for a test: front-line staff (no reports) with an enabled manager, none of them personas, each
 * with a different manager (so one test's manager never receives another test's cards). `skip` moves along the list.
 */
export function frontLiners(harness: IntakeHarness, count: number, skip = 0): Person[] {
  const directory = harness.service.app.directory();
  const managers = new Set<string>();
  const people: Person[] = [];
  for (const p of directory.all()) {
    const manager = directory.managerOf(p.id);
    if (!p.accountEnabled || directory.hasDirectReports(p.id) || !manager?.accountEnabled || p.id.startsWith('5a1e0000') || manager.id.startsWith('5a1e0000')) continue;
    if (managers.has(manager.id)) continue;
    managers.add(manager.id);
    people.push(p);
  }
  return people.slice(20 + skip, 20 + skip + count);
}

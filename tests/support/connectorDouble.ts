import type http from 'node:http';
import { listenOnLoopback, type LoopbackServer } from './loopback';

/**
 * A loopback stand-in for the Bot Framework Connector (the service Teams replies go to), speaking its REST API:
 * POST /v3/conversations/{id}/activities[/{replyToId}] and PUT /v3/conversations/{id}/activities/{activityId}.
 * It enforces Teams' send limits with 429 + Retry-After, can throttle on purpose, and records what arrived.
 */
export interface ReceivedActivity {
  method: 'POST' | 'PUT';
  conversationId: string;
  activityId: string;
  activity: Record<string, unknown>;
}

export interface ConnectorDoubleOptions {
  /** Answer every Nth request with 429 whatever the limits say (0 = never). */
  throttleEvery?: number;
  /** Seconds sent in Retry-After. */
  retryAfterSeconds?: number;
  /** Conversations the bot was removed from: answered 403. */
  blockedConversations?: Set<string>;
  /** Conversations whose sends fail with 400 (Teams refusing the activity: nobody retries it). */
  brokenConversations?: Set<string>;
  /** Per-request delay, to keep sends in flight for a while. */
  delayMs?: number;
  /** Every answer waits until this settles: keeps the bot's turn in flight for as long as a test needs. */
  holdAnswers?: Promise<void>;
  limits?: { perConversationPerSecond: number; perConversationPer30Seconds: number; perAppPerSecond: number };
}

export class ConnectorDouble {
  readonly received: ReceivedActivity[] = [];
  /** Every request, including the ones answered 429. */
  requests = 0;
  throttled = 0;
  limitViolations = 0;
  private server?: LoopbackServer;
  private nextId = 1;
  private readonly appTimes: number[] = [];
  private readonly conversationTimes = new Map<string, number[]>();

  constructor(readonly options: ConnectorDoubleOptions = {}) {}

  get url(): string {
    if (!this.server) throw new Error('connector double is not started');
    return `http://127.0.0.1:${this.server.port}/`;
  }

  async start(): Promise<this> {
    this.server = await listenOnLoopback((req, res) => void this.handle(req, res));
    return this;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }

  /** Cards (Adaptive Card contents) sent to a conversation, in order. */
  cardsIn(conversationId: string): Record<string, unknown>[] {
    return this.received
      .filter((r) => r.conversationId === conversationId)
      .flatMap((r) => (r.activity.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined) ?? [])
      .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((a) => a.content);
  }

  textsIn(conversationId: string): string[] {
    return this.received.filter((r) => r.conversationId === conversationId && typeof r.activity.text === 'string').map((r) => r.activity.text as string);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    this.requests++;
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    if (!match || (req.method !== 'POST' && req.method !== 'PUT')) return this.reply(res, 404, { error: { code: 'NotFound', message: 'no such route' } });
    const conversationId = decodeURIComponent(match[1]);
    if (this.options.delayMs) await new Promise((resolve) => setTimeout(resolve, this.options.delayMs));
    if (this.options.holdAnswers) await this.options.holdAnswers;
    if (this.options.blockedConversations?.has(conversationId)) {
      return this.reply(res, 403, { error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' } });
    }
    if (this.options.brokenConversations?.has(conversationId)) {
      return this.reply(res, 400, { error: { code: 'BadArgument', message: 'The activity could not be delivered.' } });
    }
    if (this.overLimit(conversationId) || (this.options.throttleEvery && this.requests % this.options.throttleEvery === 0)) {
      this.throttled++;
      res.setHeader('Retry-After', String(this.options.retryAfterSeconds ?? 1));
      return this.reply(res, 429, { error: { code: 'TooManyRequests', message: 'Too many requests.' } });
    }
    const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    const activityId = req.method === 'PUT' ? decodeURIComponent(match[2] ?? '') : `activity-${this.nextId++}`;
    this.received.push({ method: req.method, conversationId, activityId, activity });
    this.reply(res, req.method === 'PUT' ? 200 : 201, { id: activityId });
  }

  /** Teams' limits: 7/s and 60/30 s per conversation, 50/s per app. Counts only accepted sends. */
  private overLimit(conversationId: string): boolean {
    const limits = this.options.limits ?? { perConversationPerSecond: 7, perConversationPer30Seconds: 60, perAppPerSecond: 50 };
    const now = Date.now();
    const times = this.conversationTimes.get(conversationId) ?? [];
    const inLast = (list: number[], ms: number) => list.filter((t) => t > now - ms).length;
    if (
      inLast(times, 1000) >= limits.perConversationPerSecond ||
      inLast(times, 30_000) >= limits.perConversationPer30Seconds ||
      inLast(this.appTimes, 1000) >= limits.perAppPerSecond
    ) {
      this.limitViolations++;
      return true;
    }
    times.push(now);
    this.appTimes.push(now);
    while (this.appTimes.length > 0 && this.appTimes[0] <= now - 1000) this.appTimes.shift();
    this.conversationTimes.set(
      conversationId,
      times.filter((t) => t > now - 30_000),
    );
    return false;
  }

  private reply(res: http.ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}

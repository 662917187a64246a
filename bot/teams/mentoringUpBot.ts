import { CardFactory, MessageFactory, TeamsActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext } from 'botbuilder';
import type { Actor, CardActionResult, ChatReply } from '../conversation/feature';
import type { FeatureRouter } from '../conversation/featureRouter';
import { AppError, INTERNAL_ERROR_MESSAGE, toErrorBody } from '../errors';
import type { Logger } from '../log';
import type { ConversationStore } from '../messaging/conversationStore';
import { actorOf, personalConversationOf, plainText } from './activityParts';

const UNKNOWN_SENDER = 'Mentoring Up could not tell who you are. Please open it from Microsoft Teams with your work account.';

/** Turns Teams activities into feature calls: messages into commands, Action.Execute into verbs. */
export class MentoringUpBot extends TeamsActivityHandler {
  constructor(
    private readonly router: FeatureRouter,
    private readonly conversations: ConversationStore,
    private readonly log: Logger,
    private readonly directoryName: (id: string) => string | undefined,
    /** Delivers the cards kept for someone who could not be reached, now that they opened the chat. */
    private readonly deliverKept: (personId: string) => Promise<unknown>,
  ) {
    super();
    this.onMessage(async (context, next) => {
      const actor = await this.remember(context);
      if (!actor) await context.sendActivity(UNKNOWN_SENDER);
      else await this.send(context, await this.router.onText(actor, plainText(context)));
      await this.deliverKeptQuietly(actor);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient?.id);
      const actor = await this.remember(context);
      if (botAdded && actor) await this.send(context, await this.router.greet(actor));
      await this.deliverKeptQuietly(actor);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.deliverKeptQuietly(await this.remember(context));
      await next();
    });
  }

  /** A kept card that cannot go out now waits for the next visit; it never fails the person's own turn. */
  private async deliverKeptQuietly(actor: Actor | undefined): Promise<void> {
    if (!actor) return;
    try {
      await this.deliverKept(actor.id);
    } catch (error) {
      this.log.warn('could not deliver the cards kept for a person', { personId: actor.id, error });
    }
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invoke: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const verb = invoke.action?.verb;
    const data = invoke.action?.data;
    // Everything that can fail, storing the conversation included, answers the card with an error response: an invoke
    // whose handler throws would reach Teams as a bare 501.
    try {
      const actor = await this.remember(context);
      if (!actor) return errorResponse(401, 'Unauthorized', UNKNOWN_SENDER);
      if (typeof verb !== 'string' || verb.length === 0) return errorResponse(400, 'BadRequest', 'This card action is missing its verb.');
      const result = await this.router.onVerb(actor, verb, isRecord(data) ? data : {});
      return successResponse(result);
    } catch (error) {
      if (!(error instanceof AppError)) this.log.error('card action failed', { verb, error });
      else this.log.info('card action refused', { verb, code: error.code, detail: error.detail });
      const { status, body } = toErrorBody(error);
      return errorResponse(status, body.error.code, body.error.message);
    }
  }

  /** Keeps the personal conversation reference of whoever writes or installs, so they can be reached later. */
  private async remember(context: TurnContext): Promise<Actor | undefined> {
    const actor = actorOf(context.activity, this.directoryName);
    if (!actor) return undefined;
    const conversation = personalConversationOf(context.activity, actor);
    if (conversation) await this.conversations.save(conversation);
    return actor;
  }

  private async send(context: TurnContext, reply: ChatReply): Promise<void> {
    if (reply.text) await context.sendActivity(reply.text);
    for (const card of reply.cards ?? []) {
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card.card), undefined, undefined, undefined));
    }
  }
}

function successResponse(result: CardActionResult): AdaptiveCardInvokeResponse {
  if ('card' in result) return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card };
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.message as unknown as Record<string, unknown> };
}

function errorResponse(statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse {
  return { statusCode, type: 'application/vnd.microsoft.error', value: { code, message: message || INTERNAL_ERROR_MESSAGE } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

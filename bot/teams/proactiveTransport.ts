import { CardFactory, MessageFactory, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { StoredConversation } from '../messaging/conversationStore';
import { TransportError, type DeliveryTransport, type OutgoingCard } from '../messaging/messenger';

/** Sends and updates cards in a stored conversation through the Bot Framework connector. */
export class ProactiveTransport implements DeliveryTransport {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  async send(conversation: StoredConversation, message: OutgoingCard): Promise<{ activityId: string }> {
    let activityId = '';
    await this.continue(conversation, async (context) => {
      const response = await context.sendActivity(cardActivity(message));
      activityId = response?.id ?? '';
    });
    return { activityId };
  }

  async update(conversation: StoredConversation, activityId: string, message: OutgoingCard): Promise<void> {
    await this.continue(conversation, async (context) => {
      await context.updateActivity({ ...cardActivity(message), id: activityId });
    });
  }

  /**
   * Runs the send in the stored conversation. The adapter hands errors inside the turn to its onTurnError instead of
   * throwing them, so the error is caught in the turn and thrown from here, where the messenger can retry or report it.
   */
  private async continue(conversation: StoredConversation, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, conversation.reference, async (context) => {
        try {
          await logic(context);
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure = error;
    }
    if (failure !== undefined) throw toTransportError(failure);
  }
}

function cardActivity(message: OutgoingCard) {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
  activity.summary = message.summary;
  return activity;
}

/** The connector's RestError carries the HTTP status and headers; keep what the retry logic needs. */
function toTransportError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const e = error as { statusCode?: number; response?: { status?: number; headers?: { get?(name: string): string | undefined } }; message?: string };
  const status = e.statusCode ?? e.response?.status;
  if (typeof status !== 'number') return error;
  const retryAfter = e.response?.headers?.get?.('retry-after');
  const seconds = retryAfter !== undefined ? Number(retryAfter) : NaN;
  return new TransportError(status, Number.isFinite(seconds) ? Math.max(0, seconds * 1000) : undefined, e.message);
}

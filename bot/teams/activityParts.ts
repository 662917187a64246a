import { TurnContext, type Activity } from 'botbuilder';
import type { Actor } from '../conversation/feature';
import type { StoredConversation } from '../messaging/conversationStore';

/**
 * Who sent the activity, from the activity itself; undefined when Teams gave no Entra object id. Teams often leaves the
 * name out (installs, the Agents Playground), so the directory's name is preferred.
 */
export function actorOf(activity: Activity, directoryName: (id: string) => string | undefined): Actor | undefined {
  const id = activity.from?.aadObjectId;
  if (!id) return undefined;
  const tenantId = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return { id, name: directoryName(id) ?? activity.from.name ?? 'there', tenantId };
}

/** The personal conversation to keep for proactive messages, or undefined for channel and group conversations. */
export function personalConversationOf(activity: Activity, actor: Actor): Omit<StoredConversation, 'updatedAt'> | undefined {
  const type = activity.conversation?.conversationType;
  if (type && type !== 'personal') return undefined;
  const reference = TurnContext.getConversationReference(activity);
  return {
    personId: actor.id,
    tenantId: actor.tenantId,
    name: actor.name,
    conversationId: activity.conversation.id,
    serviceUrl: activity.serviceUrl,
    reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
  };
}

/** Text of a message without the bot's @mention (channels prefix it). */
export function plainText(context: TurnContext): string {
  return TurnContext.removeRecipientMention(context.activity)?.trim() ?? context.activity.text?.trim() ?? '';
}

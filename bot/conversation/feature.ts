import type { OutgoingCard } from '../messaging/messenger';

/**
 * What a program stage contributes to the bot, free of any SDK: chat commands and card verbs. The Teams layer turns
 * activities into these calls and the answers back into activities.
 */
export interface Actor {
  /** Entra object id, from the activity (never from card data). */
  id: string;
  name: string;
  tenantId?: string;
}

/** An answer in chat: cards and/or text, sent as one or more messages. */
export interface ChatReply {
  text?: string;
  cards?: OutgoingCard[];
}

/** The answer to an Action.Execute: the card that replaces the one clicked, or a short message. */
export type CardActionResult = { card: Record<string, unknown> } | { message: string };

export interface Command {
  /** Shown in the help card. */
  description: string;
  /** Whether the help card lists it for this person (default: everyone); anyone may still type it. */
  listedFor?(actor: Actor): boolean;
  handle(actor: Actor, args: string): Promise<ChatReply>;
}

export type VerbHandler = (actor: Actor, data: Readonly<Record<string, unknown>>) => Promise<CardActionResult>;

/** A button a stage offers on the welcome card, for what the person can do now (e.g. "Nominate myself"). */
export interface WelcomeAction {
  title: string;
  verb: string;
  data?: Record<string, unknown>;
}

export interface BotFeature {
  commands?: Readonly<Record<string, Command>>;
  verbs?: Readonly<Record<string, VerbHandler>>;
  /** Answer to a message that names no command, or to installing the app (only one feature provides it). */
  greeting?(actor: Actor, actions: readonly WelcomeAction[]): Promise<ChatReply>;
  /** Buttons this stage adds to the welcome card for this person, now. */
  welcomeActions?(actor: Actor): Promise<WelcomeAction[]>;
}

import { AppError } from '../errors';
import type { Actor, BotFeature, CardActionResult, ChatReply, Command, VerbHandler, WelcomeAction } from './feature';

/**
 * Dispatches chat commands and card verbs to the stage that owns them, through plain maps. A verb or command claimed
 * twice is a programming error, caught at start.
 */
export class FeatureRouter {
  private readonly commands = new Map<string, Command>();
  private readonly verbs = new Map<string, VerbHandler>();
  private greeting?: BotFeature['greeting'];
  private readonly actionSources: NonNullable<BotFeature['welcomeActions']>[] = [];

  constructor(features: readonly BotFeature[]) {
    for (const feature of features) {
      for (const [name, command] of Object.entries(feature.commands ?? {})) {
        if (this.commands.has(name)) throw new Error(`Command "${name}" is claimed twice.`);
        this.commands.set(name, command);
      }
      for (const [verb, handler] of Object.entries(feature.verbs ?? {})) {
        if (this.verbs.has(verb)) throw new Error(`Verb "${verb}" is claimed twice.`);
        this.verbs.set(verb, handler);
      }
      if (feature.welcomeActions) this.actionSources.push(feature.welcomeActions.bind(feature));
      if (feature.greeting) {
        if (this.greeting) throw new Error('Two features provide the greeting.');
        this.greeting = feature.greeting.bind(feature);
      }
    }
  }

  /** The commands, or those listed for one person (the help card). */
  commandList(actor?: Actor): { name: string; description: string }[] {
    return [...this.commands].filter(([, c]) => !actor || !c.listedFor || c.listedFor(actor)).map(([name, c]) => ({ name, description: c.description }));
  }

  /** A message: its first word names the command; anything else gets the greeting. */
  async onText(actor: Actor, text: string): Promise<ChatReply> {
    const [word = '', ...rest] = text.trim().split(/\s+/);
    const command = this.commands.get(word.toLowerCase().replace(/^\//, ''));
    if (command) return command.handle(actor, rest.join(' '));
    return this.greet(actor);
  }

  async greet(actor: Actor): Promise<ChatReply> {
    if (!this.greeting) return { text: 'Hello from Mentoring Up.' };
    return this.greeting(actor, await this.welcomeActions(actor));
  }

  /** Every stage's buttons for this person, in stage order. */
  async welcomeActions(actor: Actor): Promise<WelcomeAction[]> {
    const lists = await Promise.all(this.actionSources.map((source) => source(actor)));
    return lists.flat();
  }

  async onVerb(actor: Actor, verb: string, data: Readonly<Record<string, unknown>>): Promise<CardActionResult> {
    const handler = this.verbs.get(verb);
    if (!handler) throw new AppError('UnknownVerb', 'This card is out of date. Type "help" to see what you can do.', `unknown verb "${verb.slice(0, 100)}"`);
    return handler(actor, data);
  }
}

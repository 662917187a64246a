import type { Actor, BotFeature, ChatReply, WelcomeAction } from '../../conversation/feature';
import { expandCard } from '../../cards/expandCard';
import type { OutgoingCard } from '../../messaging/messenger';
import aboutTemplate from './cards/about.json';
import helpTemplate from './cards/help.json';
import welcomeTemplate from './cards/welcome.json';

export interface CommandSummary {
  name: string;
  description: string;
}

export function welcomeCard(name: string, actions: readonly WelcomeAction[] = []): OutgoingCard {
  return { card: expandCard(welcomeTemplate, { firstName: firstNameOf(name), actions: actions.map((a) => ({ ...a, data: a.data ?? {} })) }), summary: 'Welcome to Mentoring Up' };
}

export function helpCard(commands: readonly CommandSummary[]): OutgoingCard {
  return { card: expandCard(helpTemplate, { commands }), summary: 'Mentoring Up commands' };
}

export function aboutCard(): OutgoingCard {
  return { card: expandCard(aboutTemplate, {}), summary: 'About Mentoring Up' };
}

/** The bot's front door: the welcome card, help (every command any stage offers) and the program in brief. */
export function welcomeFeature(listCommands: (actor: Actor) => readonly CommandSummary[], welcomeActions: (actor: Actor) => Promise<WelcomeAction[]>): BotFeature {
  const reply = (card: OutgoingCard): ChatReply => ({ cards: [card] });
  return {
    greeting: async (actor, actions) => reply(welcomeCard(actor.name, actions)),
    commands: {
      help: { description: 'List what you can ask Mentoring Up.', handle: async (actor) => reply(helpCard(listCommands(actor))) },
      about: { description: 'How the Mentoring Up program works.', handle: async () => reply(aboutCard()) },
    },
    verbs: {
      welcome: async (actor) => ({ card: welcomeCard(actor.name, await welcomeActions(actor)).card }),
      help: async (actor) => ({ card: helpCard(listCommands(actor)).card }),
      about: async () => ({ card: aboutCard().card }),
    },
  };
}

function firstNameOf(name: string): string {
  const first = name.trim().split(/\s+/)[0];
  return first && first.length <= 40 ? first : 'and welcome';
}

import type { BotFeature, CardActionResult, ChatReply } from '../../conversation/feature';
import type { CardJson } from '../../cards/expandCard';
import { buildFaqIndex, searchFaq } from './faqSearch';
import { faqAnswersCard, handbookListCard, handbookSectionCard } from './handbookCards';
import type { HandbookService } from './handbookService';

/** `handbook` and `faq <words>` in chat, and the handbook card's buttons. Everyone may read the handbook. */
export function handbookFeature(handbook: HandbookService): BotFeature {
  const reply = (card: CardJson, summary: string): ChatReply => ({ cards: [{ card, summary }] });
  const list = async (notice?: string) => handbookListCard((await handbook.read()).sections, notice);
  const answers = async (words: string) => faqAnswersCard(words, searchFaq(buildFaqIndex(await handbook.faqEntries()), words).matches);
  return {
    commands: {
      handbook: {
        description: 'Read the program handbook: the roles, the meetings, where to meet, who to contact.',
        handle: async () => reply(await list(), 'The Mentoring Up handbook'),
      },
      faq: {
        description: 'Find an answer: faq and a few words, for example "faq cancel".',
        handle: async (_actor, words) => reply(await answers(words), 'Answers from the handbook'),
      },
    },
    verbs: {
      'handbook.list': async (): Promise<CardActionResult> => ({ card: await list() }),
      'handbook.section': async (_actor, data): Promise<CardActionResult> => {
        const section = (await handbook.read()).sections.find((s) => s.id === data.sectionId);
        // A button from an older card, for a section that no longer exists: the sections as they are now.
        if (!section) return { card: await list('That section is no longer in the handbook. Here are the sections as they are now.') };
        return { card: handbookSectionCard(section) };
      },
    },
  };
}

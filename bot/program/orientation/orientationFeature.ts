import type { BotFeature } from '../../conversation/feature';
import { noticeCard } from '../applications/applicationCards';
import type { OrientationService } from './orientationService';

/** The orientation card's buttons (and its refresh), and `orientation` in chat for the person's own card. */
export function orientationFeature(orientations: OrientationService): BotFeature {
  return {
    commands: {
      orientation: {
        description: 'Read your orientation for the program again, and your session date.',
        handle: async (actor) => {
          const cohortId = await orientations.latestCohortOf(actor.id);
          const answer = cohortId ? await orientations.view(actor, { cohortId }) : undefined;
          const card =
            answer && 'card' in answer ? answer.card : noticeCard({ title: 'No orientation yet', lines: ['Your orientation arrives here once you are paired with a partner.'] });
          return { cards: [{ card, summary: 'Your orientation' }] };
        },
      },
    },
    verbs: {
      'orientation.view': (actor, data) => orientations.view(actor, data),
      'orientation.acknowledge': (actor, data) => orientations.acknowledge(actor, data),
    },
  };
}

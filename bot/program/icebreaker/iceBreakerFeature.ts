import type { BotFeature } from '../../conversation/feature';
import type { IceBreakerService } from './iceBreakerService';

/** The invitation card's buttons (yes / no / maybe) and its refresh. */
export function iceBreakerFeature(iceBreakers: IceBreakerService): BotFeature {
  return {
    verbs: {
      'icebreaker.view': (actor, data) => iceBreakers.view(actor, data),
      'icebreaker.rsvp': (actor, data) => iceBreakers.rsvp(actor, data),
    },
  };
}

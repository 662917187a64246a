import { CohortDirectory } from '../year/cohortMembers';
import { ICE_BREAKER_TABLE, IceBreakerStore, RSVP_TABLE } from '../icebreaker/iceBreakerStore';
import type { ProgramStage, StageDefinition, StageParts } from '../programStage';
import type { IsoDate } from '../../calendar/calendarTime';
import { orientationFeature } from './orientationFeature';
import { orientationRoutes } from './orientationRoutes';
import { OrientationService } from './orientationService';
import { ORIENTATION_ACK_TABLE, ORIENTATION_TEXT_TABLE, OrientationStore } from './orientationStore';

/**
 * Orientation as a stage: when a cohort's pairs are confirmed, each mentor gets the mentor orientation and each
 * executive the mentee one; people acknowledge on the card; the taskforce edits the texts, sets the sessions and
 * reminds those who have not acknowledged, in the tab. Reads the cohorts' and pairs' tables (opened by their stages).
 */
export function createOrientationStage(
  parts: StageParts,
  iceBreakerOn: (cohortId: string) => Promise<IsoDate | undefined> = async () => undefined,
): ProgramStage & { orientations: OrientationService } {
  const store = new OrientationStore(parts.table(ORIENTATION_TEXT_TABLE), parts.table(ORIENTATION_ACK_TABLE));
  const orientations = new OrientationService(parts, store, new CohortDirectory(parts), iceBreakerOn);
  // Durable and idempotent: the batch key names the cohort, so running again sends nobody a second card.
  parts.events.on('pairsConfirmed', 'orientation', async ({ cohortId }) => {
    await orientations.sendOrientations(cohortId);
  });
  return { orientations, feature: orientationFeature(orientations), routes: orientationRoutes(orientations) };
}

/** The ice breaker's day, read from its table (opened by the ice breaker stage): orientation sessions come before it. */
function iceBreakerDay(parts: StageParts): (cohortId: string) => Promise<IsoDate | undefined> {
  const iceBreakers = new IceBreakerStore(parts.table(ICE_BREAKER_TABLE), parts.table(RSVP_TABLE));
  return async (cohortId) => {
    const event = await iceBreakers.get(cohortId);
    return event && !event.cancelled ? event.date : undefined;
  };
}

/** Who acknowledged their orientation in a cohort, with the version they saw (the year view shows it). */
export function acknowledgedVersions(parts: StageParts): (cohortId: string) => Promise<Map<string, number>> {
  const store = new OrientationStore(parts.table(ORIENTATION_TEXT_TABLE), parts.table(ORIENTATION_ACK_TABLE));
  return async (cohortId) => new Map([...(await store.acknowledgements(cohortId))].map(([personId, ack]) => [personId, ack.version]));
}

export const orientationStage: StageDefinition = {
  tables: [ORIENTATION_TEXT_TABLE, ORIENTATION_ACK_TABLE],
  create: (parts) => createOrientationStage(parts, iceBreakerDay(parts)),
};

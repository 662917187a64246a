import { CohortDirectory } from '../year/cohortMembers';
import type { ProgramStage, StageDefinition, StageParts } from '../programStage';
import { iceBreakerFeature } from './iceBreakerFeature';
import { iceBreakerRoutes } from './iceBreakerRoutes';
import { IceBreakerService, REMINDER_KIND } from './iceBreakerService';
import { ICE_BREAKER_TABLE, IceBreakerStore, RSVP_TABLE } from './iceBreakerStore';
import type { Rsvp } from './icebreakerRules';

/**
 * The ice breaker as a stage: the taskforce schedules one per cohort in the tab, invitations with RSVP go to the cohort
 * and the chosen alumni, a reminder goes the working day before. Reads the cohorts' and pairs' tables.
 */
export function createIceBreakerStage(parts: StageParts): ProgramStage & { iceBreakers: IceBreakerService } {
  const iceBreakers = new IceBreakerService(parts, new IceBreakerStore(parts.table(ICE_BREAKER_TABLE), parts.table(RSVP_TABLE)), new CohortDirectory(parts));
  parts.scheduler.register(
    REMINDER_KIND,
    async (job) => {
      const { cohortId, revision } = job.payload;
      if (typeof cohortId === 'string' && typeof revision === 'number') await iceBreakers.remind({ cohortId, revision });
    },
    { describe: (job) => `the ice breaker reminder of cohort ${String(job.payload.cohortId)}` },
  );
  return { iceBreakers, feature: iceBreakerFeature(iceBreakers), routes: iceBreakerRoutes(iceBreakers) };
}

/** The cohort's ice breaker day and the answers to it; undefined while none is scheduled (the year view shows them). */
export function iceBreakerAnswers(parts: StageParts): (cohortId: string) => Promise<{ date: string; answers: Map<string, Rsvp> } | undefined> {
  const store = new IceBreakerStore(parts.table(ICE_BREAKER_TABLE), parts.table(RSVP_TABLE));
  return async (cohortId) => {
    const event = await store.get(cohortId);
    return event && !event.cancelled ? { date: event.date, answers: await store.answers(cohortId) } : undefined;
  };
}

export const iceBreakerStage: StageDefinition = { tables: [ICE_BREAKER_TABLE, RSVP_TABLE], create: createIceBreakerStage };

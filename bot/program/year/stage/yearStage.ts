import { COHORT_TABLE, CohortStore } from '../../cohorts/cohortStore';
import { PAIR_BY_PERSON_TABLE, PAIR_TABLE, PairStore } from '../../matching/matchingStore';
import type { ProgramStage, StageDefinition, StageParts } from '../../programStage';
import { NO_ATTENDANCE, type CohortAttendance } from './yearAttendance';
import { nudgeCard, quarterClosedCard, type PairView } from './yearCards';
import { YearCalendar } from './yearCalendar';
import { yearFeature } from './yearFeature';
import { YearNudges } from './yearNudges';
import { yearRoutes } from './yearRoutes';
import { YearService } from './yearService';
import { YEAR_TABLES, YearStore, type StoredPlan } from './yearStore';

/**
 * The mentoring year as a stage: when a cohort's pairs are confirmed (event `pairsConfirmed`) each pair gets a plan of
 * four meetings with the cohort's agendas; people book and log them in chat; nudges go out through the scheduler; the
 * taskforce follows the year in the tab. Reads the matching stage's pairs and the intake's cohorts.
 */
export function createYearStage(parts: StageParts, attendance: CohortAttendance = NO_ATTENDANCE): ProgramStage & { service: YearService; nudges: YearNudges } {
  const store = new YearStore({
    cohorts: parts.table(YEAR_TABLES.cohorts),
    plans: parts.table(YEAR_TABLES.plans),
    notes: parts.table(YEAR_TABLES.notes),
    pauses: parts.table(YEAR_TABLES.pauses),
    nudges: parts.table(YEAR_TABLES.nudges),
  });
  const pairs = new PairStore(parts.table(PAIR_TABLE), parts.table(PAIR_BY_PERSON_TABLE));
  const cohorts = new CohortStore(parts.table(COHORT_TABLE));
  const nameOf = (id: string): string => parts.directory().getPerson(id)?.name ?? 'Someone who left';
  const viewFor = async (plan: StoredPlan, personId: string): Promise<PairView> => {
    const cohortYear = await store.cohortYear(plan.cohortId);
    const role = personId === plan.mentorId ? ('mentor' as const) : ('executive' as const);
    return {
      plan,
      role,
      partnerName: nameOf(role === 'mentor' ? plan.executiveId : plan.mentorId),
      agendas: cohortYear?.agendas ?? { version: 0, templates: [] },
      findTime: service.canFindTime,
    };
  };
  // The nudges close quarters through the service, and the service reconciles nudges after each change: each calls
  // the other only once the stage is built.
  const nudges: YearNudges = new YearNudges({
    store,
    pairs,
    parts,
    closeQuarter: (plan, meeting) => service.closeQuarter(plan, meeting),
    cards: {
      personNudge: async (job, plan) => {
        if (job.payload.to !== 'person') throw new Error('a taskforce job has no person card');
        return nudgeCard(job.kind, await viewFor(plan, job.payload.personId), plan.meetings[job.payload.meeting - 1], job.payload.ask);
      },
      quarterClosed: async (plan, meeting) => quarterClosedCard(`${nameOf(plan.executiveId)} and ${nameOf(plan.mentorId)}`, plan.meetings[meeting - 1]),
    },
  });
  const organiser = parts.config.graph?.calendarOrganiser;
  const service: YearService = new YearService({
    store,
    pairs,
    cohorts,
    parts,
    ...(parts.calendar && organiser ? { calendar: new YearCalendar(parts.calendar, organiser, parts) } : {}),
    onPlanChanged: (plan, before) => nudges.reconcile(plan, before),
    onPlansMade: (plans) => nudges.setUp(plans),
  });
  nudges.register();
  parts.events.on('pairsConfirmed', 'yearPlans', async ({ cohortId }) => {
    const { created } = await service.setUpCohort(cohortId);
    parts.log.info('year plans set up', { cohortId, created });
  });
  return {
    service,
    nudges,
    feature: yearFeature(service, nameOf),
    routes: yearRoutes({ service, store, cohorts, attendance, nameOf }),
  };
}

/**
 * The year stage, shown the orientations and the ice breaker through `attendance` (built by the composition root from
 * those stages' tables: they import the year, so the year does not import them).
 */
export function yearStage(attendance: (parts: StageParts) => CohortAttendance): StageDefinition {
  return {
    // Reads the matching stage's pairs and the intake's cohorts, whose stages open those tables.
    tables: Object.values(YEAR_TABLES),
    create: (parts) => createYearStage(parts, attendance(parts)),
  };
}

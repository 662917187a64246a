import { COHORT_TABLE, CohortStore } from '../../cohorts/cohortStore';
import type { StageDefinition } from '../../programStage';
import { YEAR_TABLES, YearStore } from '../../year/stage/yearStore';
import { outcomesRoutes } from './outcomesRoutes';

/**
 * What the Outcomes page reads of the year, as a stage of its own: no tables, no chat. Reads the year's plans and the
 * intake's cohorts, whose stages open those tables.
 */
export const outcomesStage: StageDefinition = {
  tables: [],
  create: (parts) => {
    const cohorts = new CohortStore(parts.table(COHORT_TABLE));
    const year = new YearStore({
      cohorts: parts.table(YEAR_TABLES.cohorts),
      plans: parts.table(YEAR_TABLES.plans),
      notes: parts.table(YEAR_TABLES.notes),
      pauses: parts.table(YEAR_TABLES.pauses),
      nudges: parts.table(YEAR_TABLES.nudges),
    });
    return {
      routes: outcomesRoutes({
        cohortExists: async (cohortId) => (await cohorts.get(cohortId)) !== undefined,
        year: async (cohortId) => (await year.cohortYear(cohortId))?.year,
        plans: (cohortId) => year.cohortPlans(cohortId),
      }),
    };
  },
};

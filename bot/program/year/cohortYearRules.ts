import type { CohortYearJson } from '../cohorts/api';
import type { CohortYearRules } from '../cohorts/cohortYear';
import type { StageParts } from '../programStage';
import { CohortDirectory } from './cohortMembers';
import { cohortProgramYear, defaultYearStart, quarterWindows, readYearStart, type ProgramYear } from './yearPlan';

/**
 * The year's rules for the cohort form (cohorts/cohortYear.ts): the start the taskforce sets is read with
 * yearPlan.readYearStart, and once the pairs are confirmed the form shows the year every stage resolves
 * (yearPlan.cohortProgramYear). bot/app.ts hands this to the intake stage, whose cohorts cannot import the year.
 */
export function cohortYearRules(parts: StageParts): CohortYearRules {
  const cohorts = new CohortDirectory(parts);
  return {
    checkStart(startsOn, { applicationsCloseOn }) {
      const check = readYearStart(startsOn, { applicationsCloseOn, today: cohorts.today() });
      return check.ok ? undefined : check.error;
    },
    async confirmedYear(cohort) {
      const pairs = await cohorts.pairs.listCohort(cohort.id);
      if (pairs.length === 0) return undefined;
      const timeZone = parts.config.program.calendar.timeZone;
      return cohortYearJson(cohortProgramYear({ taskforceStartsOn: cohort.yearStartsOn, confirmedAt: pairs.map((p) => p.confirmedAt), timeZone, now: parts.clock() }));
    },
    defaultStart: () => defaultYearStart(cohorts.today()),
  };
}

/** The year as the cohort form shows it; the post survey opens on its last day (surveys/surveyRounds.ts). */
export function cohortYearJson(year: ProgramYear): CohortYearJson {
  return {
    startsOn: year.startsOn,
    endsOn: year.endsOn,
    quarters: quarterWindows(year).map((w) => ({ quarter: w.quarter, opensOn: w.opensOn, closesOn: w.closesOn })),
    postSurveyOpensOn: year.endsOn,
  };
}

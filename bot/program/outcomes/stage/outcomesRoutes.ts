import { AppError } from '../../../errors';
import { route, type ApiRoute } from '../../../http/apiRoute';
import { quarterWindows, type PairPlan, type ProgramYear } from '../../year/yearPlan';
import { getMeetingsPerQuarter, type MeetingsPerQuarterJson } from '../api';
import { meetingsPerQuarter } from '../meetingsPerQuarter';

/** What the outcomes read of the year: the cohort's year and its pairs' meetings (statuses only). */
export interface YearReader {
  cohortExists(cohortId: string): Promise<boolean>;
  /** Undefined until the cohort's pairs are confirmed. */
  year(cohortId: string): Promise<ProgramYear | undefined>;
  plans(cohortId: string): Promise<readonly Pick<PairPlan, 'meetings'>[]>;
}

/** The outcomes' tab API (contract in ../api.ts): meetings per quarter, counts only. Taskforce. */
export function outcomesRoutes(read: YearReader): ApiRoute[] {
  return [
    route(getMeetingsPerQuarter, 'taskforce', async (request): Promise<{ body: MeetingsPerQuarterJson }> => {
      const { cohortId } = request.params;
      if (!(await read.cohortExists(cohortId))) throw new AppError('NotFound', 'There is no such cohort.');
      const year = await read.year(cohortId);
      if (!year) return { body: { cohortId, year: null, pairs: 0, quarters: [] } };
      const plans = await read.plans(cohortId);
      return { body: { cohortId, year: { startsOn: year.startsOn, endsOn: year.endsOn }, pairs: plans.length, quarters: meetingsPerQuarter(quarterWindows(year), plans) } };
    }),
  ];
}

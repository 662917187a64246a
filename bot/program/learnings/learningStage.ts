import { COHORT_TABLE, CohortStore } from '../cohorts/cohortStore';
import { PAIR_BY_PERSON_TABLE, PAIR_TABLE, PairStore } from '../matching/matchingStore';
import type { StageDefinition } from '../programStage';
import { learningRoutes } from './learningRoutes';
import { LEARNING_TABLE, LearningStore } from './learningStore';

/** "You said, we did" as a stage: executives' entries, the taskforce's publication. Reads cohorts and pairs. */
export const learningStage: StageDefinition = {
  tables: [LEARNING_TABLE],
  create: (parts) => ({
    routes: learningRoutes({
      store: new LearningStore(parts.table(LEARNING_TABLE)),
      cohorts: new CohortStore(parts.table(COHORT_TABLE)),
      pairs: new PairStore(parts.table(PAIR_TABLE), parts.table(PAIR_BY_PERSON_TABLE)),
      clock: () => parts.clock(),
    }),
  }),
};

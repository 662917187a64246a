import { COHORT_TABLE, CohortStore } from '../cohorts/cohortStore';
import { PAIR_BY_PERSON_TABLE, PAIR_TABLE, PairStore } from '../matching/matchingStore';
import type { StageDefinition } from '../programStage';
import { learningRoutes } from './learningRoutes';
import { LearningSending } from './learningSending';
import { LEARNING_SENDS_TABLE, LearningSendStore } from './learningSendStore';
import { LEARNING_TABLE, LearningStore } from './learningStore';

/**
 * "You said, we did" as a stage: executives' entries, the taskforce's publication, and the card that takes the published
 * entries to the cohort in chat (through the durable send batches). Reads cohorts and pairs.
 */
export const learningStage: StageDefinition = {
  tables: [LEARNING_TABLE, LEARNING_SENDS_TABLE],
  create: (parts) => {
    const store = new LearningStore(parts.table(LEARNING_TABLE));
    const cohorts = new CohortStore(parts.table(COHORT_TABLE));
    const pairs = new PairStore(parts.table(PAIR_TABLE), parts.table(PAIR_BY_PERSON_TABLE));
    const clock = () => parts.clock();
    const sending = new LearningSending({ learnings: store, sends: new LearningSendStore(parts.table(LEARNING_SENDS_TABLE)), cohorts, pairs, batches: parts.batches, clock });
    return { routes: learningRoutes({ store, cohorts, pairs, sending, clock }) };
  },
};

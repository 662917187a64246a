import { COHORT_TABLE, CohortStore } from '../cohorts/cohortStore';
import { PAIR_BY_PERSON_TABLE, PAIR_TABLE, PairStore } from '../matching/matchingStore';
import type { StageDefinition } from '../programStage';
import { eosRoutes } from './eosRoutes';
import { EosService } from './eosService';
import { EOS_TABLE, EosStore } from './eosStore';

/** The institution-wide survey as a stage: the waves the taskforce records and what they say. Reads cohorts and pairs. */
export const eosStage: StageDefinition = {
  tables: [EOS_TABLE],
  create: (parts) => {
    const service = new EosService(
      new EosStore(parts.table(EOS_TABLE)),
      new CohortStore(parts.table(COHORT_TABLE)),
      new PairStore(parts.table(PAIR_TABLE), parts.table(PAIR_BY_PERSON_TABLE)),
    );
    return { routes: eosRoutes(service) };
  },
};

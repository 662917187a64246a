import type { CohortStore, StoredCohort } from '../cohorts/cohortStore';
import type { PairStore, StoredPair } from './matchingStore';

export interface PersonPair {
  cohort: StoredCohort;
  role: 'mentor' | 'executive';
  pair: StoredPair;
}

/** A person's confirmed pairs with their cohort, newest cohort first ("My mentoring", and "status" in chat). */
export async function pairsOfPerson(pairs: PairStore, cohorts: Pick<CohortStore, 'get'>, personId: string): Promise<PersonPair[]> {
  const rows = await pairs.ofPerson(personId);
  const found = await Promise.all(
    rows.map(async (row) => {
      const [cohort, pair] = await Promise.all([cohorts.get(row.cohortId), pairs.get(row.cohortId, row.executiveId)]);
      return cohort && pair ? { cohort, role: row.role, pair } : undefined;
    }),
  );
  return found.filter((f) => f !== undefined).sort((a, b) => b.cohort.programYear - a.cohort.programYear || b.pair.confirmedAt.localeCompare(a.pair.confirmedAt));
}

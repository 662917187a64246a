import { AppError } from '../../errors';
import { COHORT_TABLE, CohortStore, type StoredCohort } from '../cohorts/cohortStore';
import { PAIR_BY_PERSON_TABLE, PAIR_TABLE, PairStore, type StoredPair } from '../matching/matchingStore';
import type { StageParts } from '../programStage';
import { localDateOf, type IsoDate } from '../../calendar/calendarTime';
import { cohortProgramYear, type ProgramYear } from './yearPlan';

/**
 * A cohort after its pairs are confirmed, as the year's group stages (orientation, ice breaker) need it: the cohort,
 * its pairs, and when the program year starts. Reads the intake's and matching's tables through their stores.
 */
export interface CohortMembers {
  cohort: StoredCohort;
  pairs: StoredPair[];
  /** The cohort's year: the taskforce's start, or the default after the pairs were confirmed (yearPlan.cohortProgramYear). */
  year: ProgramYear;
  /** The first day of one-on-ones: the orientations and the ice breaker come before it. */
  yearStartsOn: IsoDate;
}

export class CohortDirectory {
  readonly cohorts: CohortStore;
  readonly pairs: PairStore;

  constructor(private readonly parts: StageParts) {
    this.cohorts = new CohortStore(parts.table(COHORT_TABLE));
    this.pairs = new PairStore(parts.table(PAIR_TABLE), parts.table(PAIR_BY_PERSON_TABLE));
  }

  /** The cohort and its pairs; undefined when it has no confirmed pairs. */
  async members(cohortId: string): Promise<CohortMembers | undefined> {
    const [cohort, pairs] = await Promise.all([this.cohorts.get(cohortId), this.pairs.listCohort(cohortId)]);
    if (!cohort || pairs.length === 0) return undefined;
    const year = cohortProgramYear({
      taskforceStartsOn: cohort.yearStartsOn,
      confirmedAt: pairs.map((p) => p.confirmedAt),
      timeZone: this.parts.config.program.calendar.timeZone,
      now: this.parts.clock(),
    });
    return { cohort, pairs, year, yearStartsOn: year.startsOn };
  }

  /** For the taskforce's routes: the cohort's members, or a 404 / 409 with a sentence. */
  async required(cohortId: string): Promise<CohortMembers> {
    const members = await this.members(cohortId);
    if (members) return members;
    if (!(await this.cohorts.get(cohortId))) throw new AppError('NotFound', 'That cohort was not found.');
    throw new AppError('Conflict', 'This cohort has no confirmed pairs yet. Confirm its pairs first.');
  }

  /** A person's display name from the directory, or the name recorded with their pair. */
  nameOf(personId: string, recorded?: string): string {
    return this.parts.directory().getPerson(personId)?.name ?? recorded ?? 'Someone who left';
  }

  today(): IsoDate {
    return localDateOf(this.parts.clock(), this.parts.config.program.calendar.timeZone);
  }
}

/** Each person of the cohort's pairs once, with their role and the name recorded with the pair. */
export function participants(pairs: readonly StoredPair[]): { personId: string; role: 'mentor' | 'executive'; name: string }[] {
  return pairs.flatMap((p) => [
    { personId: p.mentorId, role: 'mentor' as const, name: p.mentor.name },
    { personId: p.executiveId, role: 'executive' as const, name: p.executive.name },
  ]);
}

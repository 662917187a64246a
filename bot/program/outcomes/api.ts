import { endpoint, returns } from '../../contract/endpoint';

/**
 * The outcomes' own wire contract (SDK-free; the tab compiles it): what the Outcomes page shows of the year. Survey
 * results, the institution-wide survey and "You said, we did" have their stages' contracts (surveys/, eos/,
 * learnings/). Counts only: no pair, no name, no note.
 */
export interface QuarterMeetingsJson {
  quarter: number;
  opensOn: string;
  closesOn: string;
  held: number;
  missed: number;
  /** Planned or booked. */
  open: number;
}

export interface MeetingsPerQuarterJson {
  cohortId: string;
  /** Null until the cohort's pairs are confirmed (then `quarters` is empty). */
  year: { startsOn: string; endsOn: string } | null;
  /** The pairs with a plan: each quarter counts one meeting per pair. */
  pairs: number;
  quarters: QuarterMeetingsJson[];
}

/** Meetings held, missed and still open per quarter of the cohort's year. Taskforce. */
export const getMeetingsPerQuarter = endpoint({ method: 'get', path: '/api/cohorts/:cohortId/outcomes/meetings', response: returns<MeetingsPerQuarterJson>() });

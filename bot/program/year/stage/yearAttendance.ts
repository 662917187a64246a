import type { RsvpJson } from '../api';

/**
 * What the taskforce's year view shows of the weeks before the meetings: who acknowledged their orientation (and which
 * version) and who answered the ice-breaker invitation. Those stages import the year's rules, so the year cannot import
 * their stores; the composition root (bot/app.ts) hands it these two read functions instead.
 */
export interface CohortAttendance {
  /** Each person who acknowledged their orientation, with the version they saw. */
  orientationVersions(cohortId: string): Promise<ReadonlyMap<string, number>>;
  /** The ice breaker's day and each invitee's answer; undefined while none is scheduled (or it was cancelled). */
  iceBreaker(cohortId: string): Promise<{ date: string; answers: ReadonlyMap<string, RsvpJson> } | undefined>;
}

/** Without the other stages (a benchmark of the year alone): nobody acknowledged, no ice breaker. */
export const NO_ATTENDANCE: CohortAttendance = {
  orientationVersions: () => Promise.resolve(new Map()),
  iceBreaker: () => Promise.resolve(undefined),
};

/** The two reads at once, for one cohort. */
export interface AttendanceOfCohort {
  orientationVersions: ReadonlyMap<string, number>;
  iceBreaker: { date: string; answers: ReadonlyMap<string, RsvpJson> } | undefined;
}

export async function attendanceOf(readers: CohortAttendance, cohortId: string): Promise<AttendanceOfCohort> {
  const [orientationVersions, iceBreaker] = await Promise.all([readers.orientationVersions(cohortId), readers.iceBreaker(cohortId)]);
  return { orientationVersions, iceBreaker };
}

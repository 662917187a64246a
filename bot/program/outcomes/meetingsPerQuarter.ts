import type { MeetingStatus, QuarterWindow } from '../year/yearPlan';
import type { QuarterMeetingsJson } from './api';

/**
 * How many of a cohort's meetings were held, missed or are still open in each quarter of its year: meeting n belongs to
 * quarter n, so each quarter counts one meeting per pair. Counts only: which pair held or missed what never leaves the
 * year view, so the chart built on this cannot point at anyone.
 */
export function meetingsPerQuarter(windows: readonly QuarterWindow[], plans: readonly { meetings: readonly { number: number; status: MeetingStatus }[] }[]): QuarterMeetingsJson[] {
  return windows.map((window) => {
    const counts = { held: 0, missed: 0, open: 0 };
    for (const plan of plans) {
      const status = plan.meetings.find((m) => m.number === window.quarter)?.status;
      if (status === 'held' || status === 'missed') counts[status]++;
      else if (status) counts.open++;
    }
    return { quarter: window.quarter, opensOn: window.opensOn, closesOn: window.closesOn, ...counts };
  });
}

import { readScore, type Score, type SurveyItem } from '../outcomes/surveyItems';
import { zonedInstant, type ProgramCalendar } from '../../calendar/calendarTime';
import type { ProgramYear } from '../year/yearPlan';
import type { RoundState, SurveyRound } from './api';

/**
 * When each survey round runs, and what counts as an answer. Pure: no SDK, no I/O; every "now" is an input.
 *
 * The pre survey opens when the cohort's pairs are confirmed; the post survey on the last day of the program year (the
 * year as every stage resolves it, yearPlan.cohortProgramYear: the taskforce's start or the default after
 * confirmation), at the program's nudge time. Each is open two weeks,
 * with a reminder to those who have not answered after one. A round is open from its opening to its close, whatever
 * the jobs have done: a late click is refused by the clock, not by whether the closing job has run yet.
 */
export const ROUND_DAYS = { reminder: 7, open: 14 } as const;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RoundDates {
  opensAt: string;
  remindAt: string;
  closesAt: string;
}

function datesFrom(opens: Date): RoundDates {
  return {
    opensAt: opens.toISOString(),
    remindAt: new Date(opens.getTime() + ROUND_DAYS.reminder * DAY_MS).toISOString(),
    closesAt: new Date(opens.getTime() + ROUND_DAYS.open * DAY_MS).toISOString(),
  };
}

export function roundDates(round: SurveyRound, cohort: { pairsConfirmedAt: Date; year: ProgramYear }, calendar: Pick<ProgramCalendar, 'timeZone' | 'nudgeTime'>): RoundDates {
  if (round === 'pre') return datesFrom(cohort.pairsConfirmedAt);
  return datesFrom(zonedInstant(cohort.year.endsOn, calendar.nudgeTime, calendar.timeZone));
}

export function roundState(round: RoundDates & { closedAt: string | null }, now: Date): RoundState {
  if (now.getTime() < Date.parse(round.opensAt)) return 'scheduled';
  if (round.closedAt !== null || now.getTime() >= Date.parse(round.closesAt)) return 'closed';
  return 'open';
}

export type AnswerCheck = { ok: true; scores: Record<string, Score> } | { ok: false; error: string };

/**
 * Reads one person's answers to their role's items (a card sends "4", the tab 4). Every item needs a point of the
 * scale; anything else (a missing answer, 0, 6, "agree") refuses the whole set, so nothing half-read is stored.
 * Values for items the role is not asked are ignored.
 */
export function readAnswers(raw: Readonly<Record<string, unknown>>, items: readonly SurveyItem[]): AnswerCheck {
  const scores: Record<string, Score> = {};
  for (const item of items) {
    const value = raw[item.id];
    if (value === undefined || value === null || value === '') return { ok: false, error: 'Please answer every question: choose one point of the scale for each.' };
    const score = readScore(value);
    if (score === undefined) return { ok: false, error: 'Each answer must be one point of the scale, from Strongly disagree to Strongly agree.' };
    scores[item.id] = score;
  }
  return { ok: true, scores };
}

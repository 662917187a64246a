import { addDays, daysBetween, isCalendarDate, nextWorkingDay, type IsoDate, type ProgramCalendar } from '../../calendar/calendarTime';

/**
 * A person's pauses (leave, travel): days on which they get no nudges. Pure: no SDK, no I/O.
 * A nudge that falls inside a pause moves to the first working day after it ends (nudgeRules decides whether it is
 * still worth sending then).
 */
export interface Pause {
  /** First and last day of the pause, inclusive. */
  from: IsoDate;
  until: IsoDate;
}

export const PAUSE_LIMITS = { maxDays: 120, perPerson: 10 } as const;

export type PauseCheck = { ok: true; pause: Pause } | { ok: false; error: string };

/** Reads a pause a person asks for (`pause` in chat or on a card): from today or later, at most 120 days. */
export function readPause(raw: { from?: unknown; until?: unknown }, context: { today: IsoDate; existing: readonly Pause[] }): PauseCheck {
  const from = raw.from === undefined || raw.from === '' ? context.today : raw.from;
  if (!isCalendarDate(from) || !isCalendarDate(raw.until)) return { ok: false, error: 'Please give the last day of your pause as a date.' };
  if (from < context.today) return { ok: false, error: 'A pause cannot start in the past. Please start it today or later.' };
  if (raw.until < from) return { ok: false, error: 'The pause must end on or after the day it starts.' };
  if (daysBetween(from, raw.until) + 1 > PAUSE_LIMITS.maxDays) {
    return { ok: false, error: `A pause can last up to ${PAUSE_LIMITS.maxDays} days. For a longer break, please talk to the taskforce.` };
  }
  const current = context.existing.filter((p) => p.until >= context.today);
  if (current.length >= PAUSE_LIMITS.perPerson) return { ok: false, error: 'You have many pauses planned already. Please talk to the taskforce.' };
  return { ok: true, pause: { from, until: raw.until } };
}

export function pausedOn(pauses: readonly Pause[], day: IsoDate): Pause | undefined {
  return pauses.find((p) => p.from <= day && day <= p.until);
}

/** The day itself when no pause covers it, else the first working day after the pauses that cover it (chained). */
export function firstDayOutsidePauses(pauses: readonly Pause[], day: IsoDate, calendar: Pick<ProgramCalendar, 'workingDays'>): IsoDate {
  let current = day;
  for (let guard = 0; guard <= pauses.length; guard++) {
    const pause = pausedOn(pauses, current);
    if (!pause) return current;
    current = nextWorkingDay(addDays(pause.until, 1), calendar);
  }
  return current;
}

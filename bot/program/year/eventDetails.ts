import { checkText } from '../text/plainText';
import { safeHref } from '../text/markdownSafe';
import { isCalendarDate, isWallTime, readableDay, type IsoDate, type WallTime } from '../../calendar/calendarTime';

/**
 * When and where a group session happens (an orientation session, the ice breaker), as the taskforce enters it. Pure.
 * A session needs a place, a meeting link, or both; a link must be https (a Teams link is recognised for display, any
 * https link is accepted, since some hospitals use other meeting tools).
 */
export const EVENT_LIMITS = { place: 200, link: 2000, minMinutes: 15, maxMinutes: 240 } as const;

export interface EventDetails {
  date: IsoDate;
  time: WallTime;
  durationMinutes: number;
  /** Where, in words; may be empty when there is a link. */
  place: string;
  /** An https meeting link, or empty. */
  link: string;
}

export type EventField = 'date' | 'time' | 'duration' | 'place' | 'link';
export type EventErrors = Partial<Record<EventField, string>>;
export type EventCheck = { ok: true; details: EventDetails } | { ok: false; errors: EventErrors };

/** A day the session must come before, with how to name it: "the ice breaker", "the start of the year". */
export interface Deadline {
  date: IsoDate;
  name: string;
}

export function isTeamsLink(link: string): boolean {
  const href = safeHref(link);
  return !!href && /^(teams\.microsoft\.com|teams\.live\.com)$/.test(new URL(href).hostname);
}

export function readEventDetails(raw: Readonly<Record<string, unknown>>, context: { today: IsoDate; before: readonly Deadline[]; defaultMinutes: number }): EventCheck {
  const errors: EventErrors = {};
  const date = raw.date;
  if (!isCalendarDate(date)) errors.date = 'Please give the date of the session.';
  else if (date < context.today) errors.date = 'That date has passed. Please choose a day from today on.';
  else {
    const missed = context.before.find((d) => date >= d.date);
    if (missed) errors.date = `Please choose a day before ${missed.name} (${readableDay(missed.date)}).`;
  }
  if (!isWallTime(raw.time)) errors.time = 'Please give the start time as HH:MM, for example 12:30.';

  const minutesRaw = raw.duration === undefined || raw.duration === '' ? context.defaultMinutes : Number(raw.duration);
  if (!Number.isInteger(minutesRaw) || minutesRaw < EVENT_LIMITS.minMinutes || minutesRaw > EVENT_LIMITS.maxMinutes) {
    errors.duration = `Please give a length between ${EVENT_LIMITS.minMinutes} and ${EVENT_LIMITS.maxMinutes} minutes.`;
  }
  const place = checkText(raw.place, { label: 'The place', max: EVENT_LIMITS.place });
  if (!place.ok) errors.place = place.error;

  const linkText = checkText(raw.link, { label: 'The meeting link', max: EVENT_LIMITS.link });
  const link = linkText.ok && linkText.value !== '' ? safeHref(linkText.value) : '';
  if (!linkText.ok) errors.link = linkText.error;
  else if (link === undefined) errors.link = 'The meeting link must start with https://, for example a Teams meeting link.';

  if (place.ok && linkText.ok && place.value === '' && linkText.value === '') errors.place = 'Please give a place, a meeting link, or both.';
  if (Object.keys(errors).length > 0 || !place.ok || link === undefined) return { ok: false, errors };
  return { ok: true, details: { date: date as IsoDate, time: raw.time as WallTime, durationMinutes: minutesRaw, place: place.value, link } };
}

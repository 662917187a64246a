import { createHash } from 'node:crypto';
import { addDays, zonedInstant, type DateWindow, type ProgramCalendar } from './calendarTime';
import type { ScheduleQuery } from './commonSlots';

/**
 * The Microsoft Graph requests the year sends, as plain data: reading free/busy (`getSchedule`, application permission
 * Calendars.ReadBasic) and creating a calendar event (`POST /users/{organiser}/events`, Calendars.ReadWrite limited to
 * one organiser mailbox). Pure builders: the Graph client in bot/directory/ sends them.
 *
 * Times go to Graph in UTC, so no Windows zone names are needed; Outlook shows each person their own time. An event
 * carries a deterministic `transactionId`, which Graph uses to drop a repeated create (a retry after a timeout), so a
 * booking retried or clicked twice never makes two events.
 */
export const GRAPH_LIMITS = { minInterval: 5, maxInterval: 1440, maxScheduleDays: 62, maxAttendees: 500, subject: 255, body: 8000 } as const;

export interface GraphRequest<Body> {
  method: 'POST';
  /** Relative to the Graph base URL with its version. */
  path: string;
  body: Body;
}

export interface GraphDateTime {
  dateTime: string;
  timeZone: 'UTC';
}

export interface GetScheduleBody {
  schedules: string[];
  startTime: GraphDateTime;
  endTime: GraphDateTime;
  availabilityViewInterval: number;
}

function graphUtc(instant: Date): GraphDateTime {
  return { dateTime: instant.toISOString().slice(0, 19), timeZone: 'UTC' };
}

function userPath(userId: string, rest: string): string {
  if (userId.trim() === '') throw new RangeError('A Graph user id is required.');
  return `/users/${encodeURIComponent(userId)}/${rest}`;
}

/**
 * The period to ask Graph about for a meeting: from now (or the window's first day) for `horizonDays`, never past the
 * window's last day. Undefined when the window has closed.
 */
export function scheduleQueryFor(
  window: DateWindow,
  calendar: ProgramCalendar,
  now: Date,
  options: { horizonDays?: number; intervalMinutes?: number } = {},
): ScheduleQuery | undefined {
  const opens = zonedInstant(window.opensOn, '00:00', calendar.timeZone);
  const closes = zonedInstant(addDays(window.closesOn, 1), '00:00', calendar.timeZone);
  const start = new Date(Math.max(opens.getTime(), Math.floor(now.getTime() / 60_000) * 60_000));
  const horizon = Math.min(options.horizonDays ?? 28, GRAPH_LIMITS.maxScheduleDays);
  const end = new Date(Math.min(closes.getTime(), start.getTime() + horizon * 86_400_000));
  if (end <= start) return undefined;
  return { start, end, intervalMinutes: options.intervalMinutes ?? 15 };
}

/** `POST /users/{callerId}/calendar/getSchedule` for the given mailboxes (SMTP addresses) over a query's period. */
export function getScheduleRequest(callerId: string, schedules: readonly string[], query: ScheduleQuery): GraphRequest<GetScheduleBody> {
  const interval = query.intervalMinutes;
  if (!Number.isInteger(interval) || interval < GRAPH_LIMITS.minInterval || interval > GRAPH_LIMITS.maxInterval) {
    throw new RangeError(`availabilityViewInterval must be a whole number of minutes from ${GRAPH_LIMITS.minInterval} to ${GRAPH_LIMITS.maxInterval}.`);
  }
  const days = (query.end.getTime() - query.start.getTime()) / 86_400_000;
  if (days <= 0 || days > GRAPH_LIMITS.maxScheduleDays) throw new RangeError(`The period must last more than nothing and at most ${GRAPH_LIMITS.maxScheduleDays} days.`);
  if (schedules.length === 0) throw new RangeError('Name at least one schedule.');
  return {
    method: 'POST',
    path: userPath(callerId, 'calendar/getSchedule'),
    body: { schedules: [...schedules], startTime: graphUtc(query.start), endTime: graphUtc(query.end), availabilityViewInterval: interval },
  };
}

export interface EventAttendee {
  email: string;
  name: string;
}

/** A Teams meeting (with a link; `place` optional for people who meet in person too), or in person only. */
export type EventMode = { kind: 'teams'; place?: string } | { kind: 'inPerson'; place: string };

export interface EventInput {
  organiserId: string;
  subject: string;
  /** Plain text; paragraphs separated by blank lines. Escaped into the HTML body. */
  bodyText: string;
  start: Date;
  end: Date;
  attendees: readonly EventAttendee[];
  mode: EventMode;
  transactionId: string;
}

export interface EventBody {
  subject: string;
  body: { contentType: 'HTML'; content: string };
  start: GraphDateTime;
  end: GraphDateTime;
  attendees: { emailAddress: { address: string; name: string }; type: 'required' }[];
  location?: { displayName: string };
  isOnlineMeeting: boolean;
  onlineMeetingProvider?: 'teamsForBusiness';
  allowNewTimeProposals: false;
  transactionId: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

// Controls and direction overrides, except the line feed (a body keeps its line breaks).
const CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]+/g;

/** Text on one line (a subject, a place, a name), at most `max` characters. */
function oneLine(text: string, max: number): string {
  return [...text.replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim()].slice(0, max).join('');
}

/** The HTML body: every paragraph escaped, single line breaks kept. */
export function eventBodyHtml(text: string): string {
  return [...text.replace(/\r\n?/g, '\n').trim()]
    .slice(0, GRAPH_LIMITS.body)
    .join('')
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p.replace(CONTROLS, ' ')).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** A stable transaction id from the parts that identify one booking (pair, meeting, revision). */
export function eventTransactionId(...parts: (string | number)[]): string {
  return `mentoring-up-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32)}`;
}

/** `POST /users/{organiser}/events`: a Teams meeting or an in-person event in the organiser's calendar, inviting everyone. */
export function createEventRequest(input: EventInput): GraphRequest<EventBody> {
  if (input.end.getTime() <= input.start.getTime()) throw new RangeError('An event must end after it starts.');
  const seen = new Set<string>();
  const attendees = input.attendees
    .filter((a) => {
      const key = a.email.trim().toLowerCase();
      if (key === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((a) => ({ emailAddress: { address: a.email.trim(), name: oneLine(a.name, 100) }, type: 'required' as const }));
  if (attendees.length > GRAPH_LIMITS.maxAttendees) throw new RangeError(`An event can invite at most ${GRAPH_LIMITS.maxAttendees} people.`);
  const place = input.mode.place ? oneLine(input.mode.place, 200) : '';
  return {
    method: 'POST',
    path: userPath(input.organiserId, 'events'),
    body: {
      subject: oneLine(input.subject, GRAPH_LIMITS.subject),
      body: { contentType: 'HTML', content: eventBodyHtml(input.bodyText) },
      start: graphUtc(input.start),
      end: graphUtc(input.end),
      attendees,
      ...(place ? { location: { displayName: place } } : {}),
      isOnlineMeeting: input.mode.kind === 'teams',
      ...(input.mode.kind === 'teams' ? { onlineMeetingProvider: 'teamsForBusiness' as const } : {}),
      allowNewTimeProposals: false,
      transactionId: input.transactionId,
    },
  };
}

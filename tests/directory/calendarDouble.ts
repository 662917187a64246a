/**
 * The calendar part of the Graph double, answering as Microsoft Graph v1.0 does:
 * - `POST /users/{id}/calendar/getSchedule` → 200 `{ value: scheduleInformation[] }`: per mailbox asked, its
 *   `availabilityView` (one digit per interval: 0 free, 1 tentative, 2 busy, 3 out of office) and `scheduleItems`
 *   (UTC), or an `error` entry for a mailbox that does not exist;
 * - `POST /users/{id}/events` → 201 with the event (`id`, `webLink`, `onlineMeeting.joinUrl` for a Teams meeting); a
 *   repeated `transactionId` gives back the event made the first time; the event makes every attendee busy;
 * - `PATCH /users/{id}/events/{eventId}` → 200 with the event as changed;
 * - `POST /users/{id}/events/{eventId}/cancel` → 202, only by the organiser; an event already cancelled is gone (404);
 * - `failNext(...)`: the next calendar answers are these statuses (429 with Retry-After, 503…), as Graph throttles.
 */
export interface BusyItem {
  start: Date;
  end: Date;
  status: 'busy' | 'tentative' | 'oof';
  subject?: string;
}

export interface DoubleEvent {
  id: string;
  organiserId: string;
  body: Record<string, unknown>;
  cancelledWith?: string;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | { status: number; error: { code: string; message: string }; headers?: Record<string, string> };

const EVENT_PATH = /^\/v1\.0\/users\/([^/]+)\/events(?:\/([^/]+)(\/cancel)?)?$/;
const SCHEDULE_PATH = /^\/v1\.0\/users\/([^/]+)\/calendar\/getSchedule$/;
const DIGITS: Record<BusyItem['status'], number> = { tentative: 1, busy: 2, oof: 3 };

export class CalendarDouble {
  /** Busy time per mailbox (lower-case address). */
  readonly busy = new Map<string, BusyItem[]>();
  readonly events = new Map<string, DoubleEvent>();
  private readonly scripted: Array<{ status: number; retryAfter?: string }> = [];
  private nextId = 1;

  constructor(private readonly mailboxExists: (address: string) => boolean) {}

  addBusy(address: string, item: BusyItem): void {
    const key = address.toLowerCase();
    this.busy.set(key, [...(this.busy.get(key) ?? []), item]);
  }

  failNext(...answers: Array<{ status: number; retryAfter?: string }>): void {
    this.scripted.push(...answers);
  }

  /** Events not cancelled. */
  liveEvents(): DoubleEvent[] {
    return [...this.events.values()].filter((e) => e.cancelledWith === undefined);
  }

  serves(pathname: string): boolean {
    return SCHEDULE_PATH.test(pathname) || EVENT_PATH.test(pathname);
  }

  answer(method: string, pathname: string, body: unknown, baseUrl: string): Reply {
    const scripted = this.scripted.shift();
    if (scripted) {
      const code = scripted.status === 429 ? 'TooManyRequests' : scripted.status === 503 ? 'ServiceUnavailable' : 'generalException';
      return { status: scripted.status, error: { code, message: 'Please retry later.' }, headers: scripted.retryAfter !== undefined ? { 'Retry-After': scripted.retryAfter } : {} };
    }
    const schedule = SCHEDULE_PATH.exec(pathname);
    if (schedule) return method === 'POST' ? this.getSchedule(body) : notAllowed();
    const [, userId, eventId, cancel] = EVENT_PATH.exec(pathname) ?? [];
    const organiserId = decodeURIComponent(userId ?? '');
    if (!eventId) return method === 'POST' ? this.create(organiserId, body, baseUrl) : notAllowed();
    const event = this.events.get(decodeURIComponent(eventId));
    if (!event || event.organiserId !== organiserId || event.cancelledWith !== undefined) {
      return { status: 404, error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } };
    }
    if (cancel) {
      if (method !== 'POST') return notAllowed();
      event.cancelledWith = isObject(body) && typeof body.comment === 'string' ? body.comment : '';
      return { status: 202 };
    }
    if (method !== 'PATCH') return notAllowed();
    if (!isObject(body)) return badRequest('Empty Payload. JSON content expected.');
    event.body = { ...event.body, ...body };
    return { status: 200, body: this.render(event, baseUrl) };
  }

  private getSchedule(body: unknown): Reply {
    if (!isObject(body) || !Array.isArray(body.schedules) || !isDateTime(body.startTime) || !isDateTime(body.endTime))
      return badRequest('schedules, startTime and endTime are required.');
    const interval = Number(body.availabilityViewInterval ?? 30);
    if (!Number.isInteger(interval) || interval < 5 || interval > 1440) return badRequest('availabilityViewInterval must be between 5 and 1440.');
    const start = utc(body.startTime.dateTime);
    const end = utc(body.endTime.dateTime);
    const value = body.schedules.map((address) => {
      const id = String(address);
      if (!this.mailboxExists(id)) return { scheduleId: id, error: { message: 'The mailbox could not be found.', responseCode: 'ErrorMailRecipientNotFound' } };
      const items = this.itemsOf(id).filter((item) => item.start < end && item.end > start);
      let view = '';
      for (let t = start.getTime(); t < end.getTime(); t += interval * 60_000) {
        const slotEnd = t + interval * 60_000;
        const digit = Math.max(0, ...items.filter((i) => i.start.getTime() < slotEnd && i.end.getTime() > t).map((i) => DIGITS[i.status]));
        view += String(digit);
      }
      return {
        scheduleId: id,
        availabilityView: view,
        scheduleItems: items.map((i) => ({ isPrivate: false, status: i.status, subject: i.subject ?? '', start: graphTime(i.start), end: graphTime(i.end) })),
        workingHours: {
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          startTime: '08:00:00.0000000',
          endTime: '17:00:00.0000000',
          timeZone: { name: 'UTC' },
        },
      };
    });
    return { status: 200, body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)', value } };
  }

  private create(organiserId: string, body: unknown, baseUrl: string): Reply {
    if (!isObject(body) || typeof body.subject !== 'string' || !isDateTime(body.start) || !isDateTime(body.end)) return badRequest('subject, start and end are required.');
    const repeated =
      typeof body.transactionId === 'string' ? [...this.events.values()].find((e) => e.organiserId === organiserId && e.body.transactionId === body.transactionId) : undefined;
    if (repeated) return { status: 201, body: this.render(repeated, baseUrl) };
    const event: DoubleEvent = { id: `AAMkAD-event-${this.nextId++}`, organiserId, body };
    this.events.set(event.id, event);
    return { status: 201, body: this.render(event, baseUrl) };
  }

  /** Explicit busy items, plus every live event the mailbox attends. */
  private itemsOf(address: string): BusyItem[] {
    const key = address.toLowerCase();
    const attending = this.liveEvents()
      .filter((e) => attendeeAddresses(e.body).includes(key))
      .map((e): BusyItem => ({
        start: utc((e.body.start as { dateTime: string }).dateTime),
        end: utc((e.body.end as { dateTime: string }).dateTime),
        status: 'busy',
        subject: String(e.body.subject),
      }));
    return [...(this.busy.get(key) ?? []), ...attending];
  }

  private render(event: DoubleEvent, baseUrl: string): Record<string, unknown> {
    const online = event.body.isOnlineMeeting === true;
    return {
      '@odata.context': `${baseUrl}/$metadata#users('${event.organiserId}')/events/$entity`,
      id: event.id,
      webLink: `https://outlook.office365.com/owa/?itemid=${event.id}&exvsurl=1&path=/calendar/item`,
      ...event.body,
      onlineMeeting: online ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${event.id}%40thread.v2/0` } : null,
    };
  }
}

function attendeeAddresses(body: Record<string, unknown>): string[] {
  const attendees = Array.isArray(body.attendees) ? body.attendees : [];
  return attendees.flatMap((a) => (isObject(a) && isObject(a.emailAddress) && typeof a.emailAddress.address === 'string' ? [a.emailAddress.address.toLowerCase()] : []));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDateTime(value: unknown): value is { dateTime: string; timeZone?: string } {
  return isObject(value) && typeof value.dateTime === 'string' && !Number.isNaN(Date.parse(`${value.dateTime}Z`));
}

/** Graph's `dateTime` in UTC carries no zone suffix. */
function utc(dateTime: string): Date {
  return new Date(dateTime.endsWith('Z') ? dateTime : `${dateTime}Z`);
}

function graphTime(instant: Date): { dateTime: string; timeZone: 'UTC' } {
  return { dateTime: `${instant.toISOString().slice(0, 19)}.0000000`, timeZone: 'UTC' };
}

function notAllowed(): Reply {
  return { status: 405, error: { code: 'Request_BadRequest', message: 'The method is not allowed here.' } };
}

function badRequest(message: string): Reply {
  return { status: 400, error: { code: 'ErrorInvalidRequest', message } };
}

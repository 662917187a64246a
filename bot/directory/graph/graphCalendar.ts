import type { TokenCredential } from '@azure/identity';
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { Calendar, CreatedEvent } from '../../calendar/calendar';
import type { EventBody, GetScheduleBody } from '../../calendar/calendarRequests';
import type { GraphScheduleInformation } from '../../calendar/commonSlots';
import { createGraphClient } from './graphClient';
import type { RetryPolicy } from './retryAfterHandler';

/**
 * The program's calendar work in Microsoft Graph: free/busy (`getSchedule`, application permission
 * Calendars.ReadBasic) and events in the organiser's mailbox (Calendars.ReadWrite, limited by an application access
 * policy to that one mailbox). Request bodies come from the pure builders in `program/year/calendarRequests.ts`;
 * this module only sends them and reads Graph's answers.
 *
 * Throttling (429) and 503/504 are retried inside the Graph client after Retry-After. People wait on these calls (a
 * card is being answered), so the client given here should use a short retry policy (`CALENDAR_RETRY`): a longer
 * Retry-After ends the call with an error the stage turns into "try again in a minute".
 */
export const CALENDAR_RETRY: Partial<RetryPolicy> = { maxRetries: 2, maxDelayMs: 5_000 };

/** The calendar for a configured Graph (base URL with its version), with the short retry policy. */
export function createGraphCalendar(baseUrl: string, credential: TokenCredential, retry: Partial<RetryPolicy> = {}): Calendar {
  return new GraphCalendar(createGraphClient({ baseUrl, credential, retry: { ...CALENDAR_RETRY, ...retry } }));
}

export class GraphCalendar implements Calendar {
  constructor(private readonly client: Client) {}

  async getSchedule(callerId: string, body: GetScheduleBody): Promise<GraphScheduleInformation[]> {
    const answer: unknown = await this.client.api(`${userPath(callerId)}/calendar/getSchedule`).post(body);
    if (!isObject(answer) || !Array.isArray(answer.value)) throw new Error('Graph answered getSchedule without a value array.');
    return answer.value.filter(isObject);
  }

  async createEvent(organiserId: string, body: EventBody): Promise<CreatedEvent> {
    const answer: unknown = await this.client.api(`${userPath(organiserId)}/events`).post(body);
    if (!isObject(answer) || typeof answer.id !== 'string' || answer.id === '') throw new Error('Graph answered an event creation without an id.');
    const onlineMeeting = isObject(answer.onlineMeeting) ? answer.onlineMeeting : undefined;
    return {
      id: answer.id,
      ...(typeof onlineMeeting?.joinUrl === 'string' ? { joinUrl: onlineMeeting.joinUrl } : {}),
      ...(typeof answer.webLink === 'string' ? { webLink: answer.webLink } : {}),
    };
  }

  async updateEvent(organiserId: string, eventId: string, body: Partial<EventBody>): Promise<void> {
    // transactionId belongs to a creation (Graph drops a repeated one); an update leaves it out.
    const changes = { ...body };
    delete changes.transactionId;
    await this.client.api(`${userPath(organiserId)}/events/${encodeURIComponent(eventId)}`).patch(changes);
  }

  async cancelEvent(organiserId: string, eventId: string, comment: string): Promise<void> {
    try {
      await this.client.api(`${userPath(organiserId)}/events/${encodeURIComponent(eventId)}/cancel`).post({ comment });
    } catch (error) {
      // Already deleted or cancelled: what was asked is true.
      if (error instanceof GraphError && error.statusCode === 404) return;
      throw error;
    }
  }
}

function userPath(userId: string): string {
  if (userId.trim() === '') throw new RangeError('A Graph user id is required.');
  return `/users/${encodeURIComponent(userId)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

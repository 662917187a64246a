import type { EventBody, GetScheduleBody } from './calendarRequests';
import type { GraphScheduleInformation } from './commonSlots';

/**
 * Calendar work in Microsoft Graph, as the program stages see it (SDK-free). The Graph implementation lives in
 * `bot/directory/graph/`; `StageParts.calendar` is undefined when Graph is not configured (local mode), and the stages
 * then ask people for the date they agreed instead. Request bodies come from the pure builders in
 * `year/calendarRequests.ts`. Failures throw; 429 and 5xx are retried inside the Graph client first.
 */
export interface CreatedEvent {
  id: string;
  /** The Teams join link, for an online meeting. */
  joinUrl?: string;
  webLink?: string;
}

export interface Calendar {
  /** `POST /users/{callerId}/calendar/getSchedule` (application permission Calendars.ReadBasic). */
  getSchedule(callerId: string, body: GetScheduleBody): Promise<GraphScheduleInformation[]>;
  /** `POST /users/{organiserId}/events` (Calendars.ReadWrite, limited to the organiser's mailbox). */
  createEvent(organiserId: string, body: EventBody): Promise<CreatedEvent>;
  /** `PATCH /users/{organiserId}/events/{id}`: move or change an event (attendees are told by Exchange). */
  updateEvent(organiserId: string, eventId: string, body: Partial<EventBody>): Promise<void>;
  /** `POST /users/{organiserId}/events/{id}/cancel` with a comment; an event already gone is not an error. */
  cancelEvent(organiserId: string, eventId: string, comment: string): Promise<void>;
}

import { z } from 'zod';
import { endpoint, returns } from '../../contract/endpoint';
import { fields } from '../../contract/fields';

/** The ice breaker's wire contract (SDK-free; the tab compiles it). The taskforce's routes, and a participant's own. */

export type RsvpAnswer = 'yes' | 'no' | 'maybe';
export type InviteeRoleJson = 'mentor' | 'executive' | 'alumnus';

export interface IceBreakerJson {
  date: string;
  time: string;
  durationMinutes: number;
  place: string;
  /** The link the taskforce pasted, or empty. */
  link: string;
  /** The Teams link of the event in the organiser's calendar (with Microsoft Graph), or null. */
  joinUrl: string | null;
  alumniIds: string[];
  /** Bumped each time the date, time, length, place or link changes. */
  revision: number;
  cancelled: boolean;
  /** Whether the event is in the organiser's calendar (Microsoft Graph). */
  inCalendar: boolean;
}

export interface IceBreakerInvitee {
  personId: string;
  name: string;
  role: InviteeRoleJson;
  rsvp: RsvpAnswer | null;
}

export interface CohortIceBreaker {
  cohortId: string;
  cohortName: string;
  /** The ice breaker comes before this day (one-on-ones start). */
  yearStartsOn: string;
  iceBreaker: IceBreakerJson | null;
  /** Sent back as `If-Match` by a change (`none` before the first). */
  etag: string;
  /** Executives paired in an earlier cohort, most recent first. */
  candidates: { personId: string; name: string; cohortNames: string[] }[];
  invitees: IceBreakerInvitee[];
  counts: Record<RsvpAnswer | 'waiting', number>;
  /** Whether Microsoft Graph is configured: the event then goes into the organiser's calendar as a Teams meeting. */
  calendarConnected: boolean;
}

export interface MyIceBreaker {
  cohortId: string;
  cohortName: string;
  role: InviteeRoleJson;
  date: string;
  time: string;
  place: string;
  link: string;
  rsvp: RsvpAnswer | null;
}

export const iceBreakerFields = fields({
  date: z.string({ required_error: 'Please give the date of the session.', invalid_type_error: 'Please give the date of the session.' }),
  time: z.string({ required_error: 'Please give the start time as HH:MM, for example 12:30.', invalid_type_error: 'Please give the start time as HH:MM, for example 12:30.' }),
  duration: z.union([z.number(), z.string()]).optional(),
  place: z.string({ invalid_type_error: 'The place must be text.' }).optional(),
  link: z.string({ invalid_type_error: 'The meeting link must be text.' }).optional(),
  alumniIds: z
    .array(z.string({ invalid_type_error: 'Please choose alumni from the list.' }), { invalid_type_error: 'Please choose alumni from the list.' })
    .max(50, 'Please choose alumni from the list.')
    .optional(),
});

export type IceBreakerInput = z.input<typeof iceBreakerFields>;

const path = '/api/cohorts/:cohortId/icebreaker';

export const getIceBreaker = endpoint({ method: 'get', path, response: returns<CohortIceBreaker>() });

/** Schedules or changes the ice breaker; invitations go to everyone new to it, or to everyone when it moved. */
export const scheduleIceBreaker = endpoint({ method: 'put', path, body: iceBreakerFields, ifMatch: true, response: returns<CohortIceBreaker>() });

/** Cancels it: everyone invited is told, the reminder is dropped, the calendar event is cancelled. */
export const cancelIceBreaker = endpoint({ method: 'post', path: `${path}/cancel`, ifMatch: true, response: returns<CohortIceBreaker>() });

export const getMyIceBreakers = endpoint({ method: 'get', path: '/api/me/icebreakers', response: returns<{ iceBreakers: MyIceBreaker[] }>() });

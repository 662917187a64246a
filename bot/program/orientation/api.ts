import { z } from 'zod';
import type { BatchStatus } from '../../contract/batch';
import { endpoint, returns } from '../../contract/endpoint';
import { fields, text, yesNo } from '../../contract/fields';

/** The orientations' wire contract (SDK-free; the tab compiles it). The taskforce's routes, and a participant's own. */

export type OrientationRole = 'mentor' | 'executive';

export interface OrientationTextJson {
  role: OrientationRole;
  title: string;
  /** Safe markdown (bot/contract/markdown.ts). */
  body: string;
  version: number;
  /** Whether people who acknowledged an earlier version were asked again. */
  material: boolean;
  editedAt: string;
  editedBy: string;
  /** Sent back as `If-Match` by an edit (`v<version>`). */
  etag: string;
}

/** An orientation session as the taskforce set it. */
export interface SessionJson {
  date: string;
  time: string;
  durationMinutes: number;
  place: string;
  link: string;
}

export interface OrientationPerson {
  personId: string;
  name: string;
  role: OrientationRole;
  /** The version they acknowledged, or null. */
  acknowledgedVersion: number | null;
  acknowledgedAt: string | null;
  /** No acknowledgement, or one older than the latest material edit. */
  needsAcknowledgement: boolean;
}

export interface CohortOrientation {
  cohortId: string;
  cohortName: string;
  texts: Record<OrientationRole, OrientationTextJson>;
  sessions: { mentor: SessionJson | null; executive: SessionJson | null };
  /** Sent back as `If-Match` when setting the sessions. */
  sessionsEtag: string;
  /** The first day of the program year: sessions come before it. */
  yearStartsOn: string;
  people: OrientationPerson[];
  counts: Record<OrientationRole, { total: number; acknowledged: number }>;
  /** The latest reminder, for its progress. */
  reminder: BatchStatus | null;
}

/** A participant's own orientation (My mentoring). */
export interface MyOrientation {
  cohortId: string;
  cohortName: string;
  role: OrientationRole;
  title: string;
  version: number;
  acknowledgedVersion: number | null;
  needsAcknowledgement: boolean;
  session: SessionJson | null;
}

export const orientationTextFields = fields({
  title: text('The title', 100),
  body: z.string({ required_error: 'Please write the orientation text.', invalid_type_error: 'Please write the orientation text.' }),
  material: yesNo('Say whether people must read it again (true or false).').optional(),
});

/** A session as the form sends it; the service checks dates against the program's (orientationRules). */
const sessionInput = z
  .object(
    {
      date: z.string({ invalid_type_error: 'Please give the date of the session.' }),
      time: z.string({ invalid_type_error: 'Please give the start time as HH:MM, for example 12:30.' }),
      duration: z.union([z.number(), z.string()]).optional(),
      place: z.string({ invalid_type_error: 'The place must be text.' }).optional(),
      link: z.string({ invalid_type_error: 'The meeting link must be text.' }).optional(),
    },
    { invalid_type_error: 'Please give each session as a form.' },
  )
  .nullable()
  .optional();

export const sessionsFields = fields({ mentor: sessionInput, executive: sessionInput });

export type OrientationTextInput = z.input<typeof orientationTextFields>;
export type SessionsInput = z.input<typeof sessionsFields>;

const orientation = '/api/cohorts/:cohortId/orientation';

export const getOrientation = endpoint({ method: 'get', path: orientation, response: returns<CohortOrientation>() });

export const updateOrientationText = endpoint({
  method: 'put',
  path: `${orientation}/texts/:role`,
  body: orientationTextFields,
  ifMatch: true,
  response: returns<OrientationTextJson>(),
});

/** A session left out or null is not set (yet). */
export const updateOrientationSessions = endpoint({
  method: 'put',
  path: `${orientation}/sessions`,
  body: sessionsFields,
  ifMatch: true,
  response: returns<CohortOrientation>(),
});

/** Answers 202: the current card again to everyone who still has to acknowledge. 409 when nobody has. */
export const remindOrientation = endpoint({ method: 'post', path: `${orientation}/reminders`, response: returns<{ reminder: BatchStatus }>() });

export const getMyOrientations = endpoint({ method: 'get', path: '/api/me/orientations', response: returns<{ orientations: MyOrientation[] }>() });

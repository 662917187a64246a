import { checkText } from '../text/plainText';
import { markdownProblems } from '../text/markdownSafe';
import type { Role } from '../year/agendaRules';
import type { IsoDate } from '../../calendar/calendarTime';
import { readEventDetails, type Deadline, type EventDetails, type EventErrors } from '../year/eventDetails';
import { DEFAULT_ORIENTATIONS, type OrientationText } from './orientationDefaults';

/**
 * Orientation texts, their versions and acknowledgements, and the orientation sessions. Pure: no SDK, no I/O.
 *
 * Versions: every cohort starts at version 1 of each role's text. An edit that changes the title or the body makes
 * version n+1 (an identical save makes none); every version is kept, so what a person acknowledged can always be shown
 * to them as they saw it. The taskforce marks an edit as **material** when it changes what people agree to; only then
 * are people asked again. A typo fix keeps everyone's acknowledgement as it was (of the version they saw), and people
 * who acknowledge later acknowledge the current version. So: a person needs to acknowledge when they have no
 * acknowledgement, or theirs is of a version older than the latest material one (the "floor").
 *
 * Sessions: one for mentors and one for executives, separate, each before the ice breaker and before the year starts.
 */
export const ORIENTATION_LIMITS = { title: 100, body: 6000 } as const;

export interface OrientationVersion extends OrientationText {
  version: number;
  /** True when people who acknowledged an earlier version are asked again. Version 1 always is. */
  material: boolean;
  /** ISO instant. */
  editedAt: string;
  editedBy: string;
}

export interface Acknowledgement {
  personId: string;
  role: Role;
  version: number;
  /** ISO instant. */
  acknowledgedAt: string;
}

export function firstOrientation(role: Role, at: string, by = 'default'): OrientationVersion {
  return { ...DEFAULT_ORIENTATIONS[role], version: 1, material: true, editedAt: at, editedBy: by };
}

export type OrientationEdit = { ok: true; next?: OrientationVersion } | { ok: false; errors: string[] };

/** Reads an edit `{ baseVersion, title, body, material }`; `next` is absent when nothing changed. */
export function readOrientationEdit(raw: unknown, current: OrientationVersion, context: { at: string; by: string }): OrientationEdit {
  if (typeof raw !== 'object' || raw === null) return { ok: false, errors: ['Send the orientation as a form.'] };
  const edit = raw as Record<string, unknown>;
  if (edit.baseVersion !== current.version) {
    return { ok: false, errors: ['Someone saved this orientation while you were editing. Reload to see their changes, then edit again.'] };
  }
  const errors: string[] = [];
  const title = checkText(edit.title, { label: 'The title', max: ORIENTATION_LIMITS.title, required: true });
  if (!title.ok) errors.push(title.error);
  errors.push(...markdownProblems(edit.body, 'The text', ORIENTATION_LIMITS.body));
  if (edit.material !== undefined && typeof edit.material !== 'boolean') errors.push('Please say whether people must read it again.');
  if (errors.length > 0 || !title.ok) return { ok: false, errors };
  const body = (edit.body as string).trim();
  if (title.value === current.title && body === current.body) return { ok: true };
  return {
    ok: true,
    next: { role: current.role, title: title.value, body, version: current.version + 1, material: edit.material === true, editedAt: context.at, editedBy: context.by },
  };
}

/** The oldest version an acknowledgement may be of: the latest material version. */
export function acknowledgementFloor(history: readonly Pick<OrientationVersion, 'version' | 'material'>[]): number {
  return Math.max(1, ...history.filter((v) => v.material).map((v) => v.version));
}

export function needsAcknowledgement(acknowledgedVersion: number | undefined, floor: number): boolean {
  return acknowledgedVersion === undefined || acknowledgedVersion < floor;
}

export type AcknowledgementCheck = { ok: true; acknowledgement: Acknowledgement; changed: boolean } | { ok: false; reason: 'unknownVersion' | 'superseded'; message: string };

/**
 * Records that a person acknowledged the version shown on their card. A second click changes nothing; a card showing a
 * version older than the floor is stale (the text changed materially), and the caller shows the current one.
 */
export function readAcknowledgement(
  shownVersion: unknown,
  context: { personId: string; role: Role; history: readonly OrientationVersion[]; existing?: Acknowledgement; at: string },
): AcknowledgementCheck {
  const version = typeof shownVersion === 'string' ? Number(shownVersion) : shownVersion;
  if (typeof version !== 'number' || !context.history.some((v) => v.version === version)) {
    return { ok: false, reason: 'unknownVersion', message: 'This orientation is no longer available. Here is the current one.' };
  }
  if (version < acknowledgementFloor(context.history)) {
    return { ok: false, reason: 'superseded', message: 'The orientation has changed since this card was sent. Here is the current version.' };
  }
  if (context.existing && context.existing.version >= version) return { ok: true, acknowledgement: context.existing, changed: false };
  return { ok: true, changed: true, acknowledgement: { personId: context.personId, role: context.role, version, acknowledgedAt: context.at } };
}

/** Who still has to acknowledge (for the taskforce's list and its one-click reminder), in the order given. */
export function stillToAcknowledge(
  people: readonly { personId: string; role: Role }[],
  acknowledgements: ReadonlyMap<string, Pick<Acknowledgement, 'version'>>,
  floors: Readonly<Record<Role, number>>,
): { personId: string; role: Role }[] {
  return people.filter((p) => needsAcknowledgement(acknowledgements.get(p.personId)?.version, floors[p.role]));
}

export type SessionsCheck = { ok: true; sessions: Partial<Record<Role, EventDetails>> } | { ok: false; errors: Partial<Record<Role, EventErrors>> & { form?: string } };

/**
 * Reads the two orientation sessions `{ mentor?, executive? }` (each: date, time, duration, place, link). Either may be
 * left out to set it later. Both come before the ice breaker (when it is set) and before the year starts; mentors and
 * executives have separate sessions, so the two cannot be the same time at the same place.
 */
export function readOrientationSessions(raw: { mentor?: unknown; executive?: unknown }, context: { today: IsoDate; yearStartsOn: IsoDate; iceBreakerOn?: IsoDate }): SessionsCheck {
  const before: Deadline[] = [
    ...(context.iceBreakerOn ? [{ date: context.iceBreakerOn, name: 'the ice breaker' }] : []),
    { date: context.yearStartsOn, name: 'the start of the year' },
  ];
  const sessions: Partial<Record<Role, EventDetails>> = {};
  const errors: Partial<Record<Role, EventErrors>> & { form?: string } = {};
  for (const role of ['mentor', 'executive'] as const) {
    const input = raw[role];
    if (input === undefined || input === null) continue;
    if (typeof input !== 'object') {
      errors[role] = { date: 'Please give the session as a form.' };
      continue;
    }
    const check = readEventDetails(input as Record<string, unknown>, { today: context.today, before, defaultMinutes: 60 });
    if (check.ok) sessions[role] = check.details;
    else errors[role] = check.errors;
  }
  const { mentor, executive } = sessions;
  if (mentor && executive && mentor.date === executive.date && mentor.time === executive.time && mentor.place === executive.place && mentor.link === executive.link) {
    errors.form = 'Mentors and executives have separate orientation sessions. Please give them different times or places.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, sessions };
}

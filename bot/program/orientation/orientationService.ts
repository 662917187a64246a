import type { BatchStatus } from '../../contract/batch';
import type { Actor, CardActionResult } from '../../conversation/feature';
import type { CardJson } from '../../cards/expandCard';
import { AppError } from '../../errors';
import type { OutgoingCard } from '../../messaging/messenger';
import { ConflictError } from '../../storage/storageErrors';
import { noticeCard } from '../applications/applicationCards';
import { participants, type CohortDirectory, type CohortMembers } from '../year/cohortMembers';
import type { StageParts } from '../programStage';
import type { Role } from '../year/agendaRules';
import type { IsoDate } from '../../calendar/calendarTime';
import type { EventDetails, EventErrors } from '../year/eventDetails';
import type { CohortOrientation, MyOrientation, OrientationRole, OrientationTextJson, SessionJson, SessionsInput } from './api';
import { orientationCard } from './orientationCards';
import {
  acknowledgementFloor,
  firstOrientation,
  needsAcknowledgement,
  readAcknowledgement,
  readOrientationEdit,
  readOrientationSessions,
  type OrientationVersion,
} from './orientationRules';
import type { OrientationStore, Sessions } from './orientationStore';

const ROLES: readonly Role[] = ['mentor', 'executive'];
/** Reminders closer together than this are one reminder. */
const REMINDER_GAP_MS = 5 * 60_000;
const NOT_IN_COHORT = { title: 'This orientation is not for you', lines: ['It is for the mentors and executives of this cohort. Nothing was recorded.'] };
const CHANGED_MEANWHILE = 'Someone saved this orientation while you were editing. Reload to see their changes, then edit again.';

/** A cohort's texts: every version, the current one of each role, and the version an acknowledgement must reach. */
interface Texts {
  history: OrientationVersion[];
  current: Record<Role, OrientationVersion>;
  floors: Record<Role, number>;
}

/**
 * Orientations: one text per role and cohort (versioned), the two sessions, each person's acknowledgement, the cards
 * that carry them and the taskforce's reminders. Pure rules in orientationRules.ts.
 */
export class OrientationService {
  constructor(
    private readonly parts: StageParts,
    private readonly store: OrientationStore,
    private readonly cohorts: CohortDirectory,
    /** The ice breaker's day, when set: sessions come before it. */
    private readonly iceBreakerOn: (cohortId: string) => Promise<IsoDate | undefined>,
  ) {}

  /** After pairs are confirmed: version 1 of both texts, then each person's card (one send batch; idempotent). */
  async sendOrientations(cohortId: string): Promise<BatchStatus | undefined> {
    const members = await this.cohorts.members(cohortId);
    if (!members) return undefined;
    const texts = await this.texts(cohortId);
    const sessions = (await this.store.sessions(cohortId)).sessions;
    const acks = await this.store.acknowledgements(cohortId);
    return this.parts.batches.start({
      key: `cohort.${cohortId}.orientation`,
      label: `Orientations for ${members.cohort.name}`,
      recipients: participants(members.pairs).map((p) => ({ personId: p.personId, message: this.outgoing(members, p.personId, p.role, texts, sessions, acks.get(p.personId)) })),
    });
  }

  /** The card as it stands now for the person who clicked (a refresh, or a stale card). */
  async view(actor: Actor, data: Readonly<Record<string, unknown>>, notice?: string): Promise<CardActionResult> {
    const found = await this.memberOf(actor, data.cohortId);
    if (!found) return { card: noticeCard(NOT_IN_COHORT) };
    const { members, role } = found;
    const texts = await this.texts(members.cohort.id);
    const [sessions, ack] = await Promise.all([this.store.sessions(members.cohort.id), this.store.acknowledgement(members.cohort.id, actor.id)]);
    return { card: this.card(members, actor.id, role, texts, sessions.sessions, ack, notice) };
  }

  /** "I've read this": records the version on the card; a repeat changes nothing; a card made stale shows the current text. */
  async acknowledge(actor: Actor, data: Readonly<Record<string, unknown>>): Promise<CardActionResult> {
    const found = await this.memberOf(actor, data.cohortId);
    if (!found) return { card: noticeCard(NOT_IN_COHORT) };
    const cohortId = found.members.cohort.id;
    const texts = await this.texts(cohortId);
    const existing = await this.store.acknowledgement(cohortId, actor.id);
    const check = readAcknowledgement(data.version, {
      personId: actor.id,
      role: found.role,
      history: texts.history.filter((v) => v.role === found.role),
      existing,
      at: this.parts.clock().toISOString(),
    });
    if (!check.ok) return this.view(actor, data, check.message);
    if (check.changed) await this.store.acknowledge(cohortId, check.acknowledgement);
    return this.view(actor, data);
  }

  /** The person's latest cohort, for the `orientation` command. */
  async latestCohortOf(personId: string): Promise<string | undefined> {
    const mine = await this.cohorts.pairs.ofPerson(personId);
    return mine.map((p) => p.cohortId).at(-1);
  }

  async forTaskforce(cohortId: string): Promise<CohortOrientation> {
    const members = await this.cohorts.required(cohortId);
    const [texts, sessions, acks, reminder] = await Promise.all([
      this.texts(cohortId),
      this.store.sessions(cohortId),
      this.store.acknowledgements(cohortId),
      this.store.lastReminder(cohortId),
    ]);
    const people = participants(members.pairs).map((p) => {
      const ack = acks.get(p.personId);
      return {
        personId: p.personId,
        name: this.cohorts.nameOf(p.personId, p.name),
        role: p.role,
        acknowledgedVersion: ack?.version ?? null,
        acknowledgedAt: ack?.acknowledgedAt ?? null,
        needsAcknowledgement: needsAcknowledgement(ack?.version, texts.floors[p.role]),
      };
    });
    const count = (role: Role) => ({ total: people.filter((p) => p.role === role).length, acknowledged: people.filter((p) => p.role === role && !p.needsAcknowledgement).length });
    return {
      cohortId,
      cohortName: members.cohort.name,
      texts: { mentor: textJson(texts.current.mentor), executive: textJson(texts.current.executive) },
      sessions: { mentor: sessionJson(sessions.sessions.mentor), executive: sessionJson(sessions.sessions.executive) },
      sessionsEtag: sessions.etag,
      yearStartsOn: members.yearStartsOn,
      people: people.sort((a, b) => Number(b.needsAcknowledgement) - Number(a.needsAcknowledgement) || a.role.localeCompare(b.role) || a.name.localeCompare(b.name)),
      counts: { mentor: count('mentor'), executive: count('executive') },
      reminder: reminder ? ((await this.parts.batches.status(reminder.batchKey)) ?? null) : null,
    };
  }

  async editText(cohortId: string, role: OrientationRole, input: { title: string; body: string; material?: boolean }, ifMatch: string, by: string): Promise<OrientationTextJson> {
    await this.cohorts.required(cohortId);
    const texts = await this.texts(cohortId);
    const current = texts.current[role];
    if (ifMatch !== versionTag(current.version)) throw new AppError('Conflict', CHANGED_MEANWHILE);
    const edit = readOrientationEdit({ ...input, baseVersion: current.version }, current, { at: this.parts.clock().toISOString(), by });
    if (!edit.ok) throw new AppError('BadRequest', edit.errors.join(' '));
    if (!edit.next) return textJson(current);
    try {
      await this.store.addVersion(cohortId, edit.next);
    } catch (error) {
      if (error instanceof ConflictError) throw new AppError('Conflict', CHANGED_MEANWHILE);
      throw error;
    }
    return textJson(edit.next);
  }

  async setSessions(cohortId: string, input: SessionsInput, ifMatch: string): Promise<CohortOrientation> {
    const members = await this.cohorts.required(cohortId);
    const check = readOrientationSessions(
      { mentor: input.mentor ?? undefined, executive: input.executive ?? undefined },
      { today: this.cohorts.today(), yearStartsOn: members.yearStartsOn, iceBreakerOn: await this.iceBreakerOn(cohortId) },
    );
    if (!check.ok) throw new AppError('BadRequest', sessionProblems(check.errors));
    try {
      await this.store.setSessions(cohortId, check.sessions, ifMatch);
    } catch (error) {
      if (error instanceof ConflictError) throw new AppError('Conflict', 'Someone changed the sessions meanwhile. Please reload them.');
      throw error;
    }
    return this.forTaskforce(cohortId);
  }

  /**
   * Sends the current card again to everyone who has not acknowledged. A second click within a few minutes (a double
   * click, two taskforce members at once) answers the reminder already sent instead of sending another.
   */
  async remind(cohortId: string): Promise<BatchStatus> {
    const members = await this.cohorts.required(cohortId);
    const now = this.parts.clock();
    const last = await this.store.lastReminder(cohortId);
    const recent = last && now.getTime() - Date.parse(last.sentAt) < REMINDER_GAP_MS ? await this.parts.batches.status(last.batchKey) : undefined;
    if (recent) return recent;
    const [texts, sessions, acks] = await Promise.all([this.texts(cohortId), this.store.sessions(cohortId), this.store.acknowledgements(cohortId)]);
    const waiting = participants(members.pairs).filter((p) => needsAcknowledgement(acks.get(p.personId)?.version, texts.floors[p.role]));
    if (waiting.length === 0) throw new AppError('Conflict', 'Everyone has acknowledged their orientation: there is nobody to remind.');
    const key = `cohort.${cohortId}.orientation.reminder.${now.toISOString().slice(0, 16).replace(/[-:T]/g, '')}`;
    // Recorded first, so a click arriving while this one sends finds it.
    await this.store.setLastReminder(cohortId, key, now.toISOString());
    const notice = 'A reminder from the taskforce: please read your orientation and confirm with the button below.';
    return this.parts.batches.start({
      key,
      label: `Orientation reminder for ${members.cohort.name}`,
      recipients: waiting.map((p) => ({ personId: p.personId, message: this.outgoing(members, p.personId, p.role, texts, sessions.sessions, acks.get(p.personId), notice) })),
    });
  }

  async mine(personId: string): Promise<MyOrientation[]> {
    const orientations: MyOrientation[] = [];
    for (const pair of await this.cohorts.pairs.ofPerson(personId)) {
      const members = await this.cohorts.members(pair.cohortId);
      if (!members) continue;
      const texts = await this.texts(pair.cohortId);
      const [sessions, ack] = await Promise.all([this.store.sessions(pair.cohortId), this.store.acknowledgement(pair.cohortId, personId)]);
      const text = texts.current[pair.role];
      orientations.push({
        cohortId: pair.cohortId,
        cohortName: members.cohort.name,
        role: pair.role,
        title: text.title,
        version: text.version,
        acknowledgedVersion: ack?.version ?? null,
        needsAcknowledgement: needsAcknowledgement(ack?.version, texts.floors[pair.role]),
        session: sessionJson(sessions.sessions[pair.role]),
      });
    }
    return orientations;
  }

  private async memberOf(actor: Actor, cohortId: unknown): Promise<{ members: CohortMembers; role: Role } | undefined> {
    if (typeof cohortId !== 'string') return undefined;
    const members = await this.cohorts.members(cohortId);
    const me = members && participants(members.pairs).find((p) => p.personId === actor.id);
    return members && me ? { members, role: me.role } : undefined;
  }

  /** Every version of both texts; version 1 of a role is written from the defaults the first time it is needed. */
  private async texts(cohortId: string): Promise<Texts> {
    let history = await this.store.history(cohortId);
    const missing = ROLES.filter((role) => !history.some((v) => v.role === role));
    if (missing.length > 0) {
      for (const role of missing) {
        await this.store.addVersion(cohortId, firstOrientation(role, this.parts.clock().toISOString())).catch((error: unknown) => {
          if (!(error instanceof ConflictError)) throw error; // written meanwhile by another reader
        });
      }
      history = await this.store.history(cohortId);
    }
    const of = (role: Role) => history.filter((v) => v.role === role);
    const latest = (role: Role) => of(role).reduce((a, b) => (b.version > a.version ? b : a));
    return {
      history,
      current: { mentor: latest('mentor'), executive: latest('executive') },
      floors: { mentor: acknowledgementFloor(of('mentor')), executive: acknowledgementFloor(of('executive')) },
    };
  }

  private card(members: CohortMembers, personId: string, role: Role, texts: Texts, sessions: Sessions, ack: OrientationAckLike, notice?: string): CardJson {
    return orientationCard({
      cohortId: members.cohort.id,
      cohortName: members.cohort.name,
      personId,
      text: texts.current[role],
      session: sessions[role],
      acknowledgement: ack,
      needsAcknowledgement: needsAcknowledgement(ack?.version, texts.floors[role]),
      notice,
      timeZone: this.parts.config.program.calendar.timeZone,
    });
  }

  private outgoing(members: CohortMembers, personId: string, role: Role, texts: Texts, sessions: Sessions, ack: OrientationAckLike, notice?: string): OutgoingCard {
    return { card: this.card(members, personId, role, texts, sessions, ack, notice), summary: texts.current[role].title };
  }
}

type OrientationAckLike = Parameters<typeof orientationCard>[0]['acknowledgement'];

export function versionTag(version: number): string {
  return `v${version}`;
}

function textJson(v: OrientationVersion): OrientationTextJson {
  return { role: v.role, title: v.title, body: v.body, version: v.version, material: v.material, editedAt: v.editedAt, editedBy: v.editedBy, etag: versionTag(v.version) };
}

function sessionJson(session: EventDetails | undefined): SessionJson | null {
  return session ? { date: session.date, time: session.time, durationMinutes: session.durationMinutes, place: session.place, link: session.link } : null;
}

/** The rules' field errors as sentences, each naming whose session it is about. */
function sessionProblems(errors: Partial<Record<Role, EventErrors>> & { form?: string }): string {
  const whose: Record<Role, string> = { mentor: "Mentors' session", executive: "Executives' session" };
  const lines = ROLES.flatMap((role) => Object.values(errors[role] ?? {}).map((message) => `${whose[role]}: ${message}`));
  return [...lines, ...(errors.form ? [errors.form] : [])].join(' ');
}

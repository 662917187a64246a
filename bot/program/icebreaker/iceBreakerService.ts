import { createHash } from 'node:crypto';
import type { Actor, CardActionResult } from '../../conversation/feature';
import { AppError } from '../../errors';
import { ConflictError } from '../../storage/storageErrors';
import { noticeCard } from '../applications/applicationCards';
import type { Calendar } from '../../calendar/calendar';
import { participants, type CohortDirectory, type CohortMembers } from '../year/cohortMembers';
import type { StageParts } from '../programStage';
import { readableDay, zonedInstant } from '../../calendar/calendarTime';
import type { CohortIceBreaker, IceBreakerInput, IceBreakerJson, MyIceBreaker } from './api';
import { IceBreakerCalendar } from './iceBreakerCalendar';
import { invitationCard } from './iceBreakerCards';
import { NOT_SCHEDULED, type IceBreakerStore, type StoredIceBreaker } from './iceBreakerStore';
import { alumniCandidates, invitees, readIceBreaker, readRsvp, reminderJob, reminderRecipients, type Invitee, type Rsvp } from './icebreakerRules';

export const REMINDER_KIND = 'icebreaker.reminder';
const FOR_SOMEONE_ELSE = {
  title: 'This invitation is for someone else',
  lines: ['It is for the mentors and executives of this cohort and the alumni the taskforce invited. Nothing was recorded.'],
};
const CHANGED_MEANWHILE = 'Someone changed the ice breaker meanwhile. Please reload it.';

/**
 * The ice breaker of a cohort: scheduled by the taskforce before one-on-ones start, invitations with RSVP to the cohort
 * and the chosen alumni, a reminder the working day before (a scheduler job), and, with Microsoft Graph, a Teams meeting
 * in the organiser's calendar kept in step. Pure rules in icebreakerRules.ts.
 */
export class IceBreakerService {
  private readonly graph?: IceBreakerCalendar;

  constructor(
    private readonly parts: StageParts,
    private readonly store: IceBreakerStore,
    private readonly cohorts: CohortDirectory,
    calendar: Calendar | undefined = parts.calendar,
    organiser: string | undefined = parts.config.graph?.calendarOrganiser,
  ) {
    this.graph = calendar && organiser ? new IceBreakerCalendar(calendar, organiser, parts) : undefined;
  }

  async forTaskforce(cohortId: string): Promise<CohortIceBreaker> {
    const members = await this.cohorts.required(cohortId);
    const [event, answers, candidates] = await Promise.all([this.store.get(cohortId), this.store.answers(cohortId), this.candidates(members)]);
    const list = event && !event.cancelled ? invitees(members.pairs, event.alumniIds) : invitees(members.pairs, []);
    const recorded = new Map(participants(members.pairs).map((p) => [p.personId, p.name]));
    const people = list.map((i) => ({
      personId: i.personId,
      name: this.cohorts.nameOf(i.personId, recorded.get(i.personId)),
      role: i.role,
      rsvp: answers.get(i.personId) ?? null,
    }));
    const count = (answer: Rsvp | null) => people.filter((p) => p.rsvp === answer).length;
    const cohortNames = new Map((await this.cohorts.cohorts.list()).map((c) => [c.id, c.name]));
    return {
      cohortId,
      cohortName: members.cohort.name,
      yearStartsOn: members.yearStartsOn,
      iceBreaker: event ? eventJson(event) : null,
      etag: event?.etag ?? NOT_SCHEDULED,
      candidates: candidates.map((c) => ({ personId: c.executiveId, name: this.cohorts.nameOf(c.executiveId), cohortNames: c.cohortIds.map((id) => cohortNames.get(id) ?? id) })),
      invitees: people,
      counts: { yes: count('yes'), no: count('no'), maybe: count('maybe'), waiting: count(null) },
      calendarConnected: this.graph !== undefined,
    };
  }

  /**
   * Schedules or changes the ice breaker over the version read. A new event or one that moved invites everyone again
   * and replaces the reminder; otherwise only people new to it (alumni just chosen) are invited.
   */
  async schedule(cohortId: string, input: IceBreakerInput, ifMatch: string, by: string): Promise<CohortIceBreaker> {
    const members = await this.cohorts.required(cohortId);
    const current = await this.store.get(cohortId);
    if (ifMatch !== (current?.etag ?? NOT_SCHEDULED)) throw new AppError('Conflict', CHANGED_MEANWHILE);
    const live = current && !current.cancelled ? current : undefined;
    const check = readIceBreaker(
      { ...input, alumniIds: input.alumniIds ?? [] },
      { cohortId, today: this.cohorts.today(), yearStartsOn: members.yearStartsOn, candidates: await this.candidates(members), current: live },
    );
    if (!check.ok) throw new AppError('BadRequest', Object.values(check.errors).join(' '));
    const fresh = !live;
    const revision = fresh ? (current?.revision ?? 0) + 1 : check.iceBreaker.revision;
    const reinvite = fresh || check.moved;
    const everyone = invitees(members.pairs, check.iceBreaker.alumniIds);
    const newcomers = reinvite ? everyone : everyone.filter((i) => !live.invited.includes(i.personId));
    const next: Omit<StoredIceBreaker, 'etag'> = {
      ...check.iceBreaker,
      revision,
      cancelled: false,
      invited: reinvite ? everyone.map((i) => i.personId) : [...live.invited, ...newcomers.map((i) => i.personId)],
      ...(live?.calendarEventId ? { calendarEventId: live.calendarEventId, joinUrl: live.joinUrl } : {}),
      updatedAt: this.parts.clock().toISOString(),
      updatedBy: by,
    };
    // The calendar first: when Graph refuses, nothing is stored and nobody is told.
    const inCalendar = this.graph ? await this.graph.save(next, members, everyone) : {};
    const saved = await this.write({ ...next, ...inCalendar }, ifMatch);
    if (reinvite) {
      if (live) await this.parts.scheduler.cancel(REMINDER_KIND, reminderJob(live, this.parts.config.program.calendar).key);
      const job = reminderJob(saved, this.parts.config.program.calendar);
      await this.parts.scheduler.schedule(REMINDER_KIND, job.key, new Date(job.dueAt), job.payload);
    }
    if (newcomers.length > 0) {
      const notice = live && check.moved ? `The ice breaker has moved to ${readableDay(saved.date)} at ${saved.time}. Please answer again if your plans changed.` : undefined;
      const key = `cohort.${cohortId}.icebreaker.r${revision}${reinvite ? '' : `.${digest(newcomers.map((i) => i.personId))}`}`;
      await this.send(key, `Ice breaker invitations for ${members.cohort.name}`, members, saved, newcomers, notice);
    }
    return this.forTaskforce(cohortId);
  }

  /** Cancels: the calendar event, the reminder, and a card to everyone invited. Cancelling twice changes nothing. */
  async cancel(cohortId: string, ifMatch: string, by: string): Promise<CohortIceBreaker> {
    const members = await this.cohorts.required(cohortId);
    const current = await this.store.get(cohortId);
    if (!current) throw new AppError('NotFound', 'This cohort has no ice breaker to cancel.');
    if (current.cancelled) return this.forTaskforce(cohortId);
    if (ifMatch !== current.etag) throw new AppError('Conflict', CHANGED_MEANWHILE);
    if (this.graph && current.calendarEventId) await this.graph.cancel(current.calendarEventId);
    const saved = await this.write({ ...current, cancelled: true, updatedAt: this.parts.clock().toISOString(), updatedBy: by }, ifMatch);
    await this.parts.scheduler.cancel(REMINDER_KIND, reminderJob(current, this.parts.config.program.calendar).key);
    const invited = invitees(members.pairs, current.alumniIds).filter((i) => current.invited.includes(i.personId));
    await this.send(`cohort.${cohortId}.icebreaker.cancelled.r${current.revision}`, `Ice breaker cancelled for ${members.cohort.name}`, members, saved, invited);
    return this.forTaskforce(cohortId);
  }

  /** The reminder job: to everyone invited who has not said no, if the event is still the one the job was made for. */
  async remind(payload: { cohortId: string; revision: number }): Promise<void> {
    const event = await this.store.get(payload.cohortId);
    const members = await this.cohorts.members(payload.cohortId);
    if (!event || !members || event.cancelled || event.revision !== payload.revision || this.started(event)) return;
    const answers = await this.store.answers(event.cohortId);
    const recipients = reminderRecipients(invitees(members.pairs, event.alumniIds), answers);
    const notice = `A reminder: the ice breaker is on ${readableDay(event.date)} at ${event.time}.`;
    await this.send(
      `cohort.${event.cohortId}.icebreaker.reminder.r${event.revision}`,
      `Ice breaker reminder for ${members.cohort.name}`,
      members,
      event,
      recipients,
      notice,
      answers,
    );
  }

  async view(actor: Actor, data: Readonly<Record<string, unknown>>, notice?: string): Promise<CardActionResult> {
    const found = await this.invitationOf(actor, data.cohortId);
    if (!found) return { card: noticeCard(FOR_SOMEONE_ELSE) };
    const answer = await this.store.answer(found.event.cohortId, actor.id);
    return { card: this.card(found.members, found.event, found.invitee, answer, notice) };
  }

  /** Yes / no / maybe: changeable until it starts; a card for an earlier date, a repeat or a stranger changes nothing. */
  async rsvp(actor: Actor, data: Readonly<Record<string, unknown>>): Promise<CardActionResult> {
    const found = await this.invitationOf(actor, data.cohortId);
    if (!found) return { card: noticeCard(FOR_SOMEONE_ELSE) };
    const { event, members } = found;
    if (event.cancelled) return this.view(actor, data);
    if (Number(data.revision) !== event.revision)
      return this.view(actor, data, 'The ice breaker has changed since this card was sent. Here it is as it stands; please answer for it.');
    const current = await this.store.answer(event.cohortId, actor.id);
    const check = readRsvp(data.answer, {
      personId: actor.id,
      invited: invitees(members.pairs, event.alumniIds),
      current,
      event,
      calendar: this.parts.config.program.calendar,
      now: this.parts.clock(),
    });
    if (!check.ok) return this.view(actor, data, check.message);
    if (check.changed) await this.store.setAnswer(event.cohortId, actor.id, check.answer, this.parts.clock().toISOString());
    return this.view(actor, data);
  }

  async mine(personId: string): Promise<MyIceBreaker[]> {
    const mine: MyIceBreaker[] = [];
    for (const cohort of await this.cohorts.cohorts.list()) {
      const event = await this.store.get(cohort.id);
      if (!event || event.cancelled || !event.invited.includes(personId)) continue;
      const members = await this.cohorts.members(cohort.id);
      const invitee = members && invitees(members.pairs, event.alumniIds).find((i) => i.personId === personId);
      if (!invitee) continue;
      const rsvp = (await this.store.answer(cohort.id, personId)) ?? null;
      mine.push({
        cohortId: cohort.id,
        cohortName: cohort.name,
        role: invitee.role,
        date: event.date,
        time: event.time,
        place: event.place,
        link: event.joinUrl ?? event.link,
        rsvp,
      });
    }
    return mine;
  }

  private async invitationOf(actor: Actor, cohortId: unknown): Promise<{ members: CohortMembers; event: StoredIceBreaker; invitee: Invitee } | undefined> {
    if (typeof cohortId !== 'string') return undefined;
    const [members, event] = await Promise.all([this.cohorts.members(cohortId), this.store.get(cohortId)]);
    if (!members || !event || !event.invited.includes(actor.id)) return undefined;
    const invitee = invitees(members.pairs, event.alumniIds).find((i) => i.personId === actor.id);
    // An alumnus the taskforce no longer invites still sees the cancellation-free truth: it is not for them now.
    return invitee ? { members, event, invitee } : undefined;
  }

  private card(members: CohortMembers, event: StoredIceBreaker, invitee: Invitee, answer: Rsvp | undefined, notice?: string) {
    return invitationCard({ event, cohortName: members.cohort.name, personId: invitee.personId, role: invitee.role, answer, canAnswer: !this.started(event), notice });
  }

  private async send(
    key: string,
    label: string,
    members: CohortMembers,
    event: StoredIceBreaker,
    to: readonly Invitee[],
    notice?: string,
    answers?: ReadonlyMap<string, Rsvp>,
  ): Promise<void> {
    if (to.length === 0) return;
    await this.parts.batches.start({
      key,
      label,
      recipients: to.map((i) => ({
        personId: i.personId,
        message: { card: this.card(members, event, i, answers?.get(i.personId), notice), summary: 'The Mentoring Up ice breaker' },
      })),
    });
  }

  private started(event: Pick<StoredIceBreaker, 'date' | 'time'>): boolean {
    return zonedInstant(event.date, event.time, this.parts.config.program.calendar.timeZone).getTime() <= this.parts.clock().getTime();
  }

  private async candidates(members: CohortMembers) {
    const cohorts = await this.cohorts.cohorts.list();
    const pairs = (await Promise.all(cohorts.map((c) => this.cohorts.pairs.listCohort(c.id)))).flat();
    return alumniCandidates(pairs, cohorts, members.cohort);
  }

  private async write(event: Omit<StoredIceBreaker, 'etag'>, version: string): Promise<StoredIceBreaker> {
    try {
      return await this.store.put(event, version);
    } catch (error) {
      if (error instanceof ConflictError) throw new AppError('Conflict', CHANGED_MEANWHILE);
      throw error;
    }
  }
}

function eventJson(e: StoredIceBreaker): IceBreakerJson {
  return {
    date: e.date,
    time: e.time,
    durationMinutes: e.durationMinutes,
    place: e.place,
    link: e.link,
    joinUrl: e.joinUrl ?? null,
    alumniIds: e.alumniIds,
    revision: e.revision,
    cancelled: e.cancelled,
    inCalendar: e.calendarEventId !== undefined,
  };
}

/** A short name for a set of people, for a send batch's key (the same set gives the same batch). */
function digest(ids: readonly string[]): string {
  return createHash('sha256')
    .update([...ids].sort().join(','))
    .digest('hex')
    .slice(0, 12);
}

import { AppError } from '../../../errors';
import { ConflictError } from '../../../storage/storageErrors';
import type { CohortStore } from '../../cohorts/cohortStore';
import type { PairStore, StoredPair } from '../../matching/matchingStore';
import type { StageParts } from '../../programStage';
import { defaultAgendaSet, type Role } from '../agendaRules';
import { readBooking, type BookingErrors } from '../bookingRules';
import { localDateOf, type ProgramCalendar } from '../../../calendar/calendarTime';
import { readMeetingLog, type LogErrors } from '../meetingLogRules';
import { readPause, type Pause } from '../pauseRules';
import { slotChoice } from '../slotOffer';
import { applyMeetingEvent, cohortProgramYear, MEETING_NUMBERS, planFor, type Meeting, type MeetingEvent, type MeetingNumber } from '../yearPlan';
import type { FreeTime, YearCalendar } from './yearCalendar';
import { pairIdOf, type CohortYear, type StoredNote, type StoredPlan, type YearStore } from './yearStore';

/**
 * The year of each confirmed pair: plans made when a cohort's pairs are confirmed, bookings, logs with private notes,
 * and pauses. Every change goes through the pure rules (yearPlan, bookingRules, meetingLogRules, pauseRules), is written
 * under the plan's ETag, and then brings the pair's nudge jobs in line (`onPlanChanged`). Who acts is always passed in
 * from the activity or the token; membership of the pair is checked on every read and write.
 */
export interface MeetingRef {
  cohortId: string;
  executiveId: string;
  meeting: MeetingNumber;
}

export interface Membership {
  plan: StoredPlan;
  role: Role;
  partnerId: string;
}

export type ChangeOutcome =
  | { kind: 'changed'; plan: StoredPlan; meeting: Meeting; notices: string[] }
  /** A repeat (double click): nothing changed; the meeting as it is. */
  | { kind: 'unchanged'; plan: StoredPlan; meeting: Meeting }
  /** The card was for an earlier state of the meeting (rescheduled, logged by the other person). */
  | { kind: 'stale'; plan: StoredPlan; meeting: Meeting }
  | { kind: 'refused'; plan: StoredPlan; meeting: Meeting; message: string }
  | { kind: 'invalid'; plan: StoredPlan; meeting: Meeting; errors: BookingErrors | LogErrors; values: Readonly<Record<string, unknown>> };

export interface YearServiceDeps {
  store: YearStore;
  pairs: PairStore;
  /** The cohort's start of the year, when the taskforce set one. */
  cohorts: CohortStore;
  parts: StageParts;
  /** Microsoft Graph calendars with an organiser mailbox; absent without Graph (people enter the date they agreed). */
  calendar?: YearCalendar;
  /** Called after every change of a plan (the nudge reconciler). */
  onPlanChanged(plan: StoredPlan, before: StoredPlan | undefined): Promise<void>;
  /** Called with a cohort's plans once they exist (their first nudge jobs). */
  onPlansMade(plans: readonly StoredPlan[]): Promise<void>;
}

/** What a change reads from its inputs: an event to apply, field errors (with the values to show again), or a stale card. */
type ReadChange = { event: MeetingEvent; notices: string[] } | { errors: BookingErrors | LogErrors; values?: Readonly<Record<string, unknown>> } | 'stale';

export const NOT_IN_PAIR = 'This meeting belongs to another pair. Type "meetings" to see your own.';

export class YearService {
  constructor(private readonly d: YearServiceDeps) {}

  get calendar(): ProgramCalendar {
    return this.d.parts.config.program.calendar;
  }

  /** Whether "Find a time" works: Graph and an organiser mailbox are configured. */
  get canFindTime(): boolean {
    return this.d.calendar !== undefined;
  }

  private now(): Date {
    return this.d.parts.clock();
  }

  today(): string {
    return localDateOf(this.now(), this.calendar.timeZone);
  }

  /**
   * Sets up a cohort's year once its pairs are confirmed: the year (from the taskforce's start on the cohort, or by
   * default from the first confirmation; the surveys resolve the same year), the shipped
   * agendas, and a plan for each pair that has none. Idempotent: it may run again after a crash or a second confirmation.
   */
  async setUpCohort(cohortId: string): Promise<{ created: number }> {
    const pairs = await this.d.pairs.listCohort(cohortId);
    if (pairs.length === 0) return { created: 0 };
    const cohortYear = (await this.d.store.cohortYear(cohortId)) ?? (await this.createYear(cohortId, pairs));
    let created = 0;
    for (const pair of pairs) {
      const fresh = planFor({ pairId: pairIdOf(cohortId, pair.executiveId), cohortId, mentorId: pair.mentorId, executiveId: pair.executiveId }, cohortYear.year);
      if (await this.d.store.createPlan(fresh)) created++;
    }
    // Plans created by an earlier, interrupted run get their jobs too: creating jobs where none exists is idempotent.
    await this.d.onPlansMade(await this.d.store.cohortPlans(cohortId));
    return { created };
  }

  private async createYear(cohortId: string, pairs: readonly StoredPair[]): Promise<CohortYear> {
    const cohort = await this.d.cohorts.get(cohortId);
    const year = cohortProgramYear({
      taskforceStartsOn: cohort?.yearStartsOn ?? null,
      confirmedAt: pairs.map((p) => p.confirmedAt),
      timeZone: this.calendar.timeZone,
      now: this.now(),
    });
    return this.d.store.createCohortYear(cohortId, year, defaultAgendaSet());
  }

  /** The person's pairs with a plan, newest cohort first. */
  async membershipsOf(personId: string): Promise<Membership[]> {
    const rows = await this.d.pairs.ofPerson(personId);
    const found: Membership[] = [];
    for (const row of rows) {
      const plan = await this.d.store.plan(row.cohortId, row.executiveId);
      if (plan) found.push({ plan, role: row.role, partnerId: row.role === 'mentor' ? plan.executiveId : plan.mentorId });
    }
    return found.sort((a, b) => b.plan.meetings[0].window.opensOn.localeCompare(a.plan.meetings[0].window.opensOn));
  }

  /** The pair the ref names, when the person belongs to it (and the pair still exists); an AppError otherwise. */
  async membership(personId: string, ref: Pick<MeetingRef, 'cohortId' | 'executiveId'>): Promise<Membership> {
    const plan = await this.d.store.plan(ref.cohortId, ref.executiveId);
    const pair = plan && (await this.d.pairs.get(ref.cohortId, ref.executiveId));
    if (!plan || !pair) throw new AppError('NotFound', 'This pair is no longer in the program. Type "meetings" to see your plan.');
    if (personId === plan.mentorId) return { plan, role: 'mentor', partnerId: plan.executiveId };
    if (personId === plan.executiveId) return { plan, role: 'executive', partnerId: plan.mentorId };
    throw new AppError('Forbidden', NOT_IN_PAIR, `person ${personId} is not in pair ${plan.pairId}`);
  }

  async cohortYear(cohortId: string): Promise<CohortYear | undefined> {
    return this.d.store.cohortYear(cohortId);
  }

  /** The pair's private notes: only for one of its two people. */
  async notesFor(personId: string, ref: Pick<MeetingRef, 'cohortId' | 'executiveId'>): Promise<Map<MeetingNumber, StoredNote>> {
    const { plan } = await this.membership(personId, ref);
    return this.d.store.notes(plan.pairId);
  }

  /** Books (or moves) a meeting the two agreed on. `version` is the meeting's history length the card was made from. */
  book(personId: string, ref: MeetingRef, inputs: Readonly<Record<string, unknown>>, version: number): Promise<ChangeOutcome> {
    return this.change(personId, ref, version, inputs, (meeting) => this.bookingOf(inputs, meeting, personId), 'follow');
  }

  /** The booking event of inputs (the form's, or a slot's), or their field errors with the values to show again. */
  private bookingOf(values: Readonly<Record<string, unknown>>, meeting: Meeting, personId: string): ReadChange {
    const check = readBooking(values, meeting, { now: this.now(), calendar: this.calendar, bookedBy: personId });
    if (!check.ok) return { errors: check.errors, values };
    return { event: { type: 'book', booking: check.booking }, notices: check.notices };
  }

  /**
   * Common free time of the pair for a meeting (both calendars read now). Undefined without Graph, or when the meeting
   * can no longer be booked (held or missed). Graph unreachable: an AppError 'Unreachable'.
   */
  async findTime(personId: string, ref: MeetingRef): Promise<{ membership: Membership; meeting: Meeting; found?: FreeTime }> {
    const membership = await this.membership(personId, ref);
    const meeting = membership.plan.meetings[ref.meeting - 1];
    if (!this.d.calendar || (meeting.status !== 'planned' && meeting.status !== 'booked')) return { membership, meeting };
    return { membership, meeting, found: await this.d.calendar.freeTime(membership.plan, meeting) };
  }

  /**
   * Books a slot chosen on the "Find a time" card: the form's booking (same rules, same nudges), put in both calendars
   * before it is stored. A slot that has passed, or a card made before the meeting last changed, changes nothing.
   */
  bookSlot(personId: string, ref: MeetingRef, inputs: Readonly<Record<string, unknown>>, version: number): Promise<ChangeOutcome> {
    const read = (meeting: Meeting): ReadChange => {
      const slot = slotChoice(inputs.start, meeting, { now: this.now(), calendar: this.calendar });
      return slot.ok ? this.bookingOf({ ...slot.inputs, placeKind: inputs.placeKind, place: inputs.place }, meeting, personId) : 'stale';
    };
    return this.change(personId, ref, version, inputs, read, 'place');
  }

  /** Logs a meeting as held; its note goes to the pair's notes, never to the plan. */
  async log(personId: string, ref: MeetingRef, inputs: Readonly<Record<string, unknown>>, version: number): Promise<ChangeOutcome> {
    let note: string | undefined;
    const outcome = await this.change(personId, ref, version, inputs, (meeting) => {
      const check = readMeetingLog(inputs, meeting, { now: this.now(), timeZone: this.calendar.timeZone });
      if (!check.ok) return { errors: check.errors };
      note = check.log.note;
      return { event: { type: 'log', log: { ...check.log, note: '' }, by: personId, at: this.now().toISOString() }, notices: [] };
    });
    if ((outcome.kind === 'changed' || outcome.kind === 'unchanged') && note) {
      await this.d.store.putNote(outcome.plan.pairId, ref.meeting, { note, by: personId, at: this.now().toISOString() });
    }
    return outcome;
  }

  /**
   * Applies one change under the plan's ETag. `calendar`: 'place' puts the booking in both calendars (a slot chosen);
   * 'follow' moves the calendar event a meeting already has (a date entered on the form). The calendar goes first, so a
   * Graph failure leaves nothing booked. A write that loses a race brings the event back in line with what the winner
   * stored (YearCalendar.align). A write that fails otherwise leaves the event: the same card clicked again makes the
   * same request (one event, by its transaction id) and completes the booking.
   */
  private async change(
    personId: string,
    ref: MeetingRef,
    version: number,
    inputs: Readonly<Record<string, unknown>>,
    read: (meeting: Meeting) => ReadChange,
    calendar?: 'place' | 'follow',
  ): Promise<ChangeOutcome> {
    if (!MEETING_NUMBERS.includes(ref.meeting)) throw new AppError('BadRequest', 'This card is out of date. Type "meetings" to see your plan.');
    for (let attempt = 0; attempt < 3; attempt++) {
      const { plan } = await this.membership(personId, ref);
      const meeting = plan.meetings[ref.meeting - 1];
      const checked = read(meeting);
      if (checked === 'stale') return { kind: 'stale', plan, meeting };
      if ('errors' in checked) return { kind: 'invalid', plan, meeting, errors: checked.errors, values: checked.values ?? inputs };
      const transition = applyMeetingEvent(meeting, checked.event);
      if (!transition.ok) return { kind: 'refused', plan, meeting, message: transition.message };
      if (!transition.changed) return { kind: 'unchanged', plan, meeting };
      // Made from an earlier state: someone else booked, moved or logged it since. A repeat of the same change was caught above.
      if (version !== meeting.history.length) return { kind: 'stale', plan, meeting };
      const inCalendar = this.d.calendar && (calendar === 'place' || (calendar === 'follow' && meeting.calendarEvent)) ? this.d.calendar : undefined;
      const title = inCalendar ? await this.agendaTitle(plan.cohortId, ref.meeting) : '';
      const placed = inCalendar ? await inCalendar.place(plan, transition.meeting, title) : undefined;
      const next = placed ? { ...transition.meeting, calendarEvent: placed } : transition.meeting;
      const meetings = plan.meetings.map((m) => (m.number === ref.meeting ? next : m));
      try {
        const saved = await this.d.store.savePlan(plan, meetings);
        await this.d.onPlanChanged(saved, plan);
        return { kind: 'changed', plan: saved, meeting: saved.meetings[ref.meeting - 1], notices: checked.notices };
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        if (inCalendar && placed) {
          const stored = await this.d.store.plan(ref.cohortId, ref.executiveId);
          await inCalendar.align(plan, placed, stored?.meetings[ref.meeting - 1], title);
        }
      }
    }
    throw new AppError('Conflict', 'Your partner changed this meeting at the same moment. Please try again.');
  }

  private async agendaTitle(cohortId: string, meeting: MeetingNumber): Promise<string> {
    const cohortYear = await this.d.store.cohortYear(cohortId);
    return cohortYear?.agendas.templates.find((t) => t.meeting === meeting)?.title ?? `Meeting ${meeting}`;
  }

  /** Marks a meeting missed when its quarter closed without a log; answers the plan after (changed or not). */
  async closeQuarter(plan: StoredPlan, meeting: MeetingNumber): Promise<{ plan: StoredPlan; changed: boolean }> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = attempt === 0 ? plan : await this.d.store.plan(plan.cohortId, plan.executiveId);
      if (!current) return { plan, changed: false };
      const transition = applyMeetingEvent(current.meetings[meeting - 1], { type: 'closeQuarter', today: this.today(), at: this.now().toISOString() });
      if (!transition.ok || !transition.changed) return { plan: current, changed: false };
      try {
        const saved = await this.d.store.savePlan(
          current,
          current.meetings.map((m) => (m.number === meeting ? transition.meeting : m)),
        );
        await this.d.onPlanChanged(saved, current);
        return { plan: saved, changed: true };
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    throw new Error(`could not close quarter ${meeting} of ${plan.pairId}`);
  }

  async pausesOf(personId: string): Promise<Pause[]> {
    return this.d.store.pauses(personId);
  }

  /** Adds a pause (from today unless `from` is given) and moves the person's nudges out of it. */
  async pause(personId: string, raw: { from?: string; until: string }): Promise<{ ok: true; pause: Pause } | { ok: false; error: string }> {
    const existing = await this.d.store.pauses(personId);
    const today = this.today();
    const check = readPause(raw, { today, existing });
    if (!check.ok) return check;
    await this.d.store.putPauses(personId, [...existing.filter((p) => p.until >= today), check.pause]);
    await this.replanPerson(personId);
    return check;
  }

  /** Ends every pause under way or to come; answers how many there were. */
  async resume(personId: string): Promise<number> {
    const today = this.today();
    const existing = await this.d.store.pauses(personId);
    const ended = existing.filter((p) => p.until >= today);
    if (ended.length === 0) return 0;
    // A pause under way ends yesterday, so today counts again; one still to come is dropped.
    const kept = existing.flatMap((p) =>
      p.until < today ? [p] : p.from < today ? [{ from: p.from, until: localDateOf(new Date(this.now().getTime() - 86_400_000), this.calendar.timeZone) }] : [],
    );
    await this.d.store.putPauses(personId, kept);
    await this.replanPerson(personId);
    return ended.length;
  }

  private async replanPerson(personId: string): Promise<void> {
    for (const { plan } of await this.membershipsOf(personId)) await this.d.onPlanChanged(plan, plan);
  }
}

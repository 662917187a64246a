import { AppError } from '../../../errors';
import type { Calendar } from '../../../calendar/calendar';
import { createEventRequest, getScheduleRequest } from '../../../calendar/calendarRequests';
import { findCommonSlots, type SlotSearch } from '../../../calendar/commonSlots';
import type { StageParts } from '../../programStage';
import { defaultMinutes } from '../bookingRules';
import { meetingEventInput, type MeetingEventPeople } from '../meetingEvent';
import { findTimeQuery } from '../slotOffer';
import type { Meeting, MeetingCalendarEvent, PairPlan } from '../yearPlan';

export const CALENDARS_DOWN = 'We could not reach the calendars; try again or enter the date you agreed.';

/** What a free/busy search found: slots, schedules that could not be read, or a quarter with no time left. */
export type FreeTime = SlotSearch | { ok: false; closed: true };

/**
 * A pair's meetings in Microsoft Graph (the organiser's mailbox, as the ice breaker): both people's free/busy over the
 * meeting's quarter from now, and one event per meeting booked from it, inviting both, created once (transaction id)
 * and moved in place after that. Every Graph failure (after the client's retries) is an AppError 'Unreachable' with one
 * kind sentence; nothing here writes the plan.
 */
export class YearCalendar {
  constructor(
    private readonly calendar: Calendar,
    private readonly organiser: string,
    private readonly parts: StageParts,
  ) {}

  /** Common free slots of the pair for a meeting. A person without a mailbox counts as a schedule that cannot be read. */
  async freeTime(plan: PairPlan, meeting: Meeting): Promise<FreeTime> {
    const calendar = this.parts.config.program.calendar;
    const now = this.parts.clock();
    const query = findTimeQuery(meeting, calendar, now);
    if (!query) return { ok: false, closed: true };
    const people = this.people(plan);
    if (!people) return { ok: false, unreadable: [plan.mentorId, plan.executiveId] };
    const request = getScheduleRequest(this.organiser, [people.mentor.email, people.executive.email], query);
    const schedules = await this.reach('free/busy not read', plan, () => this.calendar.getSchedule(this.organiser, request.body));
    return findCommonSlots({ schedules, query, window: meeting.window, calendar, now, durationMinutes: defaultMinutes(meeting) });
  }

  /** Puts a meeting booked at a time in both calendars: moves its event when it has one, creates it otherwise. */
  async place(plan: PairPlan, meeting: Meeting, agendaTitle: string): Promise<MeetingCalendarEvent> {
    const body = this.eventBody(plan, meeting, agendaTitle);
    const existing = meeting.calendarEvent;
    if (existing) {
      await this.reach('event not moved', plan, () => this.calendar.updateEvent(this.organiser, existing.id, body));
      return existing;
    }
    const created = await this.reach('event not created', plan, () => this.calendar.createEvent(this.organiser, body));
    return { id: created.id, ...(created.joinUrl ? { joinUrl: created.joinUrl } : {}) };
  }

  /**
   * After a booking lost a race (the plan changed between reading and writing it): brings the event placed for it back
   * in line with what is stored. The stored meeting holds the event: move it to the stored booking. It does not: the
   * event was made for the lost booking, so cancel it. Best effort; a failure is logged, never shown.
   */
  async align(plan: PairPlan, placed: MeetingCalendarEvent, stored: Meeting | undefined, agendaTitle: string): Promise<void> {
    try {
      if (stored?.calendarEvent?.id !== placed.id) await this.calendar.cancelEvent(this.organiser, placed.id, 'This Mentoring Up meeting was booked at another time.');
      else if (stored.status === 'booked' && stored.booking?.time) await this.calendar.updateEvent(this.organiser, placed.id, this.eventBody(plan, stored, agendaTitle));
    } catch (error) {
      this.parts.log.warn('year calendar event not aligned after a lost race', { pairId: plan.pairId, eventId: placed.id, error: String(error) });
    }
  }

  private eventBody(plan: PairPlan, meeting: Meeting, agendaTitle: string) {
    const people = this.people(plan);
    if (!people) throw new AppError('Unreachable', CALENDARS_DOWN, `no mailbox for a person of ${plan.pairId}`);
    const calendar = this.parts.config.program.calendar;
    return createEventRequest(meetingEventInput({ organiserId: this.organiser, plan, meeting, agendaTitle, people, calendar })).body;
  }

  private people(plan: PairPlan): MeetingEventPeople | undefined {
    const directory = this.parts.directory();
    const mentor = directory.getPerson(plan.mentorId);
    const executive = directory.getPerson(plan.executiveId);
    if (!mentor?.mail || !executive?.mail) return undefined;
    return { mentor: { email: mentor.mail, name: mentor.name }, executive: { email: executive.mail, name: executive.name } };
  }

  private async reach<T>(what: string, plan: PairPlan, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      this.parts.log.warn(`year calendar: ${what}`, { pairId: plan.pairId, error: String(error) });
      throw new AppError('Unreachable', CALENDARS_DOWN, String(error));
    }
  }
}

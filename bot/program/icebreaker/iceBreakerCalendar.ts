import { AppError } from '../../errors';
import type { Calendar } from '../../calendar/calendar';
import type { CohortMembers } from '../year/cohortMembers';
import type { StageParts } from '../programStage';
import { zonedInstant } from '../../calendar/calendarTime';
import { createEventRequest, eventTransactionId, type EventBody } from '../../calendar/calendarRequests';
import type { Invitee } from './icebreakerRules';
import type { StoredIceBreaker } from './iceBreakerStore';

const CALENDAR_DOWN = 'The ice breaker could not be put in the calendar just now, so nothing was changed. Please try again in a few minutes.';

/**
 * The ice breaker as a Teams meeting in the organiser's calendar (Microsoft Graph): created the first time, moved or
 * changed in place after that, cancelled with a comment. A create carries a transaction id made from the cohort and
 * the revision, so a retry after a lost answer gives back the same event.
 */
export class IceBreakerCalendar {
  constructor(
    private readonly calendar: Calendar,
    private readonly organiser: string,
    private readonly parts: StageParts,
  ) {}

  async save(event: Omit<StoredIceBreaker, 'etag'>, members: CohortMembers, invited: readonly Invitee[]): Promise<Pick<StoredIceBreaker, 'calendarEventId' | 'joinUrl'>> {
    const body = this.body(event, members, invited);
    try {
      if (event.calendarEventId) {
        const { transactionId: _unused, ...changes } = body;
        await this.calendar.updateEvent(this.organiser, event.calendarEventId, changes);
        return { calendarEventId: event.calendarEventId, joinUrl: event.joinUrl };
      }
      const created = await this.calendar.createEvent(this.organiser, body);
      return { calendarEventId: created.id, joinUrl: created.joinUrl };
    } catch (error) {
      this.parts.log.warn('ice breaker calendar event not saved', { cohortId: event.cohortId, error: String(error) });
      throw new AppError('Unreachable', CALENDAR_DOWN, String(error));
    }
  }

  async cancel(eventId: string): Promise<void> {
    try {
      await this.calendar.cancelEvent(this.organiser, eventId, 'The Mentoring Up taskforce has cancelled this ice breaker.');
    } catch (error) {
      throw new AppError('Unreachable', CALENDAR_DOWN, String(error));
    }
  }

  private body(event: Omit<StoredIceBreaker, 'etag'>, members: CohortMembers, invited: readonly Invitee[]): EventBody {
    const start = zonedInstant(event.date, event.time, this.parts.config.program.calendar.timeZone);
    const directory = this.parts.directory();
    const attendees = invited.flatMap((i) => {
      const person = directory.getPerson(i.personId);
      return person?.mail ? [{ email: person.mail, name: person.name }] : [];
    });
    return createEventRequest({
      organiserId: this.organiser,
      subject: `Mentoring Up ice breaker: ${members.cohort.name}`,
      bodyText: `Mentors and executives of ${members.cohort.name} meet as a group before the one-on-ones begin, with executives from earlier years sharing what they gained.\n\nPlease answer on the invitation card in the Mentoring Up chat.${event.link ? `\n\nMeeting link: ${event.link}` : ''}`,
      start,
      end: new Date(start.getTime() + event.durationMinutes * 60_000),
      attendees,
      mode: { kind: 'teams', ...(event.place ? { place: event.place } : {}) },
      transactionId: eventTransactionId('icebreaker', event.cohortId, event.revision),
    }).body;
  }
}

import { eventTransactionId, type EventAttendee, type EventInput, type EventMode } from '../../calendar/calendarRequests';
import type { ProgramCalendar } from '../../calendar/calendarTime';
import { bookingStart } from './bookingRules';
import { PLACE_LABELS, SHADOWING_MEETING, type Meeting, type PairRefs, type PlaceKind } from './yearPlan';

/**
 * How a booked meeting goes in the calendar: a Teams call for a virtual meeting; in person anywhere else, at the place
 * people named or the kind of place. The shadowing visit is always in person at the mentor's place.
 */
export function meetingEventMode(placeKind: PlaceKind, place: string): EventMode {
  if (placeKind === 'virtual') return { kind: 'teams' };
  return { kind: 'inPerson', place: place.trim() || PLACE_LABELS[placeKind] };
}

export interface MeetingEventPeople {
  mentor: EventAttendee;
  executive: EventAttendee;
}

/**
 * The calendar event of a booked meeting, inviting both people. The transaction id names the pair, the meeting, the
 * revision the booking made and its start: a repeated click on the same card gives Graph the same id (one event), and
 * a later booking of the same meeting a new one. The body says nothing private: no note, no answer, only logistics.
 */
export function meetingEventInput(input: {
  organiserId: string;
  plan: Pick<PairRefs, 'pairId'>;
  meeting: Meeting;
  agendaTitle: string;
  people: MeetingEventPeople;
  calendar: ProgramCalendar;
}): EventInput {
  const { meeting, people } = input;
  const booking = meeting.booking;
  if (!booking?.time) throw new RangeError('Only a meeting booked at a time goes in the calendar.');
  const start = bookingStart(booking, input.calendar);
  const shadowing = meeting.number === SHADOWING_MEETING;
  const about = shadowing
    ? `The shadowing visit: ${people.executive.name} spends time in ${people.mentor.name}’s area. The agenda has the checklist (who to tell, badge or safety needs).`
    : `Meeting ${meeting.number} of the mentoring year: ${people.mentor.name} (mentor) and ${people.executive.name} (executive).`;
  return {
    organiserId: input.organiserId,
    subject: `Mentoring Up: ${input.agendaTitle}`,
    bodyText: `${about}\n\nEach of you gets the agenda for your role in the Mentoring Up chat the day before. To change the time, use "meetings" in that chat.`,
    start,
    end: new Date(start.getTime() + booking.durationMinutes * 60_000),
    attendees: [people.mentor, people.executive],
    mode: meetingEventMode(booking.placeKind, booking.place),
    transactionId: eventTransactionId('year', input.plan.pairId, meeting.number, meeting.revision, start.toISOString()),
  };
}

import { readableDay } from '../../calendar/calendarTime';
import { shownAsTyped } from '../text/plainText';
import type { EventDetails } from './eventDetails';

/** Facts of a group session (an orientation session, the ice breaker): day, time and length, place. */
export function sessionFacts(session: EventDetails | undefined): { label: string; value: string }[] {
  if (!session) return [];
  return [
    { label: 'When', value: `${readableDay(session.date)}, ${session.time} (${session.durationMinutes} minutes)` },
    ...(session.place ? [{ label: 'Where', value: shownAsTyped(session.place) }] : []),
    ...(session.link ? [{ label: 'Online', value: 'Use the button below to join.' }] : []),
  ];
}

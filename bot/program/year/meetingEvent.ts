import type { EventMode } from '../../calendar/calendarRequests';
import { PLACE_LABELS, type PlaceKind } from './yearPlan';

/**
 * How a booked meeting goes in the calendar: a Teams call for a virtual meeting; in person anywhere else, at the place
 * people named or the kind of place. The shadowing visit is always in person at the mentor's place.
 */
export function meetingEventMode(placeKind: PlaceKind, place: string): EventMode {
  if (placeKind === 'virtual') return { kind: 'teams' };
  return { kind: 'inPerson', place: place.trim() || PLACE_LABELS[placeKind] };
}

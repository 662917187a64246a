/**
 * The words of every nudge. Logistics only: book the meeting, here is your agenda, did you meet, log it. Never generic
 * relationship advice (DESIGN.md §7: such reminders lowered mentee satisfaction in a randomised trial).
 *
 * Placeholders are {name}; `fillNudgeText` fills them from plain values (people's names are inserted as given; cards
 * show the result in TextRuns, so nothing in a name is read as markup).
 */
export type NudgeTextId = 'book' | 'bookShadowing' | 'agenda' | 'agendaShadowing' | 'didYouMeet' | 'lastBook' | 'lastLog' | 'quarterClosedTaskforce' | 'iceBreakerReminder';

export interface NudgeText {
  title: string;
  text: string;
}

export const NUDGE_TEXTS: Readonly<Record<NudgeTextId, NudgeText>> = {
  book: {
    title: 'Time to book meeting {meeting} with {other}',
    text: 'Quarter {meeting} runs until {closesOn}. Agree on a date with {other} and book it here.',
  },
  bookShadowing: {
    title: 'Time to book the shadowing visit with {other}',
    text: 'Meeting 2 is the shadowing visit in the mentor’s area. Agree on a date with {other} before {closesOn} and book it here.',
  },
  agenda: {
    title: 'Meeting {meeting} with {other} is {when}',
    text: 'Here is the agenda for your role. Glance at the questions before you meet.',
  },
  agendaShadowing: {
    title: 'The shadowing visit with {other} is {when}',
    text: 'Here is the agenda for your role and the visit checklist: place, badge, and what to wear.',
  },
  didYouMeet: {
    title: 'Did you meet {other}?',
    text: 'If you met, log meeting {meeting} here; it takes a minute. If not, book a new date before {closesOn}.',
  },
  lastBook: {
    title: 'Two weeks left for meeting {meeting}',
    text: 'Quarter {meeting} closes on {closesOn} and meeting {meeting} is not booked yet. Agree on a date with {other} and book it here.',
  },
  lastLog: {
    title: 'Two weeks left to log meeting {meeting}',
    text: 'Quarter {meeting} closes on {closesOn}. If you met {other}, log the meeting here; if not, book a new date.',
  },
  quarterClosedTaskforce: {
    title: 'No meeting logged: {pair}',
    text: 'Quarter {meeting} closed on {closesOn} with no meeting logged for {pair}. The pair is marked at risk.',
  },
  iceBreakerReminder: {
    title: 'The ice breaker is {when}',
    text: 'The group meet-and-greet for your cohort is {when} at {place}. You can still change your answer here.',
  },
};

/** A text with every {placeholder} replaced; a placeholder with no value is left visible so tests catch it. */
export function fillNudgeText(id: NudgeTextId, values: Readonly<Record<string, string | number>>): NudgeText {
  const fill = (template: string): string => template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  const text = NUDGE_TEXTS[id];
  return { title: fill(text.title), text: fill(text.text) };
}

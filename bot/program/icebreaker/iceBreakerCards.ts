import { expandCard, type CardJson } from '../../cards/expandCard';
import { shownAsTyped } from '../text/plainText';
import { sessionFacts } from '../year/eventFacts';
import { readableDay } from '../../calendar/calendarTime';
import type { InviteeRole, Rsvp } from './icebreakerRules';
import type { StoredIceBreaker } from './iceBreakerStore';
import invitationTemplate from './cards/invitation.json';

/** What an invitation card shows one person: the event as it is now, their answer, and the buttons while answers count. */
export interface InvitationInput {
  event: StoredIceBreaker;
  cohortName: string;
  personId: string;
  role: InviteeRole;
  answer?: Rsvp;
  /** False once the event has started (answers can no longer change) or when it was cancelled. */
  canAnswer: boolean;
  notice?: string;
}

const ANSWER_WORDS: Record<Rsvp, string> = { yes: 'Yes, I will be there', no: 'No, I cannot come', maybe: 'Maybe' };
const BUTTONS: Record<Rsvp, string> = { yes: 'Yes', no: 'No', maybe: 'Maybe' };

function linesFor(role: InviteeRole, cohortName: string): string[] {
  const cohort = shownAsTyped(cohortName);
  if (role === 'alumnus') {
    return [`You mentored up in an earlier year. The taskforce would like you to join the ice breaker of ${cohort} and share what you gained as an executive mentee.`];
  }
  return [`Mentors and executives of ${cohort} meet as a group before the one-on-ones begin: a relaxed start, with executives from earlier years sharing what they gained.`];
}

export function invitationCard(input: InvitationInput): CardJson {
  const { event } = input;
  const link = event.joinUrl ?? event.link;
  return expandCard(invitationTemplate, {
    cohortId: event.cohortId,
    personId: input.personId,
    heading: event.cancelled ? 'The ice breaker is cancelled' : 'You are invited: the Mentoring Up ice breaker',
    notice: input.notice ?? '',
    lines: (event.cancelled
      ? [`The ice breaker of ${shownAsTyped(input.cohortName)} on ${readableDay(event.date)} will not take place. The taskforce will let you know if there is a new date.`]
      : linesFor(input.role, input.cohortName)
    ).map((text) => ({ text })),
    facts: event.cancelled ? [] : sessionFacts({ ...event, link }),
    answerLine: input.answer && !event.cancelled ? `Your answer: ${ANSWER_WORDS[input.answer]}. You can change it until the ice breaker starts.` : '',
    answers: input.canAnswer && !event.cancelled ? (['yes', 'maybe', 'no'] as const).map((answer) => ({ answer, title: BUTTONS[answer] })) : [],
    revision: event.revision,
    link: event.cancelled ? '' : link,
  });
}

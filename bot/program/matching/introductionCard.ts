import { expandCard } from '../../cards/expandCard';
import type { OutgoingCard } from '../../messaging/messenger';
import { shownAsTyped } from '../text/plainText';
import type { PersonSnapshot } from './matchingStore';
import introductionTemplate from './cards/introduction.json';

/**
 * The card that introduces each person of a confirmed pair to the other, and what happens next (the program: separate
 * orientations, the ice-breaker, four meetings over the year with the second a shadowing visit, in a common area).
 */
export function nextSteps(role: 'mentor' | 'executive'): string[] {
  return [
    role === 'mentor'
      ? 'Orientation for front-line mentors: what to expect, the do’s and don’ts of the role. The taskforce will send the date.'
      : 'Orientation for executive mentees: what to expect, the do’s and don’ts of the role. The taskforce will send the date.',
    'The ice-breaker: mentors and executives meet together as a group before the one-to-one meetings begin.',
    'Four meetings over the year, each with an agenda. The second is a shadowing visit: the executive spends time in the mentor’s area to see the daily work.',
    'Meet in a common area rather than an executive office, so the mentor leads and the executive learns.',
  ];
}

export function introductionCard(input: { role: 'mentor' | 'executive'; cohortName: string; partner: PersonSnapshot; sharedTopics: readonly string[] }): OutgoingCard {
  const { role, partner } = input;
  const partnerName = shownAsTyped(partner.name);
  const heading = role === 'mentor' ? `Meet your mentee: ${partnerName}` : `Meet your mentor: ${partnerName}`;
  const intro =
    role === 'mentor'
      ? `You are paired with ${partnerName} for ${shownAsTyped(input.cohortName)}. You are the mentor: they come to learn how the work looks from where you stand.`
      : `You are paired with ${partnerName} for ${shownAsTyped(input.cohortName)}. They are your mentor: you come to learn how the work looks from the front line.`;
  const card = expandCard(introductionTemplate, {
    heading,
    intro,
    partnerName,
    partnerRole: shownAsTyped(partner.jobTitle ?? 'Not recorded'),
    partnerDepartment: shownAsTyped(partner.department ?? 'Not recorded'),
    sharedTopics: input.sharedTopics.length > 0 ? input.sharedTopics.map(shownAsTyped).join(', ') : 'None in common: a chance to learn something new',
    nextSteps: nextSteps(role),
  });
  return { card, summary: heading };
}

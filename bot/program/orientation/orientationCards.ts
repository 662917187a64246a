import { expandCard, type CardJson } from '../../cards/expandCard';
import { shownAsTyped } from '../text/plainText';
import { withCardMarkdown } from '../handbook/cardMarkdown';
import { localDateOf, readableDay } from '../../calendar/calendarTime';
import type { EventDetails } from '../year/eventDetails';
import { sessionFacts } from '../year/eventFacts';
import type { Acknowledgement, OrientationVersion } from './orientationRules';
import orientationTemplate from './cards/orientation.json';

/** What one person's orientation card shows: the text they are asked to read, their session, where they stand. */
export interface OrientationCardInput {
  cohortId: string;
  cohortName: string;
  personId: string;
  /** The current version of their role's text. */
  text: OrientationVersion;
  session?: EventDetails;
  acknowledgement?: Acknowledgement;
  needsAcknowledgement: boolean;
  notice?: string;
  /** The program's time zone, for the day an acknowledgement was made. */
  timeZone: string;
}

export function orientationCard(input: OrientationCardInput): CardJson {
  const { text, acknowledgement } = input;
  const day = (at: string) => readableDay(localDateOf(new Date(at), input.timeZone));
  const acknowledged = !acknowledgement
    ? ''
    : input.needsAcknowledgement
      ? ''
      : acknowledgement.version === text.version
        ? `You confirmed you read this on ${day(acknowledgement.acknowledgedAt)}. Thank you.`
        : `You confirmed version ${acknowledgement.version} on ${day(acknowledgement.acknowledgedAt)}. It has had small edits since; nothing you agreed to changed.`;
  const card = expandCard(orientationTemplate, {
    cohortId: input.cohortId,
    personId: input.personId,
    title: shownAsTyped(text.title),
    cohortLine: `${shownAsTyped(input.cohortName)} · version ${text.version}`,
    notice: input.notice ?? '',
    sessionFacts: sessionFacts(input.session),
    acknowledged,
    canAcknowledge: input.needsAcknowledgement,
    version: text.version,
    link: input.session?.link ?? '',
  });
  return withCardMarkdown(card, { orientationText: text.body });
}

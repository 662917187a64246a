import { expandCard, type CardJson } from '../../cards/expandCard';
import type { OutgoingCard } from '../../messaging/messenger';
import { noticeCard } from '../applications/applicationCards';
import { shownAsTyped } from '../text/plainText';
import { readableDate } from '../cohorts/cohortRules';
import { AGREEMENT_SCALE, type Score, type SurveyItem } from '../outcomes/surveyItems';
import type { SurveyRole, SurveyRound } from './api';
import surveyTemplate from './cards/survey.json';

/** The survey card in chat: one expanded choice per question, a label on every point of the scale. */
export interface SurveyCardInput {
  cohortId: string;
  cohortName: string;
  round: SurveyRound;
  role: SurveyRole;
  items: readonly SurveyItem[];
  closesAt: string;
  /** Results are shown only for groups of at least this many people. */
  minimumGroupSize: number;
  answers?: Readonly<Record<string, Score>>;
  /** "Saved" after an answer; an error when the answers were refused. */
  status?: string;
  error?: string;
  reminder?: boolean;
}

export function surveyCard(input: SurveyCardInput): CardJson {
  const when = input.round === 'pre' ? 'before your mentoring year' : 'now that your mentoring year has ended';
  const saved = input.answers !== undefined;
  return expandCard(surveyTemplate, {
    title: input.reminder
      ? `A reminder: ${input.round === 'pre' ? 'the starting survey' : 'the end-of-year survey'}`
      : input.round === 'pre'
        ? 'Before you start: a short survey'
        : 'Your year in mentoring: a short survey',
    intro: `${shownAsTyped(input.cohortName)}: how much do you agree with each statement ${when}? It takes a minute. You can change your answers until ${readableDate(input.closesAt)}.`,
    privacy: `Your answers are stored without your name and only shown as totals for groups of at least ${input.minimumGroupSize} people.`,
    status: input.status ?? '',
    error: input.error ?? '',
    questions: input.items.map((item) => ({ id: item.id, text: shownAsTyped(item.text), value: input.answers?.[item.id] !== undefined ? String(input.answers[item.id]) : '' })),
    scale: AGREEMENT_SCALE.map((point) => ({ value: String(point.value), label: point.label })),
    submitTitle: saved ? 'Change my answers' : 'Send my answers',
    cohortId: input.cohortId,
    round: input.round,
  });
}

export function surveyMessage(input: SurveyCardInput): OutgoingCard {
  return { card: surveyCard(input), summary: input.reminder ? 'A reminder: your Mentoring Up survey' : 'A short Mentoring Up survey' };
}

export function surveyClosedCard(): CardJson {
  return noticeCard({ title: 'This survey has closed', lines: ['This survey has closed, so answers can no longer be sent or changed. Thank you for taking part.'] });
}

export function notYoursCard(): CardJson {
  return noticeCard({ title: 'This survey is not yours', lines: ['This survey was sent to someone else, so nothing was saved. Your own surveys come to you in this chat.'] });
}

export function notOpenCard(): CardJson {
  return noticeCard({ title: 'This survey is not open', lines: ['This survey is not open for answers. You will get a message in this chat when it opens.'] });
}

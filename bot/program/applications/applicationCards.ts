import { expandCard, type CardJson } from '../../cards/expandCard';
import type { OutgoingCard } from '../../messaging/messenger';
import { readableDate, type Cohort, type Topic } from '../cohorts/cohortRules';
import { APPLICATION_LIMITS, type Application, type ApplicationKind, type FieldErrors } from './applicationRules';
import { shownAsTyped } from '../text/plainText';
import applicationFormTemplate from './cards/applicationForm.json';
import approvalRequestTemplate from './cards/approvalRequest.json';
import noticeTemplate from './cards/notice.json';

/** Card builders for nominations, executive applications and manager approval. Data carries ids and display text only. */
export interface CardButton {
  title: string;
  verb: string;
  data?: Record<string, string>;
}

export interface Fact {
  label: string;
  value: string;
}

export interface Notice {
  title: string;
  lines: string[];
  /** Text a person typed, shown as typed (no markdown). */
  quote?: string;
  facts?: Fact[];
  actions?: CardButton[];
}

export function noticeCard(notice: Notice): CardJson {
  return expandCard(noticeTemplate, {
    title: notice.title,
    lines: notice.lines.map((text) => ({ text })),
    quote: notice.quote ? shownAsTyped(notice.quote) : '',
    facts: (notice.facts ?? []).map((f) => ({ label: f.label, value: shownAsTyped(f.value) })),
    actions: (notice.actions ?? []).map((a) => ({ title: a.title, verb: a.verb, data: a.data ?? {} })),
  });
}

export function notice(summary: string, content: Notice): OutgoingCard {
  return { card: noticeCard(content), summary };
}

export interface FormValues {
  topicIds: string[];
  otherTopics: string;
  motivation: string;
  agreed: boolean;
}

const EMPTY_FORM: FormValues = { topicIds: [], otherTopics: '', motivation: '', agreed: false };

/** The nomination (mentor) or application (executive) form; with errors and the values typed, when re-rendered. */
export function applicationFormCard(
  kind: ApplicationKind,
  cohort: Pick<Cohort, 'id' | 'name' | 'closesOn' | 'topics'>,
  values: FormValues = EMPTY_FORM,
  errors: FieldErrors = {},
): CardJson {
  const mentor = kind === 'mentor';
  const known = new Set(cohort.topics.map((t) => t.id));
  return expandCard(applicationFormTemplate, {
    title: mentor ? `Nominate yourself to mentor an executive` : `Apply for a front-line mentor`,
    intro: mentor
      ? `${cohort.name}: choose the topics you could help an executive understand, and tell us why you would like to mentor. Your manager will be asked to approve. Nominations close on ${readableDate(cohort.closesOn)}.`
      : `${cohort.name}: choose the topics you would like a front-line mentor to help you understand, and what you hope to gain. Applications close on ${readableDate(cohort.closesOn)}.`,
    formError: errors.form ?? '',
    topicsLabel: mentor ? 'Topics you could mentor on' : 'Topics you want to learn about',
    topics: cohort.topics.map((t) => ({ id: t.id, title: t.title })),
    topicsValue: values.topicIds.filter((id) => known.has(id)).join(','),
    topicsError: errors.topics ?? '',
    otherTopicsMax: APPLICATION_LIMITS.otherTopics,
    otherTopicsValue: errorFree(values.otherTopics, errors.otherTopics),
    otherTopicsError: errors.otherTopics ?? '',
    motivationLabel: mentor ? 'Why you want to mentor' : 'What you hope to gain',
    motivationPlaceholder: mentor ? 'What you would like leaders to see about your work' : 'What you would like to understand better',
    motivationRequired: mentor ? 'Please tell us why you want to mentor.' : 'Please tell us what you hope to gain.',
    motivationMax: APPLICATION_LIMITS.motivation,
    motivationValue: errorFree(values.motivation, errors.motivation),
    motivationError: errors.motivation ?? '',
    askAgreement: mentor,
    agreeValue: values.agreed ? 'true' : 'false',
    agreeError: errors.agree ?? '',
    submitTitle: mentor ? 'Submit my nomination' : 'Submit my application',
    verb: mentor ? 'nomination.submit' : 'executive.submit',
    cohortId: cohort.id,
  });
}

/** A refused value is not echoed back into the card (it may be huge or hold the characters we refused). */
function errorFree(value: string, error: string | undefined): string {
  return error ? '' : shownAsTyped(value);
}

export function topicTitles(application: Pick<Application, 'topicIds' | 'otherTopics'>, topics: readonly Topic[]): string {
  const byId = new Map(topics.map((t) => [t.id, t.title]));
  const titles = application.topicIds.map((id) => byId.get(id) ?? id);
  if (application.otherTopics) titles.push(application.otherTopics);
  return titles.join('; ') || '—';
}

export interface ApprovalView {
  cohort: Pick<Cohort, 'id' | 'name' | 'topics'>;
  application: Application;
  declineReasonError?: string;
}

/** The card a nominee's manager receives: who, their topics, their motivation, and approve / decline. */
export function approvalRequestCard(view: ApprovalView): CardJson {
  const { application, cohort } = view;
  return expandCard(approvalRequestTemplate, {
    cohortId: cohort.id,
    cohortName: cohort.name,
    nomineeId: application.personId,
    nomineeName: application.name,
    facts: [
      { label: 'Role', value: [application.jobTitle, application.department].filter(Boolean).join(', ') || '—' },
      { label: 'Topics', value: topicTitles(application, cohort.topics) },
      { label: 'Why they want to mentor', value: application.motivation },
    ].map((f) => ({ label: f.label, value: shownAsTyped(f.value) })),
    declineReasonMax: APPLICATION_LIMITS.declineReason,
    declineReasonError: view.declineReasonError ?? '',
  });
}

/** Whether the nominee heard the decision: in their chat, waiting for them to open it, or not (unknown on a later view). */
export type NomineeTold = 'told' | 'whenTheyOpen' | 'notTold';

const TOLD_SENTENCES: Record<NomineeTold, (who: string) => string> = {
  told: (who) => `${who} has been told.`,
  whenTheyOpen: (who) => `${who} will be told as soon as they open Mentoring Up.`,
  notTold: (who) => `We could not tell ${who} in Teams; the program taskforce will.`,
};

/** The approval card once decided (or no longer awaiting the manager): what happened, without buttons. */
export function approvalDecidedCard(application: Application, cohort: Pick<Cohort, 'name'>, told?: NomineeTold): CardJson {
  const who = application.name;
  const toldSentence = told ? ` ${TOLD_SENTENCES[told](who)}` : '';
  if (application.stage === 'managerDeclined') {
    return noticeCard({
      title: 'Nomination declined',
      lines: [`You declined ${who}’s nomination for ${cohort.name}${when(application.managerDecidedAt)}.${toldSentence} The program taskforce can see your reason.`],
      quote: application.managerDeclineReason,
    });
  }
  if (application.stage === 'nominated') {
    return noticeCard({ title: 'Nomination waiting', lines: [`${who}’s nomination for ${cohort.name} is waiting for their manager’s approval.`] });
  }
  return noticeCard({
    title: 'Nomination approved',
    // Later stages (interview, decision) are not the manager's to see: the card only records their approval.
    lines: [
      `You approved ${who}’s participation in ${cohort.name} and confirmed their good standing${when(application.managerDecidedAt)}. Thank you.${toldSentence} The taskforce will arrange an interview.`,
    ],
  });
}

function when(iso: string | undefined): string {
  return iso ? ` on ${readableDate(iso)}` : '';
}

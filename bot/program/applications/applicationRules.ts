import type { Topic } from '../cohorts/cohortRules';
import { APPLICATION_LIMITS, STAGES, type ApplicationKind, type Decision, type FlagReason, type Stage } from './api';
import { checkText, choiceValues } from '../text/plainText';

export { APPLICATION_LIMITS, STAGES, type ApplicationKind, type Decision, type FlagReason, type Stage };

/** Applications to a cohort and how they move (the stages are in api.ts). Pure: no SDK, no I/O. */
export interface Application {
  cohortId: string;
  personId: string;
  kind: ApplicationKind;
  stage: Stage;
  name: string;
  jobTitle?: string;
  department?: string;
  topicIds: string[];
  otherTopics: string;
  /** Mentors: why they want to mentor. Executives: what they hope to gain. */
  motivation: string;
  agreedToExpectations: boolean;
  submittedAt: string;
  updatedAt: string;
  managerId?: string;
  managerName?: string;
  /** The approval card in the manager's chat, to update it later. */
  approvalActivityId?: string;
  approvalSentAt?: string;
  reminderSentAt?: string;
  managerDecidedAt?: string;
  managerDeclineReason?: string;
  interviewerId?: string;
  interviewerName?: string;
  decidedAt?: string;
  decidedBy?: string;
  decisionNote?: string;
  flag?: FlagReason;
  flaggedAt?: string;
}

export const STAGE_LABELS: Record<Stage, string> = {
  nominated: 'Waiting for manager approval',
  managerApproved: 'Approved by manager, interview next',
  managerDeclined: 'Not approved by manager',
  interviewed: 'Interviewed, decision pending',
  applied: 'Applied, decision pending',
  accepted: 'Accepted',
  waitlisted: 'On the waiting list',
  declined: 'Not selected this time',
};

/** Field-by-field problems, keyed by the card input id, so a form can show each message next to its field. */
export type FieldErrors = Partial<Record<'topics' | 'otherTopics' | 'motivation' | 'agree' | 'form', string>>;

export interface ApplicationAnswers {
  topicIds: string[];
  otherTopics: string;
  motivation: string;
  agreedToExpectations: boolean;
}

export type AnswersCheck = { ok: true; answers: ApplicationAnswers } | { ok: false; errors: FieldErrors };

/**
 * Reads a nomination (mentor) or application (executive) from card inputs. The cohort's topic list is the only source
 * of valid topic ids; at least one topic or some free text is needed. Mentors must agree to the expectations.
 */
export function readAnswers(kind: ApplicationKind, data: Readonly<Record<string, unknown>>, topics: readonly Topic[]): AnswersCheck {
  const errors: FieldErrors = {};
  const topicIds = choiceValues(data.topics);
  const known = new Set(topics.map((t) => t.id));
  if (topicIds === undefined) errors.topics = 'Please choose topics from the list.';
  else if (topicIds.some((id) => !known.has(id))) errors.topics = 'One of the chosen topics is not offered in this cohort. Please choose again from the list.';
  else if (topicIds.length > APPLICATION_LIMITS.topics) errors.topics = `Please choose at most ${APPLICATION_LIMITS.topics} topics.`;

  const other = checkText(data.otherTopics, { label: 'Other topics', max: APPLICATION_LIMITS.otherTopics });
  if (!other.ok) errors.otherTopics = other.error;
  const motivationLabel = kind === 'mentor' ? 'Why you want to mentor' : 'What you hope to gain';
  const motivation = checkText(data.motivation, { label: motivationLabel, max: APPLICATION_LIMITS.motivation, required: true });
  if (!motivation.ok) errors.motivation = motivation.error;

  const agreed = data.agree === 'true' || data.agree === true;
  if (kind === 'mentor' && !agreed) errors.agree = 'Please agree to the program’s expectations to nominate yourself.';

  if (!errors.topics && !errors.otherTopics && topicIds && topicIds.length === 0 && other.ok && other.value === '') {
    errors.topics = 'Please choose at least one topic, or describe one under other topics.';
  }
  if (Object.keys(errors).length > 0 || !topicIds || !other.ok || !motivation.ok) return { ok: false, errors };
  return { ok: true, answers: { topicIds, otherTopics: other.value, motivation: motivation.value, agreedToExpectations: agreed } };
}

/** Why a person cannot nominate themselves as a mentor, or undefined when they can. */
export function mentorIneligibility(person: { accountEnabled: boolean } | undefined, hasDirectReports: boolean): 'notInDirectory' | 'hasReports' | undefined {
  if (!person || !person.accountEnabled) return 'notInDirectory';
  if (hasDirectReports) return 'hasReports';
  return undefined;
}

const DECISION_STAGE: Record<Decision, Stage> = { accept: 'accepted', waitlist: 'waitlisted', decline: 'declined' };

/** The stage a taskforce decision leads to, or undefined when the application cannot be decided in its stage. */
export function stageAfterDecision(application: Pick<Application, 'kind' | 'stage'>, decision: Decision): Stage | undefined {
  const decidable = application.kind === 'mentor' ? ['interviewed', 'waitlisted'] : ['applied', 'waitlisted'];
  if (!decidable.includes(application.stage)) return undefined;
  const next = DECISION_STAGE[decision];
  return next === application.stage ? undefined : next;
}

/** Whether an interviewer can be (re)assigned: after the manager approved and before anyone decided. */
export function canAssignInterviewer(application: Pick<Application, 'kind' | 'stage'>): boolean {
  return application.kind === 'mentor' && (application.stage === 'managerApproved' || application.stage === 'interviewed');
}

/** Whether scores may be (re)submitted: the interview is due or done, and no decision has been taken. */
export function canScore(application: Pick<Application, 'kind' | 'stage'>): boolean {
  return application.kind === 'mentor' && (application.stage === 'managerApproved' || application.stage === 'interviewed');
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When an approval request sent at `sentAt` is followed up: a reminder half way, the taskforce at the deadline. */
export function approvalFollowUpTimes(sentAt: Date, answerWithinDays: number): { remindAt: Date; escalateAt: Date } {
  return {
    remindAt: new Date(sentAt.getTime() + Math.ceil(answerWithinDays / 2) * DAY_MS),
    escalateAt: new Date(sentAt.getTime() + answerWithinDays * DAY_MS),
  };
}

/** What the approval reminder schedule asks for an application waiting on its manager. */
export function approvalFollowUp(
  application: Pick<Application, 'stage' | 'approvalSentAt' | 'reminderSentAt' | 'flag'>,
  now: Date,
  answerWithinDays: number,
): 'remind' | 'flag' | undefined {
  if (application.stage !== 'nominated' || application.flag || !application.approvalSentAt) return undefined;
  const { remindAt, escalateAt } = approvalFollowUpTimes(new Date(application.approvalSentAt), answerWithinDays);
  if (now >= escalateAt) return application.reminderSentAt ? 'flag' : 'remind';
  if (!application.reminderSentAt && now >= remindAt) return 'remind';
  return undefined;
}

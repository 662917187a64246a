import type { Actor } from '../../conversation/feature';
import type { CardJson } from '../../cards/expandCard';
import { AppError } from '../../errors';
import { ConflictError } from '../../storage/storageErrors';
import type { StoredCohort } from '../cohorts/cohortStore';
import { notice } from '../applications/applicationCards';
import { firstName } from '../../directory/person';
import type { Decision, InterviewJson } from '../applications/api';
import { canAssignInterviewer, canScore, stageAfterDecision } from '../applications/applicationRules';
import type { StoredApplication } from '../applications/applicationStore';
import type { InterviewsContext } from './interviewsContext';
import { rubricCard } from './interviewCards';
import type { StoredInterview } from './interviewStore';
import { readRubric, scoresFromCard, type RubricAnswers } from './rubricRules';

/**
 * Interviews and the taskforce's decision. The taskforce assigns an interviewer (a taskforce member) to a nominee their
 * manager approved; only that interviewer may score, in chat or in the tab; the taskforce decides with the scores in
 * view and the candidate is told in chat. Scores never leave this module except to the interviewer and the taskforce.
 * Tab changes carry the version the client read (`ifMatch`): a stale one is a 409.
 */
export type InterviewView = InterviewJson;

export class InterviewFlow {
  constructor(private readonly ctx: InterviewsContext) {}

  /** Assigns (or reassigns) the interviewer and sends them the rubric card. */
  async assign(cohortId: string, candidateId: string, interviewerId: string, ifMatch: string): Promise<{ application: StoredApplication; delivered: boolean }> {
    const { cohort, application } = await this.load(cohortId, candidateId);
    if (application.etag !== ifMatch) throw new AppError('Conflict', APPLICATION_CHANGED);
    if (!this.ctx.parts.roles.has(interviewerId, 'taskforce')) {
      throw new AppError('BadRequest', 'Choose an interviewer from the program taskforce.');
    }
    const interviewer = this.ctx.parts.directory().getPerson(interviewerId);
    if (!interviewer || !interviewer.accountEnabled) throw new AppError('BadRequest', 'That interviewer is not in the directory.');
    if (!canAssignInterviewer(application)) throw new AppError('Conflict', 'An interviewer can be assigned only after the manager approved and before the decision.');
    const existing = await this.ctx.interviews.get(cohortId, candidateId);
    if (existing?.submittedAt && existing.interviewerId !== interviewerId && application.stage === 'interviewed') {
      throw new AppError('Conflict', 'This candidate has already been scored by their interviewer.');
    }
    const now = this.ctx.parts.clock();
    let updated: StoredApplication;
    try {
      updated = await this.ctx.applications.update(application, { interviewerId, interviewerName: interviewer.name, updatedAt: now.toISOString() });
    } catch (error) {
      if (error instanceof ConflictError) throw new AppError('Conflict', APPLICATION_CHANGED);
      throw error;
    }
    if (existing?.interviewerId !== interviewerId) await this.ctx.interviews.assign(cohortId, candidateId, interviewerId, now);
    const outcome = await this.ctx.parts.messenger.sendCard(interviewerId, {
      card: rubricCard(cohort, updated, { scores: existing?.interviewerId === interviewerId ? existing.scores : {}, notes: '', mentorAreas: '' }),
      summary: `Please interview ${updated.name} for Mentoring Up`,
    });
    if (existing?.interviewerId !== interviewerId) {
      await this.ctx.parts.messenger.sendQuietly(
        candidateId,
        notice('Your Mentoring Up interview', {
          title: 'Your Mentoring Up interview',
          lines: [`${interviewer.name} from the program taskforce will contact you to arrange a short conversation about mentoring in ${cohort.name}.`],
        }),
      );
    }
    return { application: updated, delivered: outcome.status === 'sent' };
  }

  /** The rubric card (verb interview.open), for the assigned interviewer only. */
  async openCard(actor: Actor, data: Readonly<Record<string, unknown>>): Promise<CardJson> {
    const { cohort, application, interview } = await this.loadForInterviewer(actor.id, data.cohortId, data.candidateId);
    return rubricCard(cohort, application, interview, undefined, Boolean(interview.submittedAt));
  }

  /** Scores from the rubric card (verb interview.submit); errors re-render the card with each message by its field. */
  async submitCard(actor: Actor, data: Readonly<Record<string, unknown>>): Promise<CardJson> {
    const { cohort, application, interview } = await this.loadForInterviewer(actor.id, data.cohortId, data.candidateId);
    const scores = scoresFromCard(data);
    const read = readRubric(cohort.rubric, scores, data.notes, data.mentorAreas);
    if (!read.ok) {
      const values = { scores, notes: typeof data.notes === 'string' ? data.notes : '', mentorAreas: typeof data.mentorAreas === 'string' ? data.mentorAreas : '' };
      return rubricCard(cohort, application, values, read.errors);
    }
    const saved = await this.save(application, interview, read.answers);
    return rubricCard(cohort, saved.application, saved.interview, undefined, true);
  }

  /** Scores from the tab form (its shape checked by the contract); the same rubric rules as the card. */
  async submitFromTab(callerId: string, cohortId: string, candidateId: string, answers: TabAnswers, ifMatch: string): Promise<InterviewView> {
    const { application, interview, cohort } = await this.loadForInterviewer(callerId, cohortId, candidateId);
    if (interview.etag !== ifMatch) throw new AppError('Conflict', SCORES_CHANGED);
    const read = readRubric(cohort.rubric, answers.scores, answers.notes, answers.mentorAreas);
    if (!read.ok) {
      const first = read.errors.form ?? Object.values(read.errors.scores)[0] ?? read.errors.notes ?? read.errors.mentorAreas ?? 'Please check the form.';
      throw new AppError('BadRequest', first);
    }
    const saved = await this.save(application, interview, read.answers);
    return toView(saved.interview, saved.application);
  }

  /** The interview as the taskforce sees it (scores included). */
  async view(cohortId: string, candidateId: string): Promise<{ cohort: StoredCohort; application: StoredApplication; interview: InterviewView }> {
    const { cohort, application } = await this.load(cohortId, candidateId);
    const interview = await this.ctx.interviews.get(cohortId, candidateId);
    const view: InterviewView = interview ? toView(interview, application) : { cohortId, candidateId, scores: {}, notes: '', mentorAreas: '' };
    return { cohort, application, interview: view };
  }

  /** The taskforce's decision; the candidate hears it kindly in chat. */
  async decide(deciderId: string, cohortId: string, candidateId: string, { decision, note }: { decision: Decision; note: string }, ifMatch: string): Promise<StoredApplication> {
    const { cohort, application } = await this.load(cohortId, candidateId);
    if (application.etag !== ifMatch) throw new AppError('Conflict', DECIDED_MEANWHILE);
    const next = stageAfterDecision(application, decision);
    if (!next) {
      throw new AppError(
        'Conflict',
        application.kind === 'mentor' ? 'A mentor can be decided after their interview is scored (or from the waiting list).' : 'This application has already been decided.',
      );
    }
    const now = this.ctx.parts.clock().toISOString();
    let decided: StoredApplication;
    try {
      decided = await this.ctx.applications.update(application, { stage: next, decidedAt: now, decidedBy: deciderId, decisionNote: note || undefined, updatedAt: now });
    } catch (error) {
      if (error instanceof ConflictError) throw new AppError('Conflict', DECIDED_MEANWHILE);
      throw error;
    }
    this.ctx.parts.log.info('application decided', { cohortId, candidateId, stage: next });
    await this.ctx.parts.messenger.sendQuietly(candidateId, decisionMessage(decision, decided, cohort.name));
    return decided;
  }

  private async save(application: StoredApplication, interview: StoredInterview, answers: RubricAnswers): Promise<{ application: StoredApplication; interview: StoredInterview }> {
    const now = this.ctx.parts.clock().toISOString();
    try {
      const savedInterview = await this.ctx.interviews.saveScores(interview, { ...answers, submittedAt: now });
      const savedApplication = application.stage === 'interviewed' ? application : await this.ctx.applications.update(application, { stage: 'interviewed', updatedAt: now });
      return { application: savedApplication, interview: savedInterview };
    } catch (error) {
      if (error instanceof ConflictError) throw new AppError('Conflict', SCORES_CHANGED);
      throw error;
    }
  }

  private async load(cohortId: unknown, candidateId: unknown): Promise<{ cohort: StoredCohort; application: StoredApplication }> {
    const cohort = typeof cohortId === 'string' ? await this.ctx.cohorts.get(cohortId) : undefined;
    const application = cohort && typeof candidateId === 'string' ? await this.ctx.applications.get(cohort.id, candidateId) : undefined;
    if (!cohort || !application) throw new AppError('NotFound', 'That application was not found.');
    return { cohort, application };
  }

  private async loadForInterviewer(
    personId: string,
    cohortId: unknown,
    candidateId: unknown,
  ): Promise<{ cohort: StoredCohort; application: StoredApplication; interview: StoredInterview }> {
    const { cohort, application } = await this.load(cohortId, candidateId);
    const interview = await this.ctx.interviews.get(cohort.id, application.personId);
    if (!interview || application.interviewerId !== personId || interview.interviewerId !== personId) {
      throw new AppError('Forbidden', 'Only the interviewer the taskforce assigned can score this candidate.', `not the assigned interviewer: ${personId}`);
    }
    if (!canScore(application)) throw new AppError('Conflict', 'The taskforce has already decided on this candidate, so the scores can no longer change.');
    return { cohort, application, interview };
  }
}

const APPLICATION_CHANGED = 'This application changed while you were assigning. Please reload and try again.';
const DECIDED_MEANWHILE = 'Someone else changed this application meanwhile. Please reload to see where it stands.';
const SCORES_CHANGED = 'These scores changed meanwhile. Please open the interview again.';

/** Scores as the tab sends them; the rubric rules decide what they mean. */
interface TabAnswers {
  scores: Readonly<Record<string, unknown>>;
  notes?: string;
  mentorAreas?: string;
}

function toView(interview: StoredInterview, application: StoredApplication): InterviewView {
  return {
    cohortId: interview.cohortId,
    candidateId: interview.candidateId,
    interviewerId: interview.interviewerId,
    interviewerName: application.interviewerName,
    scores: interview.scores,
    notes: interview.notes,
    mentorAreas: interview.mentorAreas,
    assignedAt: interview.assignedAt,
    submittedAt: interview.submittedAt,
    etag: interview.etag,
  };
}

function decisionMessage(decision: Decision, application: StoredApplication, cohortName: string) {
  const name = firstName(application.name);
  const mentor = application.kind === 'mentor';
  if (decision === 'accept') {
    return notice('You are in: welcome to Mentoring Up', {
      title: 'Welcome to Mentoring Up',
      lines: [
        mentor
          ? `Congratulations, ${name}: you have been accepted as a mentor in ${cohortName}. The taskforce will match you with an executive and invite you to the orientation.`
          : `Welcome, ${name}: your place in ${cohortName} is confirmed. The taskforce will match you with a front-line mentor and invite you to the orientation.`,
      ],
    });
  }
  if (decision === 'waitlist') {
    return notice('Your Mentoring Up application', {
      title: 'You are on the waiting list',
      lines: [
        `Thank you, ${name}. ${cohortName} has more ${mentor ? 'mentors' : 'applicants'} than places this time, and you are on the waiting list. We will tell you here as soon as a place opens.`,
      ],
    });
  }
  return notice('Your Mentoring Up application', {
    title: 'Thank you for applying',
    lines: [
      `Thank you for your interest in ${cohortName}, ${name}, and for the time you gave us. We are not able to offer you a place this time.`,
      'We hope you will apply again for a future cohort: the program grows with people like you.',
    ],
  });
}

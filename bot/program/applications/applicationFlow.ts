import type { Actor } from '../../conversation/feature';
import type { CardJson } from '../../cards/expandCard';
import { firstName, type Person } from '../../directory/person';
import { ConflictError } from '../../storage/storageErrors';
import { acceptsApplications } from '../cohorts/cohortRules';
import type { StoredCohort } from '../cohorts/cohortStore';
import { applicationFormCard, noticeCard } from './applicationCards';
import { mentorIneligibility, readAnswers, STAGE_LABELS, type Application, type ApplicationKind } from './applicationRules';
import type { StoredApplication } from './applicationStore';
import type { ApprovalAsked, ApprovalFlow } from './approvalFlow';
import type { ApplicationsContext } from './applicationsContext';

/**
 * Mentor self-nomination and executive application in chat: the checks before the form, the form, and the same checks
 * plus validation when it is submitted. Who applies is always the actor; card data only names the cohort.
 */
export class ApplicationFlow {
  constructor(
    private readonly ctx: ApplicationsContext,
    private readonly approvals: ApprovalFlow,
  ) {}

  /** The form, or a kind card saying why not. */
  async form(actor: Actor, kind: ApplicationKind, data: Readonly<Record<string, unknown>> = {}): Promise<CardJson> {
    const check = await this.preflight(actor, kind, data.cohortId);
    if ('refusal' in check) return check.refusal;
    return applicationFormCard(kind, check.cohort);
  }

  async submit(actor: Actor, kind: ApplicationKind, data: Readonly<Record<string, unknown>>): Promise<CardJson> {
    const check = await this.preflight(actor, kind, data.cohortId);
    if ('refusal' in check) return check.refusal;
    const { cohort, person } = check;
    const read = readAnswers(kind, data, cohort.topics);
    if (!read.ok) {
      const values = {
        topicIds: typeof data.topics === 'string' ? data.topics.split(',') : [],
        otherTopics: typeof data.otherTopics === 'string' ? data.otherTopics : '',
        motivation: typeof data.motivation === 'string' ? data.motivation : '',
        agreed: data.agree === 'true',
      };
      return applicationFormCard(kind, cohort, values, read.errors);
    }
    const now = this.ctx.parts.clock().toISOString();
    const manager = kind === 'mentor' ? this.ctx.parts.directory().managerOf(person.id) : undefined;
    const application: Application = {
      cohortId: cohort.id,
      personId: person.id,
      kind,
      stage: kind === 'mentor' ? 'nominated' : 'applied',
      name: person.name,
      jobTitle: person.jobTitle,
      department: person.department,
      ...read.answers,
      submittedAt: now,
      updatedAt: now,
      managerId: manager?.id,
      managerName: manager?.name,
    };
    let stored: StoredApplication;
    try {
      stored = await this.ctx.applications.create(application);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const existing = await this.ctx.applications.get(cohort.id, person.id);
      return alreadyAppliedCard(cohort, existing);
    }
    this.ctx.parts.log.info('application submitted', { cohortId: cohort.id, personId: person.id, kind });
    if (kind === 'executive') {
      return noticeCard({
        title: 'Application received',
        lines: [
          `Thank you, ${firstName(person.name)}. Your application for ${cohort.name} is with the program taskforce, who will let you know here when you are accepted and matched with a mentor.`,
        ],
        actions: [{ title: 'My status', verb: 'mentoring.status' }],
      });
    }
    const { asked } = await this.approvals.requestApproval(stored, cohort);
    return noticeCard({
      title: 'Nomination received',
      lines: [`Thank you, ${firstName(person.name)}. ${ASKED_SENTENCES[asked](manager?.name ?? 'your manager')} You will hear here as soon as they answer.`],
      actions: [{ title: 'My status', verb: 'mentoring.status' }],
    });
  }

  /** The checks before and after the form: an open cohort, the right person for this kind, no application yet. */
  private async preflight(actor: Actor, kind: ApplicationKind, cohortIdInData: unknown): Promise<{ cohort: StoredCohort; person: Person } | { refusal: CardJson }> {
    const now = this.ctx.parts.clock();
    let cohort: StoredCohort | undefined;
    if (typeof cohortIdInData === 'string' && cohortIdInData !== '') {
      cohort = await this.ctx.cohorts.get(cohortIdInData);
      if (!cohort || !acceptsApplications(cohort, now)) return { refusal: closedCard(kind) };
    } else {
      cohort = (await this.ctx.cohorts.listOpen()).find((c) => acceptsApplications(c, now));
      if (!cohort) return { refusal: closedCard(kind) };
    }
    const directory = this.ctx.parts.directory();
    const person = directory.getPerson(actor.id);
    if (kind === 'mentor') {
      const why = mentorIneligibility(person, directory.hasDirectReports(actor.id));
      if (why === 'notInDirectory') return { refusal: notInDirectoryCard() };
      if (why === 'hasReports') {
        return {
          refusal: noticeCard({
            title: 'Mentoring Up is for staff without direct reports',
            lines: [
              'Thank you for your interest. Mentors in this program are front-line staff and faculty without supervisory responsibility, so that executives hear directly from the people doing the work.',
              'As a manager, you can help in other ways: encourage people in your team to nominate themselves, and approve their participation when they ask.',
            ],
            actions: [{ title: 'About the program', verb: 'about' }],
          }),
        };
      }
    } else if (!person || !person.accountEnabled) return { refusal: notInDirectoryCard() };
    else if (!this.ctx.parts.roles.has(actor.id, 'executive')) {
      return {
        refusal: noticeCard({
          title: 'Applications are for executives',
          lines: ['"apply" is how executives ask for a front-line mentor. To mentor an executive yourself, nominate yourself instead.'],
          actions: [{ title: 'Nominate myself', verb: 'nomination.start' }],
        }),
      };
    }
    const existing = await this.ctx.applications.get(cohort.id, actor.id);
    if (existing) return { refusal: alreadyAppliedCard(cohort, existing) };
    return { cohort, person: person as Person };
  }
}

/** What the nominee is told about their manager: only what has happened. */
const ASKED_SENTENCES: Record<ApprovalAsked, (manager: string) => string> = {
  yes: (manager) => `We have asked ${manager} to approve your participation.`,
  installing: (manager) => `We are adding Mentoring Up to ${manager}’s Teams so we can ask them to approve your participation.`,
  whenTheyOpen: (manager) => `We will ask ${manager} to approve your participation as soon as they open Mentoring Up in Teams; the program taskforce knows and can remind them.`,
  no: () => `We could not ask your manager in Teams, so the program taskforce will follow up with them.`,
};

function closedCard(kind: ApplicationKind): CardJson {
  return noticeCard({
    title: kind === 'mentor' ? 'Nominations are not open' : 'Applications are not open',
    lines: ['No Mentoring Up cohort is taking applications right now. You will hear here when the next one opens.'],
    actions: [{ title: 'About the program', verb: 'about' }],
  });
}

function notInDirectoryCard(): CardJson {
  return noticeCard({ title: 'We could not find you', lines: ['Your account is not in the organization directory Mentoring Up uses. Please contact the program taskforce.'] });
}

function alreadyAppliedCard(cohort: StoredCohort, existing: Application | undefined): CardJson {
  return noticeCard({
    title: existing?.kind === 'executive' ? 'You have already applied' : 'You are already nominated',
    lines: [`You already have an application in ${cohort.name}.`],
    facts: existing ? [{ label: 'Status', value: STAGE_LABELS[existing.stage] }] : [],
    actions: [{ title: 'My status', verb: 'mentoring.status' }],
  });
}

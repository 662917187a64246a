import type { BotFeature, ChatReply, WelcomeAction } from '../../conversation/feature';
import type { CardJson } from '../../cards/expandCard';
import type { InterviewFlow } from '../interviews/interviewFlow';
import { mentoringSummary } from './mentoringSummary';
import type { ApplicationFlow } from '../applications/applicationFlow';
import type { ApprovalFlow } from '../applications/approvalFlow';
import type { IntakeContext } from '../intake/intakeContext';
import { statusCard } from './statusCard';
import { PAIR_BY_PERSON_TABLE, PAIR_TABLE, PairStore } from '../matching/matchingStore';
import { pairsOfPerson } from '../matching/personPairs';

/**
 * Chat commands and card verbs of the intake: "nominate", "apply", "status", the forms' buttons, the manager's approval
 * card and the interviewer's rubric. Verb names are prefixed with their part of the program.
 */
export function intakeFeature(ctx: IntakeContext, applications: ApplicationFlow, approvals: ApprovalFlow, interviews: InterviewFlow): BotFeature {
  const reply = (card: CardJson, summary: string): ChatReply => ({ cards: [{ card, summary }] });
  const pairs = new PairStore(ctx.parts.table(PAIR_TABLE), ctx.parts.table(PAIR_BY_PERSON_TABLE));
  const status = async (personId: string) => statusCard(await mentoringSummary(ctx, personId), await pairsOfPerson(pairs, ctx.cohorts, personId));
  return {
    /** The welcome card offers what the person can do now: nominate, apply, or see where they stand. */
    welcomeActions: async (actor) => {
      const summary = await mentoringSummary(ctx, actor.id);
      const actions: WelcomeAction[] = [];
      if (summary.openCohort?.canNominate) actions.push({ title: 'Nominate myself', verb: 'nomination.start' });
      if (summary.openCohort?.canApply) actions.push({ title: 'Apply for a mentor', verb: 'executive.start' });
      if (summary.applications.length > 0) actions.push({ title: 'My status', verb: 'mentoring.status' });
      return actions;
    },
    commands: {
      nominate: {
        description: 'Nominate yourself to mentor an executive.',
        handle: async (actor) => reply(await applications.form(actor, 'mentor'), 'Nominate yourself for Mentoring Up'),
      },
      apply: {
        description: 'Executives: apply for a front-line mentor.',
        listedFor: (actor) => ctx.parts.roles.has(actor.id, 'executive'),
        handle: async (actor) => reply(await applications.form(actor, 'executive'), 'Apply for a Mentoring Up mentor'),
      },
      status: { description: 'Where your Mentoring Up application stands.', handle: async (actor) => reply(await status(actor.id), 'Your Mentoring Up status') },
    },
    verbs: {
      'nomination.start': async (actor, data) => ({ card: await applications.form(actor, 'mentor', data) }),
      'nomination.submit': async (actor, data) => ({ card: await applications.submit(actor, 'mentor', data) }),
      'nomination.approvalView': async (actor, data) => ({ card: await approvals.act(actor, data, 'view') }),
      'nomination.approve': async (actor, data) => ({ card: await approvals.act(actor, data, 'approve') }),
      'nomination.decline': async (actor, data) => ({ card: await approvals.act(actor, data, 'decline') }),
      'executive.start': async (actor, data) => ({ card: await applications.form(actor, 'executive', data) }),
      'executive.submit': async (actor, data) => ({ card: await applications.submit(actor, 'executive', data) }),
      'interview.open': async (actor, data) => ({ card: await interviews.openCard(actor, data) }),
      'interview.submit': async (actor, data) => ({ card: await interviews.submitCard(actor, data) }),
      'mentoring.status': async (actor) => ({ card: await status(actor.id) }),
    },
  };
}

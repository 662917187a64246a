import type { BotFeature } from '../../conversation/feature';
import { AppError } from '../../errors';
import { noticeCard } from '../applications/applicationCards';
import { notOpenCard, notYoursCard, surveyCard, surveyClosedCard } from './surveyCards';
import type { SurveyService } from './surveyService';

/**
 * Surveys in chat: the `survey.answer` verb of the survey card (identity from the activity, never from the card), and
 * the "survey" command that shows the person's open surveys again.
 */
export function surveyFeature(service: SurveyService): BotFeature {
  return {
    commands: {
      survey: {
        description: 'Show the surveys you can answer now',
        async handle(actor) {
          const open = await service.mine(actor.id);
          if (open.length === 0) return { text: 'You have no survey to answer right now. When one opens, it comes to you in this chat.' };
          return { cards: open.map(({ card, answer }) => ({ card: surveyCard({ ...card, answers: answer?.scores }), summary: 'Your Mentoring Up survey' })) };
        },
      },
    },
    verbs: {
      'survey.answer': async (actor, data) => {
        const cohortId = typeof data.cohortId === 'string' ? data.cohortId : '';
        try {
          const outcome = await service.answer(actor.id, cohortId, data.round, data);
          switch (outcome.kind) {
            case 'saved':
            case 'invalid':
              return { card: surveyCard(outcome.card) };
            case 'closed':
              return { card: surveyClosedCard() };
            case 'notOpen':
              return { card: notOpenCard() };
            case 'notYours':
              return { card: notYoursCard() };
          }
        } catch (error) {
          if (error instanceof AppError && error.code !== 'Internal') return { card: noticeCard({ title: 'Your answers were not saved', lines: [error.userMessage] }) };
          throw error;
        }
      },
    },
  };
}

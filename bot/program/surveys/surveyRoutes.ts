import { AppError } from '../../errors';
import { callerOf, route, type ApiRoute } from '../../http/apiRoute';
import { AGREEMENT_SCALE } from '../outcomes/surveyItems';
import { getCohortSurveys, getMySurveys, getSurveyResults, putMySurveyAnswers, putSurveyItems, type CohortSurveys, type MySurvey } from './api';
import type { SurveyCardInput } from './surveyCards';
import { SECRET_MISSING, type SurveyService } from './surveyService';
import type { StoredAnswer } from './surveyStore';

/** The surveys' tab API (contract in api.ts): the taskforce's items, rounds and results; each participant's open surveys. */
export function surveyRoutes(service: SurveyService, secretMissing: boolean): ApiRoute[] {
  const overview = async (cohortId: string): Promise<CohortSurveys> => {
    const view = await service.overview(cohortId);
    return { cohortId, cohortName: view.cohort.name, items: view.items, itemsLocked: view.locked, etag: view.etag, rounds: view.rounds, secretMissing };
  };
  return [
    route(getCohortSurveys, 'taskforce', async (request) => ({ body: await overview(request.params.cohortId) })),
    route(putSurveyItems, 'taskforce', async (request) => {
      await service.putItems(request.params.cohortId, request.body.items, request.ifMatch);
      return { body: await overview(request.params.cohortId) };
    }),
    route(getSurveyResults, 'taskforce', async (request) => ({ body: await service.results(request.params.cohortId) })),
    route(getMySurveys, 'signed-in', async (request) => {
      const open = await service.mine(callerOf(request).id);
      return { body: { surveys: open.map(({ card, answer }) => mySurvey(card, answer)) } };
    }),
    route(putMySurveyAnswers, 'signed-in', async (request) => {
      if (secretMissing) throw new AppError('Conflict', SECRET_MISSING);
      const { cohortId, round } = request.params;
      const outcome = await service.answer(callerOf(request).id, cohortId, round, request.body.answers, request.ifMatch);
      switch (outcome.kind) {
        case 'saved':
          return { body: { survey: mySurvey(outcome.card, outcome.answer) } };
        case 'invalid':
          throw new AppError('BadRequest', outcome.error);
        case 'closed':
          throw new AppError('Conflict', 'This survey has closed, so answers can no longer be sent or changed.');
        case 'notOpen':
          throw new AppError('NotFound', 'This survey is not open for answers.');
        case 'notYours':
          throw new AppError('Forbidden', 'This survey is for the participants of that cohort.');
      }
    }),
  ];
}

function mySurvey(card: SurveyCardInput, answer: StoredAnswer | undefined): MySurvey {
  return {
    cohortId: card.cohortId,
    cohortName: card.cohortName,
    round: card.round,
    role: card.role,
    closesAt: card.closesAt,
    minimumGroupSize: card.minimumGroupSize,
    items: card.items.map((item) => ({ id: item.id, text: item.text })),
    scale: AGREEMENT_SCALE.map((point) => ({ value: point.value, label: point.label })),
    answers: answer ? { ...answer.scores } : null,
    version: answer?.etag ?? 'new',
  };
}

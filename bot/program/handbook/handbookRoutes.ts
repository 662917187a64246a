import { callerOf, route, type ApiRoute } from '../../http/apiRoute';
import { createHandbookFaq, deleteHandbookFaq, getHandbook, updateHandbookFaq, updateHandbookSection } from './api';
import type { HandbookService } from './handbookService';

/** Tab API for the handbook (contract in api.ts): everyone signed in reads it; the taskforce edits sections and FAQs. */
export function handbookRoutes(handbook: HandbookService): ApiRoute[] {
  return [
    route(getHandbook, 'signed-in', async (request) => ({ body: await handbook.json(request.roles.includes('taskforce')) })),
    route(updateHandbookSection, 'taskforce', async (request) => ({
      body: await handbook.editSection(request.params.sectionId, request.body, request.ifMatch, callerOf(request).id),
    })),
    route(createHandbookFaq, 'taskforce', async (request) => ({ status: 201, body: await handbook.addFaq(request.body, callerOf(request).id) })),
    route(updateHandbookFaq, 'taskforce', async (request) => ({ body: await handbook.editFaq(request.params.faqId, request.body, request.ifMatch, callerOf(request).id) })),
    route(deleteHandbookFaq, 'taskforce', async (request) => {
      await handbook.removeFaq(request.params.faqId, request.ifMatch, callerOf(request).id);
      return { body: { deleted: request.params.faqId } };
    }),
  ];
}

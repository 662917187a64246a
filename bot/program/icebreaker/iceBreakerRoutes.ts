import { callerOf, route, type ApiRoute } from '../../http/apiRoute';
import { cancelIceBreaker, getIceBreaker, getMyIceBreakers, scheduleIceBreaker } from './api';
import type { IceBreakerService } from './iceBreakerService';

/** Tab API for the ice breaker (contract in api.ts): the taskforce's per cohort, and a participant's own invitations. */
export function iceBreakerRoutes(iceBreakers: IceBreakerService): ApiRoute[] {
  return [
    route(getIceBreaker, 'taskforce', async (request) => ({ body: await iceBreakers.forTaskforce(request.params.cohortId) })),
    route(scheduleIceBreaker, 'taskforce', async (request) => ({ body: await iceBreakers.schedule(request.params.cohortId, request.body, request.ifMatch, callerOf(request).id) })),
    route(cancelIceBreaker, 'taskforce', async (request) => ({ body: await iceBreakers.cancel(request.params.cohortId, request.ifMatch, callerOf(request).id) })),
    route(getMyIceBreakers, 'signed-in', async (request) => ({ body: { iceBreakers: await iceBreakers.mine(callerOf(request).id) } })),
  ];
}

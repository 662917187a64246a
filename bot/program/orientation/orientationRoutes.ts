import { AppError } from '../../errors';
import { callerOf, route, type ApiRoute } from '../../http/apiRoute';
import { getMyOrientations, getOrientation, remindOrientation, updateOrientationSessions, updateOrientationText, type OrientationRole } from './api';
import type { OrientationService } from './orientationService';

function roleOf(raw: string): OrientationRole {
  if (raw === 'mentor' || raw === 'executive') return raw;
  throw new AppError('NotFound', 'There are two orientations: mentor and executive.');
}

/** Tab API for orientations (contract in api.ts): the taskforce's per cohort, and a participant's own. */
export function orientationRoutes(orientations: OrientationService): ApiRoute[] {
  return [
    route(getOrientation, 'taskforce', async (request) => ({ body: await orientations.forTaskforce(request.params.cohortId) })),
    route(updateOrientationText, 'taskforce', async (request) => ({
      body: await orientations.editText(request.params.cohortId, roleOf(request.params.role), request.body, request.ifMatch, callerOf(request).id),
    })),
    route(updateOrientationSessions, 'taskforce', async (request) => ({ body: await orientations.setSessions(request.params.cohortId, request.body, request.ifMatch) })),
    route(remindOrientation, 'taskforce', async (request) => ({ status: 202, body: { reminder: await orientations.remind(request.params.cohortId) } })),
    route(getMyOrientations, 'signed-in', async (request) => ({ body: { orientations: await orientations.mine(callerOf(request).id) } })),
  ];
}

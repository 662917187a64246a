import { AppError } from '../../../errors';
import { callerOf, route, type ApiRoute } from '../../../http/apiRoute';
import { ConflictError } from '../../../storage/storageErrors';
import type { CohortStore } from '../../cohorts/cohortStore';
import { readAgendaEdit } from '../agendaRules';
import { downloadYearCsv, getAgendas, getMyYear, getYearView, saveAgendas, type YearViewJson } from '../api';
import { attendanceOf, type CohortAttendance } from './yearAttendance';
import type { YearService } from './yearService';
import type { YearStore } from './yearStore';
import { agendaSetJson, myYearPlan, yearCsv, yearView } from './yearViews';

/**
 * The year's tab API (contract in ../api.ts, listed in bot/program/API.md): the taskforce's year view, its CSV and the
 * cohort's agendas; and a participant's own year. Notes reach only `GET /api/me/year`, for the pair's two people.
 */
export function yearRoutes(deps: { service: YearService; store: YearStore; cohorts: CohortStore; attendance: CohortAttendance; nameOf: (id: string) => string }): ApiRoute[] {
  const { service, store, cohorts, attendance, nameOf } = deps;
  const knownCohort = async (cohortId: string): Promise<void> => {
    if (!(await cohorts.get(cohortId))) throw new AppError('NotFound', 'There is no such cohort.');
  };
  const view = async (cohortId: string): Promise<YearViewJson> => {
    await knownCohort(cohortId);
    const [cohortYear, plans, nudges, present] = await Promise.all([
      store.cohortYear(cohortId),
      store.cohortPlans(cohortId),
      store.cohortNudges(cohortId),
      attendanceOf(attendance, cohortId),
    ]);
    return yearView(cohortId, cohortYear, plans, nudges, present, nameOf);
  };
  const cohortYearOf = async (cohortId: string) => {
    await knownCohort(cohortId);
    const cohortYear = await store.cohortYear(cohortId);
    if (!cohortYear) throw new AppError('NotFound', 'This cohort’s year starts when its pairs are confirmed; its agendas appear then.');
    return cohortYear;
  };

  return [
    route(getYearView, 'taskforce', async (request) => ({ body: await view(request.params.cohortId) })),
    route(downloadYearCsv, 'taskforce', async (request) => ({ contentType: 'text/csv; charset=utf-8', body: yearCsv(await view(request.params.cohortId)) })),
    route(getAgendas, 'taskforce', async (request) => ({ body: agendaSetJson(await cohortYearOf(request.params.cohortId)) })),
    route(saveAgendas, 'taskforce', async (request) => {
      const current = await cohortYearOf(request.params.cohortId);
      const stale = new AppError('Conflict', 'Someone saved the agendas while you were editing. Reload to see their changes, then edit again.');
      if (request.ifMatch !== current.etag) throw stale;
      const edit = readAgendaEdit({ baseVersion: current.agendas.version, templates: request.body.templates }, current.agendas);
      if (!edit.ok) throw new AppError('BadRequest', edit.errors.join(' '));
      if (!edit.changed) return { body: agendaSetJson(current) };
      try {
        return { body: agendaSetJson(await store.saveAgendas(current, edit.set, current.etag)) };
      } catch (error) {
        if (error instanceof ConflictError) throw stale;
        throw error;
      }
    }),
    route(getMyYear, 'signed-in', async (request) => {
      const me = callerOf(request).id;
      const pauses = await service.pausesOf(me);
      const plans = [];
      for (const m of await service.membershipsOf(me)) {
        const cohortYear = await store.cohortYear(m.plan.cohortId);
        if (!cohortYear) continue;
        const notes = await service.notesFor(me, m.plan);
        plans.push(
          myYearPlan({ plan: m.plan, role: m.role, partner: { id: m.partnerId, name: nameOf(m.partnerId) }, agendas: cohortYear.agendas, notes, pauses, today: service.today() }),
        );
      }
      return { body: { plans } };
    }),
  ];
}

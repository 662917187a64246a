import type { ApiRoute } from '../../http/apiRoute';
import { AppError } from '../../errors';
import { ConflictError } from '../../storage/storageErrors';
import type { IntakeContext } from '../applications/intakeContext';
import { announce, announcementKey } from './cohortAnnouncement';
import { acceptsApplications, CohortInputError, DEFAULT_RUBRIC, readCohortFields, type CohortStatus } from './cohortRules';
import type { StoredCohort } from './cohortStore';

/** Tab API for cohorts (taskforce only): create, edit, open and close applications, announce, and the announcement's progress. */
export function cohortRoutes(ctx: IntakeContext): ApiRoute[] {
  const load = async (id: string | undefined): Promise<StoredCohort> => {
    const cohort = id ? await ctx.cohorts.get(id) : undefined;
    if (!cohort) throw new AppError('NotFound', 'That cohort was not found.');
    return cohort;
  };
  const fields = (body: unknown, current?: StoredCohort) => {
    try {
      return readCohortFields(body, current);
    } catch (error) {
      if (error instanceof CohortInputError) throw new AppError('BadRequest', error.userMessage);
      throw error;
    }
  };
  const write = async (cohort: StoredCohort, body: unknown, change: Parameters<typeof ctx.cohorts.update>[1]) => {
    const etag = (body as { etag?: unknown } | undefined)?.etag;
    if (typeof etag === 'string' && etag !== cohort.etag) throw new AppError('Conflict', 'Someone else changed this cohort meanwhile. Please reload it.');
    try {
      return await ctx.cohorts.update(cohort, change, ctx.parts.clock());
    } catch (error) {
      if (error instanceof ConflictError) throw new AppError('Conflict', 'Someone else changed this cohort meanwhile. Please reload it.');
      throw error;
    }
  };
  const setStatus = async (id: string | undefined, body: unknown, status: CohortStatus) => {
    const cohort = await load(id);
    if (status === 'open') {
      const otherOpen = (await ctx.cohorts.listOpen()).find((c) => c.id !== cohort.id);
      if (otherOpen) throw new AppError('Conflict', `Close ${otherOpen.name} first: only one cohort takes applications at a time.`);
    }
    return cohort.status === status ? cohort : write(cohort, body, { status });
  };

  return [
    {
      method: 'get',
      path: '/api/cohorts',
      access: 'taskforce',
      handle: async () => ({ body: { cohorts: (await ctx.cohorts.list()).map((c) => cohortJson(c, ctx.parts.clock())) } }),
    },
    {
      method: 'get',
      path: '/api/cohort-defaults',
      access: 'taskforce',
      handle: async () => ({ body: { rubric: DEFAULT_RUBRIC } }),
    },
    {
      method: 'post',
      path: '/api/cohorts',
      access: 'taskforce',
      handle: async (request) => {
        const cohort = await ctx.cohorts.create(fields(request.body), ctx.parts.clock());
        ctx.parts.log.info('cohort created', { cohortId: cohort.id });
        return { status: 201, body: cohortJson(cohort, ctx.parts.clock()) };
      },
    },
    {
      method: 'get',
      path: '/api/cohorts/:cohortId',
      access: 'taskforce',
      handle: async (request) => ({ body: cohortJson(await load(request.params.cohortId), ctx.parts.clock()) }),
    },
    {
      method: 'put',
      path: '/api/cohorts/:cohortId',
      access: 'taskforce',
      handle: async (request) => {
        const cohort = await load(request.params.cohortId);
        return { body: cohortJson(await write(cohort, request.body, fields(request.body, cohort)), ctx.parts.clock()) };
      },
    },
    {
      method: 'post',
      path: '/api/cohorts/:cohortId/open',
      access: 'taskforce',
      handle: async (request) => {
        const cohort = await setStatus(request.params.cohortId, request.body, 'open');
        const wantsAnnouncement = (request.body as { announce?: unknown } | undefined)?.announce === true;
        const announcement = wantsAnnouncement ? await announce(ctx.parts.batches, ctx.parts.directory(), cohort) : undefined;
        return { body: { cohort: cohortJson(cohort, ctx.parts.clock()), announcement } };
      },
    },
    {
      method: 'post',
      path: '/api/cohorts/:cohortId/close',
      access: 'taskforce',
      handle: async (request) => ({ body: { cohort: cohortJson(await setStatus(request.params.cohortId, request.body, 'closed'), ctx.parts.clock()) } }),
    },
    {
      method: 'post',
      path: '/api/cohorts/:cohortId/announce',
      access: 'taskforce',
      handle: async (request) => {
        const cohort = await load(request.params.cohortId);
        if (!acceptsApplications(cohort, ctx.parts.clock())) throw new AppError('Conflict', 'Open the cohort for applications before announcing it.');
        return { status: 202, body: { announcement: await announce(ctx.parts.batches, ctx.parts.directory(), cohort) } };
      },
    },
    {
      method: 'get',
      path: '/api/cohorts/:cohortId/announcement',
      access: 'taskforce',
      handle: async (request) => {
        const cohort = await load(request.params.cohortId);
        return { body: { announcement: (await ctx.parts.batches.status(announcementKey(cohort.id))) ?? null } };
      },
    },
  ];
}

export function cohortJson(cohort: StoredCohort, now: Date) {
  return {
    id: cohort.id,
    name: cohort.name,
    programYear: cohort.programYear,
    opensOn: cohort.opensOn,
    closesOn: cohort.closesOn,
    status: cohort.status,
    acceptingApplications: acceptsApplications(cohort, now),
    topics: cohort.topics,
    rubric: cohort.rubric,
    isDemo: cohort.isDemo,
    createdAt: cohort.createdAt,
    updatedAt: cohort.updatedAt,
    etag: cohort.etag,
  };
}

import { AppError } from '../../errors';
import { route, type ApiRoute } from '../../http/apiRoute';
import { ConflictError } from '../../storage/storageErrors';
import type { CohortsContext } from './cohortsContext';
import {
  announceCohort,
  closeCohort,
  createCohort,
  getAnnouncement,
  getCohort,
  getCohortDefaults,
  listCohorts,
  openCohort,
  updateCohort,
  type CohortFieldsInput,
  type CohortJson,
} from './api';
import { announce, announcementKey, eligibleRecipients } from './cohortAnnouncement';
import { acceptsApplications, CohortInputError, DEFAULT_RUBRIC, readCohortFields, type CohortFields, type CohortStatus } from './cohortRules';
import { AnotherCohortOpenError, type StoredCohort } from './cohortStore';
import type { CohortYearRules } from './cohortYear';

const CHANGED_MEANWHILE = 'Someone else changed this cohort meanwhile. Please reload it.';

const YEAR_FIXED = 'The mentoring year’s start is fixed now that the pairs are confirmed: their quarters and surveys hang on it.';

/**
 * Tab API for cohorts (taskforce only; contract in api.ts): create, edit, open and close applications, announce, and
 * its progress. The mentoring year's start is checked with the year's rules (`years`), and fixed once pairs are confirmed.
 */
export function cohortRoutes(ctx: CohortsContext, years: CohortYearRules): ApiRoute[] {
  const now = () => ctx.parts.clock();
  const json = async (cohort: StoredCohort): Promise<CohortJson> =>
    cohortJson(cohort, now(), { year: (await years.confirmedYear(cohort)) ?? null, defaultYearStartsOn: years.defaultStart() });
  /** A new or changed start must follow the year's rules, and cannot change once the year is set by confirmed pairs. */
  const checkYearStart = async (next: CohortFields, current?: StoredCohort): Promise<void> => {
    const unchanged = current !== undefined && next.yearStartsOn === current.yearStartsOn;
    if (unchanged) return;
    if (current && (await years.confirmedYear(current))) throw new AppError('Conflict', YEAR_FIXED);
    const problem = next.yearStartsOn === null ? undefined : years.checkStart(next.yearStartsOn, { applicationsCloseOn: next.closesOn });
    if (problem) throw new AppError('BadRequest', `Mentoring year starts on: ${problem}`);
  };
  const load = async (id: string): Promise<StoredCohort> => {
    const cohort = await ctx.cohorts.get(id);
    if (!cohort) throw new AppError('NotFound', 'That cohort was not found.');
    return cohort;
  };
  const fields = (input: CohortFieldsInput, current?: CohortFields) => {
    try {
      return readCohortFields(input, current);
    } catch (error) {
      if (error instanceof CohortInputError) throw new AppError('BadRequest', error.userMessage);
      throw error;
    }
  };
  /** Writes a change to the version the client read (`ifMatch`): a stale one, or a race with another writer, is a 409. */
  const write = async (cohort: StoredCohort, ifMatch: string, change: Parameters<typeof ctx.cohorts.update>[1]) => {
    if (ifMatch !== cohort.etag) throw new AppError('Conflict', CHANGED_MEANWHILE);
    try {
      return await ctx.cohorts.update(cohort, change, now());
    } catch (error) {
      if (error instanceof ConflictError) throw new AppError('Conflict', CHANGED_MEANWHILE);
      throw error;
    }
  };
  /** Opening or closing twice answers the cohort as it is. */
  const setStatus = async (id: string, ifMatch: string, status: CohortStatus) => {
    const cohort = await load(id);
    const otherOpen = async () => (await ctx.cohorts.listOpen()).find((c) => c.id !== cohort.id);
    const onlyOneOpen = (other: { name: string }) => new AppError('Conflict', `Close ${other.name} first: only one cohort takes applications at a time.`);
    if (status === 'open') {
      const other = await otherOpen(); // cohorts opened before the open marker existed
      if (other) throw onlyOneOpen(other);
    }
    if (cohort.status === status) return cohort;
    if (ifMatch !== cohort.etag) throw new AppError('Conflict', CHANGED_MEANWHILE);
    try {
      return status === 'open'
        ? await ctx.cohorts.open(cohort, now())
        : status === 'closed'
          ? await ctx.cohorts.close(cohort, now())
          : await ctx.cohorts.update(cohort, { status }, now());
    } catch (error) {
      if (error instanceof AnotherCohortOpenError) throw onlyOneOpen(error.open);
      if (!(error instanceof ConflictError)) throw error;
      const other = status === 'open' ? await otherOpen() : undefined; // lost the race to someone opening another cohort
      throw other ? onlyOneOpen(other) : new AppError('Conflict', CHANGED_MEANWHILE);
    }
  };

  return [
    route(listCohorts, 'taskforce', async () => ({ body: { cohorts: await Promise.all((await ctx.cohorts.list()).map(json)) } })),
    route(getCohortDefaults, 'taskforce', async () => ({ body: { rubric: DEFAULT_RUBRIC.map((c) => ({ ...c, anchors: [...c.anchors] })) } })),
    route(createCohort, 'taskforce', async (request) => {
      const read = fields(request.body);
      await checkYearStart(read);
      const cohort = await ctx.cohorts.create(read, now());
      ctx.parts.log.info('cohort created', { cohortId: cohort.id });
      return { status: 201, body: await json(cohort) };
    }),
    route(getCohort, 'taskforce', async (request) => ({ body: await json(await load(request.params.cohortId)) })),
    route(updateCohort, 'taskforce', async (request) => {
      const cohort = await load(request.params.cohortId);
      const read = fields(request.body, cohort);
      await checkYearStart(read, cohort);
      return { body: await json(await write(cohort, request.ifMatch, read)) };
    }),
    route(openCohort, 'taskforce', async (request) => {
      const cohort = await setStatus(request.params.cohortId, request.ifMatch, 'open');
      const announcement = request.body.announce ? await announce(ctx.parts.batches, ctx.parts.directory(), cohort) : undefined;
      return { body: { cohort: await json(cohort), announcement } };
    }),
    route(closeCohort, 'taskforce', async (request) => ({ body: { cohort: await json(await setStatus(request.params.cohortId, request.ifMatch, 'closed')) } })),
    route(announceCohort, 'taskforce', async (request) => {
      const cohort = await load(request.params.cohortId);
      if (!acceptsApplications(cohort, now())) throw new AppError('Conflict', 'Open the cohort for applications before announcing it.');
      return { status: 202, body: { announcement: await announce(ctx.parts.batches, ctx.parts.directory(), cohort) } };
    }),
    route(getAnnouncement, 'taskforce', async (request) => {
      const cohort = await load(request.params.cohortId);
      const recipients = eligibleRecipients(ctx.parts.directory()).length;
      return { body: { announcement: (await ctx.parts.batches.status(announcementKey(cohort.id))) ?? null, recipients } };
    }),
  ];
}

export function cohortJson(cohort: StoredCohort, now: Date, year: Pick<CohortJson, 'year' | 'defaultYearStartsOn'>): CohortJson {
  return {
    id: cohort.id,
    name: cohort.name,
    programYear: cohort.programYear,
    opensOn: cohort.opensOn,
    closesOn: cohort.closesOn,
    yearStartsOn: cohort.yearStartsOn,
    defaultYearStartsOn: year.defaultYearStartsOn,
    year: year.year,
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

import { AppError } from '../../errors';
import { callerOf, route, type ApiRoute } from '../../http/apiRoute';
import { ConflictError } from '../../storage/storageErrors';
import type { CohortStore } from '../cohorts/cohortStore';
import type { PairStore } from '../matching/matchingStore';
import {
  addMyLearning,
  getLearningSending,
  getMyLearnings,
  getPublishedLearnings,
  getSharedLearnings,
  sendPublishedLearnings,
  setLearningPublished,
  updateMyLearning,
  type MyLearning,
  type SharedLearning,
} from './api';
import type { LearningSending } from './learningSending';
import type { Learning, LearningStore } from './learningStore';

interface LearningDeps {
  store: LearningStore;
  cohorts: CohortStore;
  pairs: PairStore;
  sending: LearningSending;
  clock: () => Date;
}

const CHANGED_MEANWHILE = 'This entry was changed somewhere else just now. Please reload and try again.';

/**
 * "You said, we did" (contract in api.ts): an executive's own entries, the taskforce's view of the shared ones and
 * their publication, what was published for a cohort's participants, and sending it to them in chat.
 */
export function learningRoutes({ store, cohorts, pairs, sending, clock }: LearningDeps): ApiRoute[] {
  const cohortsAsExecutive = async (personId: string) => (await pairs.ofPerson(personId)).filter((row) => row.role === 'executive').map((row) => row.cohortId);
  const ownEntry = async (personId: string, cohortId: string, entryId: string): Promise<Learning> => {
    const entry = await store.get(cohortId, entryId);
    if (!entry || entry.executiveId !== personId) throw new AppError('NotFound', 'That entry does not exist.');
    return entry;
  };
  const saved = async (entry: Learning, etag: string): Promise<Learning> => {
    if (etag !== entry.etag) throw new AppError('Conflict', CHANGED_MEANWHILE);
    try {
      return await store.save(entry, etag);
    } catch (error) {
      if (error instanceof ConflictError) throw new AppError('Conflict', CHANGED_MEANWHILE);
      throw error;
    }
  };

  return [
    route(getMyLearnings, 'signed-in', async (request) => {
      const me = callerOf(request).id;
      const cohortIds = await cohortsAsExecutive(me);
      const mine: { cohortId: string; cohortName: string }[] = [];
      const entries: MyLearning[] = [];
      for (const cohortId of cohortIds) {
        const cohort = await cohorts.get(cohortId);
        if (cohort) mine.push({ cohortId, cohortName: cohort.name });
        entries.push(...(await store.listCohort(cohortId)).filter((e) => e.executiveId === me).map(myView));
      }
      return { body: { cohorts: mine, entries: entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt)) } };
    }),
    route(addMyLearning, 'signed-in', async (request) => {
      const caller = callerOf(request);
      const { cohortId, learned, changed, shareConsent } = request.body;
      if (!(await cohortsAsExecutive(caller.id)).includes(cohortId)) throw new AppError('Forbidden', 'Only the executives paired in this cohort can log what they learned in it.');
      const at = clock().toISOString();
      const entry = await store.add({ cohortId, executiveId: caller.id, executiveName: caller.name, learned, changed, shareConsent, createdAt: at, updatedAt: at });
      return { status: 201, body: { entry: myView(entry) } };
    }),
    route(updateMyLearning, 'signed-in', async (request) => {
      const { cohortId, entryId } = request.params;
      const entry = await ownEntry(callerOf(request).id, cohortId, entryId);
      const { learned, changed, shareConsent } = request.body;
      // Consent withdrawn: the entry leaves the cohort's page at once.
      const published = entry.published && shareConsent;
      const next = await saved(
        { ...entry, learned, changed, shareConsent, published, publishedAt: published ? entry.publishedAt : null, updatedAt: clock().toISOString() },
        request.ifMatch,
      );
      return { body: { entry: myView(next) } };
    }),
    route(getSharedLearnings, 'taskforce', async (request) => {
      const cohort = await cohorts.get(request.params.cohortId);
      if (!cohort) throw new AppError('NotFound', 'That cohort does not exist.');
      return { body: { entries: (await store.listCohort(cohort.id)).filter((e) => e.shareConsent).map(sharedView) } };
    }),
    route(setLearningPublished, 'taskforce', async (request) => {
      const { cohortId, entryId } = request.params;
      const entry = await store.get(cohortId, entryId);
      // An entry the executive keeps to themselves does not exist as far as the taskforce can tell.
      if (!entry || (!entry.shareConsent && !entry.published)) throw new AppError('NotFound', 'That entry does not exist.');
      const { published } = request.body;
      if (published && !entry.shareConsent) throw new AppError('Conflict', 'The executive has not agreed to share this entry.');
      const at = clock().toISOString();
      const next = await saved(
        { ...entry, published, publishedAt: published ? (entry.publishedAt ?? at) : null, publishedBy: published ? callerOf(request).id : null, updatedAt: at },
        request.ifMatch,
      );
      return { body: { entry: sharedView(next) } };
    }),
    route(getLearningSending, 'taskforce', async (request) => ({ body: await sending.overview(request.params.cohortId) })),
    route(sendPublishedLearnings, 'taskforce', async (request) => ({ status: 202, body: await sending.send(request.params.cohortId, callerOf(request).id) })),
    route(getPublishedLearnings, 'signed-in', async (request) => {
      const { cohortId } = request.params;
      const caller = callerOf(request);
      const participant = (await pairs.ofPerson(caller.id)).some((row) => row.cohortId === cohortId);
      if (!participant && !request.roles.includes('taskforce')) throw new AppError('Forbidden', 'This page is for the participants of that cohort.');
      const entries = (await store.listCohort(cohortId)).filter((e) => e.published && e.shareConsent);
      return {
        body: {
          entries: entries
            .map((e) => ({ entryId: e.entryId, executiveName: e.executiveName, learned: e.learned, changed: e.changed, publishedAt: e.publishedAt ?? e.updatedAt }))
            .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)),
        },
      };
    }),
  ];
}

function myView(e: Learning): MyLearning {
  return {
    cohortId: e.cohortId,
    entryId: e.entryId,
    learned: e.learned,
    changed: e.changed,
    shareConsent: e.shareConsent,
    published: e.published,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    etag: e.etag,
  };
}

function sharedView(e: Learning): SharedLearning {
  return { ...myView(e), executiveName: e.executiveName, publishedAt: e.publishedAt };
}

import { AppError } from '../../errors';
import { callerOf, type ApiRequest, type ApiRoute } from '../../http/apiRoute';
import { nextSteps } from './introductionCard';
import type { ScoringRules } from './matchingRules';
import type { MatchingContext, MatchingService } from './matchingService';
import type { AuditLog } from './matchingStore';
import { pairView, proposalView } from './matchingView';

/**
 * The matching tab API (API.md in this folder): the taskforce's review of a cohort's proposal and its confirmed pairs,
 * and "My mentoring" for a participant's own pair (no scores, bans, override reasons or other pairs).
 */
export function matchingRoutes(service: MatchingService, audit: AuditLog, scoring: ScoringRules): ApiRoute[] {
  const proposal = (ctx: MatchingContext) => ({ body: { proposal: proposalView(ctx, scoring, (id) => service.snapshot(ctx, id)) } });
  const actor = (request: ApiRequest) => {
    const caller = callerOf(request);
    return { id: caller.id, name: caller.name };
  };
  const base = '/api/cohorts/:cohortId/matching';
  const taskforce = (method: ApiRoute['method'], path: string, handle: ApiRoute['handle']): ApiRoute => ({ method, path, access: 'taskforce', handle });

  return [
    taskforce('get', base, async (request) => proposal(await service.load(request.params.cohortId))),
    taskforce('post', `${base}/run`, async (request) => proposal(await service.run(request.params.cohortId, actor(request), etagOf(request)))),
    taskforce('get', `${base}/check`, async (request) => {
      const pair = { executiveId: requiredText(request.query.executiveId, 'executiveId'), mentorId: requiredText(request.query.mentorId, 'mentorId') };
      const checked = await service.check(request.params.cohortId, pair);
      return { body: { allowed: checked.violations.length === 0, ...checked } };
    }),
    taskforce('put', `${base}/lock`, async (request) => {
      const body = bodyOf(request);
      if (typeof body.locked !== 'boolean') throw new AppError('BadRequest', 'Say whether the pair is locked (true or false).');
      return proposal(await service.lock(request.params.cohortId, actor(request), requiredText(body.executiveId, 'executiveId'), body.locked, etagOf(request)));
    }),
    taskforce('post', `${base}/bans`, async (request) => {
      const body = bodyOf(request);
      const pair = { executiveId: requiredText(body.executiveId, 'executiveId'), mentorId: requiredText(body.mentorId, 'mentorId') };
      return proposal(await service.ban(request.params.cohortId, actor(request), pair, body.reason, etagOf(request)));
    }),
    taskforce('del', `${base}/bans/:executiveId/:mentorId`, async (request) => {
      const pair = { executiveId: request.params.executiveId, mentorId: request.params.mentorId };
      return proposal(await service.unban(request.params.cohortId, actor(request), pair, etagOf(request)));
    }),
    taskforce('put', `${base}/assignments/:executiveId`, async (request) => {
      const body = bodyOf(request);
      if (body.mentorId !== null && typeof body.mentorId !== 'string') throw new AppError('BadRequest', 'Give a mentor (mentorId), or null to clear the pair.');
      return proposal(await service.assign(request.params.cohortId, actor(request), request.params.executiveId, body.mentorId, body.overrideReason, etagOf(request)));
    }),
    taskforce('post', `${base}/confirm`, async (request) => {
      const done = await service.confirm(request.params.cohortId, actor(request), etagOf(request));
      return { body: { pairs: done.pairs.map(pairView).sort(byExecutiveName), unreachable: done.unreachable, alreadyConfirmed: done.alreadyConfirmed } };
    }),
    taskforce('get', `${base}/audit`, async (request) => {
      const ctx = await service.load(request.params.cohortId);
      return { body: { entries: await audit.list(ctx.cohort.id) } };
    }),
    taskforce('get', '/api/cohorts/:cohortId/pairs', async (request) => {
      const ctx = await service.load(request.params.cohortId);
      const pairs = await service.confirmedPairs(ctx);
      return { body: { cohort: { id: ctx.cohort.id, name: ctx.cohort.name }, status: ctx.state.status, pairs: pairs.map(pairView).sort(byExecutiveName) } };
    }),
    {
      method: 'get',
      path: '/api/me/pair',
      access: 'signed-in',
      handle: async (request) => {
        const mine = await service.pairsOf(callerOf(request).id);
        return {
          body: {
            pairs: mine.map(({ cohort, role, pair }) => {
              const partner = role === 'mentor' ? pair.executive : pair.mentor;
              return {
                cohortId: cohort.id,
                cohortName: cohort.name,
                myRole: role,
                partner: { name: partner.name, jobTitle: partner.jobTitle, department: partner.department, role: role === 'mentor' ? 'executive' : 'mentor' },
                sharedTopics: pair.sharedTopics,
                confirmedAt: pair.confirmedAt,
                nextSteps: nextSteps(role),
              };
            }),
          },
        };
      },
    },
  ];
}

function byExecutiveName(a: { executive: { name: string } }, b: { executive: { name: string } }): number {
  return a.executive.name.localeCompare(b.executive.name);
}

function bodyOf(request: ApiRequest): Record<string, unknown> {
  const body = request.body;
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new AppError('BadRequest', 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

/** The proposal's ETag, from the body or (for DELETE) the query. */
function etagOf(request: ApiRequest): string | undefined {
  const etag = bodyOf(request).etag ?? request.query.etag;
  if (etag === undefined || etag === null) return undefined;
  if (typeof etag !== 'string') throw new AppError('BadRequest', 'etag must be text.');
  return etag;
}

function requiredText(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new AppError('BadRequest', `${name} is required.`);
  return value;
}

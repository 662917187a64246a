import { callerOf, route, type ApiRequest, type ApiRoute } from '../../http/apiRoute';
import type { EndpointSpec } from '../../contract/endpoint';
import {
  assignMentor,
  banPair,
  checkPair,
  confirmPairs,
  getAudit,
  getConfirmedPairs,
  getMyPairs,
  getProposal,
  resendIntroductions,
  runMatching,
  setLocked,
  unbanPair,
  type Proposal,
} from './api';
import { nextSteps } from './introductionCard';
import type { ScoringRules } from './matchingRules';
import type { MatchingContext, MatchingService } from './matchingService';
import type { AuditLog } from './matchingStore';
import { pairView, proposalView } from './matchingView';

/**
 * The matching tab API (contract in api.ts, described in API.md): the taskforce's review of a cohort's proposal and its
 * confirmed pairs, and "My mentoring" for a participant's own pair (no scores, bans, override reasons or other pairs).
 * Every change names the proposal's version in If-Match.
 */
export function matchingRoutes(service: MatchingService, audit: AuditLog, scoring: ScoringRules): ApiRoute[] {
  const proposal = (ctx: MatchingContext): { body: { proposal: Proposal } } => ({ body: { proposal: proposalView(ctx, scoring, (id) => service.snapshot(ctx, id)) } });
  const actor = <E extends EndpointSpec>(request: ApiRequest<E>) => {
    const caller = callerOf(request);
    return { id: caller.id, name: caller.name };
  };

  return [
    route(getProposal, 'taskforce', async (request) => proposal(await service.load(request.params.cohortId))),
    route(runMatching, 'taskforce', async (request) => proposal(await service.run(request.params.cohortId, actor(request), request.ifMatch))),
    route(checkPair, 'taskforce', async (request) => {
      const checked = await service.check(request.params.cohortId, request.query);
      return { body: { allowed: checked.violations.length === 0, ...checked } };
    }),
    route(setLocked, 'taskforce', async (request) => {
      const { executiveId, locked } = request.body;
      return proposal(await service.lock(request.params.cohortId, actor(request), executiveId, locked, request.ifMatch));
    }),
    route(banPair, 'taskforce', async (request) => {
      const { executiveId, mentorId, reason } = request.body;
      return proposal(await service.ban(request.params.cohortId, actor(request), { executiveId, mentorId }, reason, request.ifMatch));
    }),
    route(unbanPair, 'taskforce', async (request) => {
      const { cohortId, executiveId, mentorId } = request.params;
      return proposal(await service.unban(cohortId, actor(request), { executiveId, mentorId }, request.ifMatch));
    }),
    route(assignMentor, 'taskforce', async (request) => {
      const { cohortId, executiveId } = request.params;
      return proposal(await service.assign(cohortId, actor(request), executiveId, request.body.mentorId, request.body.overrideReason, request.ifMatch));
    }),
    route(confirmPairs, 'taskforce', async (request) => {
      const done = await service.confirm(request.params.cohortId, actor(request), request.ifMatch);
      return { body: { pairs: done.pairs.map(pairView).sort(byExecutiveName), unreachable: done.unreachable, alreadyConfirmed: done.alreadyConfirmed } };
    }),
    route(getAudit, 'taskforce', async (request) => {
      const ctx = await service.load(request.params.cohortId);
      return { body: { entries: await audit.list(ctx.cohort.id) } };
    }),
    route(getConfirmedPairs, 'taskforce', async (request) => {
      const ctx = await service.load(request.params.cohortId);
      const pairs = await service.confirmedPairs(ctx);
      return { body: { cohort: { id: ctx.cohort.id, name: ctx.cohort.name }, status: ctx.state.status, pairs: pairs.map(pairView).sort(byExecutiveName) } };
    }),
    route(resendIntroductions, 'taskforce', async (request) => {
      const { pairs, ...counts } = await service.resendIntroductions(request.params.cohortId);
      return { body: { ...counts, pairs: pairs.map(pairView).sort(byExecutiveName) } };
    }),
    route(getMyPairs, 'signed-in', async (request) => {
      const mine = await service.pairsOf(callerOf(request).id);
      const pairs = mine.map(({ cohort, role, pair }) => {
        const partner = role === 'mentor' ? pair.executive : pair.mentor;
        return {
          cohortId: cohort.id,
          cohortName: cohort.name,
          myRole: role,
          partner: { name: partner.name, jobTitle: partner.jobTitle, department: partner.department, role: role === 'mentor' ? ('executive' as const) : ('mentor' as const) },
          sharedTopics: pair.sharedTopics,
          confirmedAt: pair.confirmedAt,
          nextSteps: nextSteps(role),
        };
      });
      return { body: { pairs } };
    }),
  ];
}

function byExecutiveName(a: { executive: { name: string } }, b: { executive: { name: string } }): number {
  return a.executive.name.localeCompare(b.executive.name);
}

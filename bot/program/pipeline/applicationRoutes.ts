import { AppError } from '../../errors';
import { callerOf, route, type ApiRoute } from '../../http/apiRoute';
import { ConflictError } from '../../storage/storageErrors';
import type { InterviewFlow } from '../interviews/interviewFlow';
import { assignInterviewer, decideApplication, getApplicant, listFlags, listTaskforceMembers, resendApprovalRequest } from '../applications/api';
import type { ApprovalFlow } from '../applications/approvalFlow';
import { applicationJson } from '../applications/applicationJson';
import type { StoredApplication } from '../applications/applicationStore';
import type { IntakeContext } from '../intake/intakeContext';

/**
 * Tab API for applications (taskforce only; contract in api.ts): flags that need attention, one application with its interview, assigning
 * the interviewer, deciding, re-sending an approval request, and the taskforce members who can interview.
 */
export function applicationRoutes(ctx: IntakeContext, interviews: InterviewFlow, approvals: ApprovalFlow): ApiRoute[] {
  return [
    route(listFlags, 'taskforce', async (request) => {
      const cohort = await ctx.cohorts.get(request.params.cohortId);
      if (!cohort) throw new AppError('NotFound', 'That cohort was not found.');
      const nominated = await ctx.applications.listCohort(cohort.id, { stage: 'nominated' });
      const flags = nominated.flatMap((a) =>
        a.flag
          ? [
              {
                personId: a.personId,
                name: a.name,
                reason: a.flag,
                flaggedAt: a.flaggedAt ?? null,
                managerId: a.managerId ?? null,
                managerName: a.managerName ?? null,
                approvalSentAt: a.approvalSentAt ?? null,
                reminderSentAt: a.reminderSentAt ?? null,
              },
            ]
          : [],
      );
      return { body: { flags } };
    }),
    route(getApplicant, 'taskforce', async (request) => {
      const { application, interview, cohort } = await interviews.view(request.params.cohortId, request.params.personId);
      return { body: { application: applicationJson(application), interview, rubric: cohort.rubric, topics: cohort.topics } };
    }),
    route(assignInterviewer, 'taskforce', async (request) => {
      const { cohortId, personId } = request.params;
      const { application, delivered } = await interviews.assign(cohortId, personId, request.body.interviewerId, request.ifMatch);
      return { body: { application: applicationJson(application), rubricCardDelivered: delivered } };
    }),
    route(decideApplication, 'taskforce', async (request) => {
      const { cohortId, personId } = request.params;
      const decided = await interviews.decide(callerOf(request).id, cohortId, personId, request.body, request.ifMatch);
      return { body: { application: applicationJson(decided) } };
    }),
    route(resendApprovalRequest, 'taskforce', async (request) => {
      const cohort = await ctx.cohorts.get(request.params.cohortId);
      const application = cohort && (await ctx.applications.get(cohort.id, request.params.personId));
      if (!cohort || !application) throw new AppError('NotFound', 'That application was not found.');
      if (application.kind !== 'mentor' || application.stage !== 'nominated') throw new AppError('Conflict', 'This nomination is no longer waiting for its manager.');
      const manager = ctx.parts.directory().managerOf(application.personId);
      let reset: StoredApplication;
      try {
        reset = await ctx.applications.update(application, {
          managerId: manager?.id,
          managerName: manager?.name,
          flag: undefined,
          flaggedAt: undefined,
          reminderSentAt: undefined,
          approvalSentAt: undefined,
          approvalActivityId: undefined,
          updatedAt: ctx.parts.clock().toISOString(),
        });
      } catch (error) {
        if (error instanceof ConflictError) throw new AppError('Conflict', 'This nomination changed meanwhile. Please reload it.');
        throw error;
      }
      const sent = await approvals.requestApproval(reset, cohort);
      return { body: { application: applicationJson(sent.application) } };
    }),
    route(listTaskforceMembers, 'taskforce', async () => {
      // The directory is in memory; the role check is a set lookup per person.
      const members = ctx.parts
        .directory()
        .all()
        .filter((p) => p.accountEnabled && ctx.parts.roles.has(p.id, 'taskforce'))
        .map((p) => ({ id: p.id, name: p.name, jobTitle: p.jobTitle ?? null }));
      return { body: { members } };
    }),
  ];
}

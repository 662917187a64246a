import { callerOf, route, type ApiRoute } from '../../http/apiRoute';
import type { InterviewsContext } from './interviewsContext';
import { applicationJson } from '../applications/applicationJson';
import { getInterviewSheet, listMyInterviews, submitScores, type MyInterview } from './api';
import type { InterviewFlow } from './interviewFlow';

/**
 * Tab API for interviews (taskforce only, since interviewers are taskforce members; contract in api.ts): my interviews,
 * one interview's form data with the rubric, and submitting scores (the assigned interviewer only).
 */
export function interviewRoutes(ctx: InterviewsContext, interviews: InterviewFlow): ApiRoute[] {
  return [
    route(listMyInterviews, 'taskforce', async (request) => {
      const me = callerOf(request).id;
      const result: MyInterview[] = [];
      for (const cohort of await ctx.cohorts.list()) {
        if (cohort.status === 'draft') continue;
        for (const interview of await ctx.interviews.listCohort(cohort.id, me)) {
          const candidate = await ctx.applications.get(cohort.id, interview.candidateId);
          if (!candidate || candidate.interviewerId !== me) continue;
          result.push({
            cohortId: cohort.id,
            cohortName: cohort.name,
            candidateId: candidate.personId,
            candidateName: candidate.name,
            stage: candidate.stage,
            assignedAt: interview.assignedAt,
            submittedAt: interview.submittedAt ?? null,
          });
        }
      }
      return { body: { interviews: result } };
    }),
    route(getInterviewSheet, 'taskforce', async (request) => {
      const { cohort, application, interview } = await interviews.view(request.params.cohortId, request.params.personId);
      return {
        body: {
          candidate: applicationJson(application),
          rubric: cohort.rubric,
          topics: cohort.topics,
          interview,
          canScore: interview.interviewerId === callerOf(request).id && (application.stage === 'managerApproved' || application.stage === 'interviewed'),
        },
      };
    }),
    route(submitScores, 'taskforce', async (request) => {
      const { cohortId, personId } = request.params;
      return { body: { interview: await interviews.submitFromTab(callerOf(request).id, cohortId, personId, request.body, request.ifMatch) } };
    }),
  ];
}

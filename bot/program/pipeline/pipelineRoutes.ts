import { AppError } from '../../errors';
import { callerOf, route, type ApiRoute } from '../../http/apiRoute';
import type { IntakeContext } from '../intake/intakeContext';
import type { StoredApplication } from '../applications/applicationStore';
import { averageScore } from '../interviews/rubricRules';
import { mentoringSummary } from './mentoringSummary';
import { downloadPipelineCsv, getMyMentoring, getPipeline, type PipelineFilter } from './api';
import { byStageThenName, countByStage, stageLabel, toCsv } from './pipelineRules';

/**
 * The pipeline (taskforce): every applicant of a cohort by stage, counts, filters and a CSV export; and "My mentoring"
 * (anyone signed in): their own applications and what waits for them. Contract in api.ts.
 */
export function pipelineRoutes(ctx: IntakeContext): ApiRoute[] {
  const load = async (cohortId: string, filter: PipelineFilter) => {
    const cohort = await ctx.cohorts.get(cohortId);
    if (!cohort) throw new AppError('NotFound', 'That cohort was not found.');
    const all = await ctx.applications.listCohort(cohort.id);
    const averages = new Map((await ctx.interviews.listCohort(cohort.id)).map((i) => [i.candidateId, averageScore(i.scores)]));
    const shown = all.filter((a) => matches(a, filter)).sort(byStageThenName);
    return { cohort, all, shown, averages };
  };
  const topicNames = (cohortTopics: { id: string; title: string }[], a: StoredApplication) => {
    const titles = new Map(cohortTopics.map((t) => [t.id, t.title]));
    return a.topicIds.map((id) => titles.get(id) ?? id);
  };

  return [
    route(getPipeline, 'taskforce', async (request) => {
      const { cohort, all, shown, averages } = await load(request.params.cohortId, request.query);
      return {
        body: {
          cohort: { id: cohort.id, name: cohort.name, status: cohort.status },
          counts: countByStage(all),
          countsByKind: { mentor: all.filter((a) => a.kind === 'mentor').length, executive: all.filter((a) => a.kind === 'executive').length },
          applicants: shown.map((a) => ({
            personId: a.personId,
            name: a.name,
            jobTitle: a.jobTitle ?? null,
            department: a.department ?? null,
            kind: a.kind,
            stage: a.stage,
            stageLabel: stageLabel(a.stage),
            topics: topicNames(cohort.topics, a),
            otherTopics: a.otherTopics,
            submittedAt: a.submittedAt,
            managerName: a.managerName ?? null,
            interviewerId: a.interviewerId ?? null,
            interviewerName: a.interviewerName ?? null,
            averageScore: averages.get(a.personId) ?? null,
            flag: a.flag ?? null,
          })),
        },
      };
    }),
    route(downloadPipelineCsv, 'taskforce', async (request) => {
      const { cohort, shown, averages } = await load(request.params.cohortId, request.query);
      const header = ['Name', 'Job title', 'Department', 'Kind', 'Stage', 'Topics', 'Other topics', 'Submitted', 'Manager', 'Interviewer', 'Average score', 'Flag'];
      const rows = shown.map((a) => [
        a.name,
        a.jobTitle,
        a.department,
        a.kind,
        stageLabel(a.stage),
        topicNames(cohort.topics, a).join('; '),
        a.otherTopics,
        a.submittedAt.slice(0, 10),
        a.managerName,
        a.interviewerName,
        averages.get(a.personId),
        a.flag,
      ]);
      return { contentType: 'text/csv; charset=utf-8', body: toCsv(header, rows) };
    }),
    route(getMyMentoring, 'signed-in', async (request) => ({ body: await mentoringSummary(ctx, callerOf(request).id) })),
  ];
}

function matches(a: StoredApplication, filter: PipelineFilter): boolean {
  return (!filter.stage || a.stage === filter.stage) && (!filter.kind || a.kind === filter.kind);
}

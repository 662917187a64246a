import { acceptsApplications } from '../cohorts/cohortRules';
import { STAGE_LABELS } from '../applications/applicationRules';
import type { IntakeContext } from '../intake/intakeContext';
import type { MyMentoring } from './api';

export type { MyMentoring } from './api';

/**
 * What one person has going on in Mentoring Up: their own applications and status, nominations waiting for their
 * approval as a manager, and interviews they are to score. The same data feeds "status" in chat and "My mentoring" in
 * the tab. Never includes scores, decline reasons or anyone else's details beyond a name.
 */
export async function mentoringSummary(ctx: IntakeContext, personId: string): Promise<MyMentoring> {
  const directory = ctx.parts.directory();
  const now = ctx.parts.clock();
  const cohorts = await ctx.cohorts.list();
  const summary: MyMentoring = { applications: [], approvalsWaiting: [], interviewsToDo: [] };
  const isTaskforce = ctx.parts.roles.has(personId, 'taskforce');
  for (const cohort of cohorts) {
    const mine = await ctx.applications.get(cohort.id, personId);
    if (mine) {
      const titles = new Map(cohort.topics.map((t) => [t.id, t.title]));
      summary.applications.push({
        cohortId: cohort.id,
        cohortName: cohort.name,
        kind: mine.kind,
        stage: mine.stage,
        status: STAGE_LABELS[mine.stage],
        topics: mine.topicIds.map((id) => titles.get(id) ?? id),
        otherTopics: mine.otherTopics,
        submittedAt: mine.submittedAt,
      });
    }
    if (cohort.status !== 'open') continue;
    if (!summary.openCohort && acceptsApplications(cohort, now) && !mine) {
      const person = directory.getPerson(personId);
      const enabled = person?.accountEnabled === true;
      summary.openCohort = {
        id: cohort.id,
        name: cohort.name,
        closesOn: cohort.closesOn,
        canNominate: enabled && !directory.hasDirectReports(personId),
        canApply: enabled && ctx.parts.roles.has(personId, 'executive'),
      };
    }
    for (const waiting of await ctx.applications.listCohort(cohort.id, { stage: 'nominated', managerId: personId })) {
      if (directory.managerOf(waiting.personId)?.id !== personId) continue; // no longer their manager
      summary.approvalsWaiting.push({ cohortId: cohort.id, cohortName: cohort.name, nomineeId: waiting.personId, nomineeName: waiting.name, submittedAt: waiting.submittedAt });
    }
    if (isTaskforce) {
      for (const interview of await ctx.interviews.listCohort(cohort.id, personId)) {
        const candidate = await ctx.applications.get(cohort.id, interview.candidateId);
        if (!candidate || candidate.interviewerId !== personId || (candidate.stage !== 'managerApproved' && candidate.stage !== 'interviewed')) continue;
        summary.interviewsToDo.push({
          cohortId: cohort.id,
          cohortName: cohort.name,
          candidateId: candidate.personId,
          candidateName: candidate.name,
          scored: Boolean(interview.submittedAt),
        });
      }
    }
  }
  return summary;
}

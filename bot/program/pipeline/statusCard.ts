import type { CardJson } from '../../cards/expandCard';
import type { MyMentoring } from './mentoringSummary';
import type { PersonPair } from '../matching/personPairs';
import { noticeCard, type CardButton, type Fact } from '../applications/applicationCards';

/**
 * "status" in chat: the person's pair once confirmed, their applications, approvals they owe, interviews they are to
 * score, and what they can start.
 */
export function statusCard(summary: MyMentoring, pairs: readonly PersonPair[] = []): CardJson {
  const lines: string[] = [];
  const paired = new Set(pairs.map((p) => p.cohort.id));
  const facts: Fact[] = [
    ...pairs.map(({ cohort, role, pair }) => ({
      label: `${cohort.name}: your ${role === 'mentor' ? 'mentee' : 'mentor'}`,
      value: [role === 'mentor' ? pair.executive.name : pair.mentor.name, role === 'mentor' ? pair.executive.jobTitle : pair.mentor.jobTitle].filter(Boolean).join(', '),
    })),
    ...summary.applications.filter((a) => !paired.has(a.cohortId)).map((a) => ({ label: `${a.cohortName} (${a.kind === 'mentor' ? 'mentor' : 'executive'})`, value: a.status })),
  ];
  const actions: CardButton[] = [];
  if (facts.length === 0) lines.push('You have no Mentoring Up applications yet.');
  for (const waiting of summary.approvalsWaiting.slice(0, 5)) {
    actions.push({ title: `Review ${waiting.nomineeName}’s nomination`, verb: 'nomination.approvalView', data: { cohortId: waiting.cohortId, nomineeId: waiting.nomineeId } });
  }
  if (summary.approvalsWaiting.length > 0)
    lines.push(`${summary.approvalsWaiting.length} nomination${summary.approvalsWaiting.length === 1 ? ' is' : 's are'} waiting for your approval.`);
  const toScore = summary.interviewsToDo.filter((i) => !i.scored);
  if (summary.interviewsToDo.length > 0)
    lines.push(`You are interviewing ${summary.interviewsToDo.length} candidate${summary.interviewsToDo.length === 1 ? '' : 's'}; ${toScore.length} still to score.`);
  for (const interview of summary.interviewsToDo.slice(0, 5)) {
    actions.push({
      title: `${interview.scored ? 'Review' : 'Score'} ${interview.candidateName}`,
      verb: 'interview.open',
      data: { cohortId: interview.cohortId, candidateId: interview.candidateId },
    });
  }
  const open = summary.openCohort;
  if (open?.canNominate) actions.push({ title: 'Nominate myself', verb: 'nomination.start', data: { cohortId: open.id } });
  if (open?.canApply) actions.push({ title: 'Apply for a mentor', verb: 'executive.start', data: { cohortId: open.id } });
  return noticeCard({ title: 'Your Mentoring Up status', lines, facts, actions: actions.slice(0, 6) });
}

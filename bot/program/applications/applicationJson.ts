import type { ApplicationJson } from './api';
import { STAGE_LABELS } from './applicationRules';
import type { StoredApplication } from './applicationStore';

/** An application as the taskforce sees it (no scores: those come with the interview). */
export function applicationJson(a: StoredApplication): ApplicationJson {
  return {
    cohortId: a.cohortId,
    personId: a.personId,
    kind: a.kind,
    stage: a.stage,
    stageLabel: STAGE_LABELS[a.stage],
    name: a.name,
    jobTitle: a.jobTitle ?? null,
    department: a.department ?? null,
    topicIds: a.topicIds,
    otherTopics: a.otherTopics,
    motivation: a.motivation,
    agreedToExpectations: a.agreedToExpectations,
    submittedAt: a.submittedAt,
    updatedAt: a.updatedAt,
    managerId: a.managerId ?? null,
    managerName: a.managerName ?? null,
    approvalSentAt: a.approvalSentAt ?? null,
    reminderSentAt: a.reminderSentAt ?? null,
    managerDecidedAt: a.managerDecidedAt ?? null,
    managerDeclineReason: a.managerDeclineReason ?? null,
    interviewerId: a.interviewerId ?? null,
    interviewerName: a.interviewerName ?? null,
    decidedAt: a.decidedAt ?? null,
    decidedBy: a.decidedBy ?? null,
    decisionNote: a.decisionNote ?? null,
    flag: a.flag ?? null,
    flaggedAt: a.flaggedAt ?? null,
    etag: a.etag,
  };
}

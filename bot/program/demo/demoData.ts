import { samplePersonas } from '../../directory/samplePersonas';
import type { Person } from '../../directory/person';
import type { Application, Stage } from '../applications/applicationRules';
import { intakeContext, type IntakeContext } from '../intake/intakeContext';
import { DEFAULT_RUBRIC, type CohortFields } from '../cohorts/cohortRules';
import type { Interview } from '../interviews/interviewStore';
import { AUDIT_TABLE, AuditLog, PAIR_BY_PERSON_TABLE, PAIR_TABLE, PairStore, PROPOSAL_TABLE, ProposalStore } from '../matching/matchingStore';
import { introductionsKey } from '../matching/matchingService';
import type { StageParts } from '../programStage';

/**
 * The demo cohort local mode starts with, so a newcomer sees a living program: applicants at every stage, and enough
 * accepted mentors (20) and executives (12) to try matching. The personas can each try their part: Jordan Lee has no
 * application (try "nominate"), Sam Okafor has a report's nomination waiting for approval ("status"), Angela Brooks has
 * not applied (try "apply"), and Priya Raman has interviews to score. Deterministic for a given directory.
 */
export const DEMO_COHORT_ID = 'demo';

const DAY = 24 * 60 * 60 * 1000;

const DEMO_TOPICS = [
  'Patient experience at the bedside',
  'Staffing and scheduling',
  'Technology and tools that help or get in the way',
  'Safety and quality',
  'Communication across teams and shifts',
  'Clinical research operations',
  'Wellbeing and burnout',
  'Career growth for front-line staff',
].map((title, i) => ({ id: `t${i + 1}`, title }));

const MENTOR_WHY = [
  'Leaders decide things that shape my day, and I would like them to see what a shift really looks like.',
  'I have ideas for small changes that would save time for patients and staff, and I want to share them.',
  'I care about this place and want our front line to be heard in the rooms where plans are made.',
  'I have seen how good communication between teams changes outcomes, and I would like to help leaders see it too.',
];

const EXECUTIVE_HOPES = [
  'To understand how our decisions land on the front line, and what gets in the way of good care.',
  'To hear candid views from staff I rarely meet, and to learn what support they need.',
  'To see the daily work up close and test my assumptions about our operations.',
];

/** Creates the demo cohort unless it exists. Returns whether it did. */
export async function ensureDemo(ctx: IntakeContext): Promise<boolean> {
  if (await ctx.cohorts.get(DEMO_COHORT_ID)) return false;
  await seed(ctx);
  ctx.parts.log.info('demo cohort created', { cohortId: DEMO_COHORT_ID });
  return true;
}

/**
 * Deletes the demo cohort with its applications, interviews, matching (proposal, audit, confirmed pairs and their
 * introductions), and creates it afresh (`npm run demo:reset`).
 */
export async function resetDemo(parts: StageParts): Promise<void> {
  const ctx = intakeContext(parts);
  await new PairStore(parts.table(PAIR_TABLE), parts.table(PAIR_BY_PERSON_TABLE)).deleteCohort(DEMO_COHORT_ID);
  await new ProposalStore(parts.table(PROPOSAL_TABLE)).deleteCohort(DEMO_COHORT_ID);
  await new AuditLog(parts.table(AUDIT_TABLE)).deleteCohort(DEMO_COHORT_ID);
  await parts.batches.forget(introductionsKey(DEMO_COHORT_ID));
  await ctx.interviews.deleteCohort(DEMO_COHORT_ID);
  await ctx.applications.deleteCohort(DEMO_COHORT_ID);
  await ctx.cohorts.delete(DEMO_COHORT_ID);
  await seed(ctx);
  parts.log.info('demo cohort reset', { cohortId: DEMO_COHORT_ID });
}

async function seed(ctx: IntakeContext): Promise<void> {
  const now = ctx.parts.clock();
  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const date = (days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
  const fields: CohortFields = {
    name: `Mentoring Up ${now.getUTCFullYear()} (demo)`,
    programYear: now.getUTCFullYear(),
    opensOn: date(-14),
    closesOn: date(30),
    yearStartsOn: null,
    topics: DEMO_TOPICS,
    rubric: DEFAULT_RUBRIC.map((c) => ({ ...c, anchors: [...c.anchors] })),
  };
  const directory = ctx.parts.directory();
  const { roles } = ctx.parts;
  const taskforce = directory.getPerson(samplePersonas.taskforce.id);
  const manager = directory.getPerson(samplePersonas.manager.id);
  if (!taskforce || !manager) {
    ctx.parts.log.warn('demo cohort not created: the directory has no sample personas');
    return;
  }
  const personaIds = new Set<string>(Object.values(samplePersonas).map((p) => p.id));
  const eligible = (p: Person) =>
    p.accountEnabled && !directory.hasDirectReports(p.id) && directory.managerOf(p.id) !== undefined && !personaIds.has(p.id) && !roles.has(p.id, 'taskforce');
  // Sam Okafor's team gives the one nomination waiting for him; everyone else comes from across departments.
  const samsReport = directory.directReportsOf(manager.id).find(eligible);
  const mentors = spreadAcrossDepartments(
    directory.all().filter((p) => eligible(p) && directory.managerOf(p.id)?.id !== manager.id),
    33,
  );
  const executives = spreadAcrossDepartments(
    directory.all().filter((p) => p.accountEnabled && !personaIds.has(p.id) && roles.has(p.id, 'executive')),
    14,
  );
  const otherInterviewer = directory.all().find((p) => p.id !== taskforce.id && p.accountEnabled && roles.has(p.id, 'taskforce')) ?? taskforce;

  const mentorPlan: { stage: Stage; interviewer?: Person; flag?: Application['flag']; sentDaysAgo?: number; remindedDaysAgo?: number }[] = [
    { stage: 'nominated', sentDaysAgo: 2 },
    { stage: 'nominated', sentDaysAgo: 9, remindedDaysAgo: 5, flag: 'managerNoAnswer' },
    { stage: 'nominated', flag: 'managerUnreachable' },
    { stage: 'managerDeclined' },
    { stage: 'managerApproved' },
    { stage: 'managerApproved' },
    { stage: 'managerApproved', interviewer: taskforce },
    { stage: 'managerApproved', interviewer: taskforce },
    { stage: 'interviewed', interviewer: taskforce },
    { stage: 'interviewed', interviewer: otherInterviewer },
    { stage: 'waitlisted', interviewer: otherInterviewer },
    { stage: 'declined', interviewer: otherInterviewer },
    ...Array.from({ length: 20 }, (_, i) => ({ stage: 'accepted' as const, interviewer: i % 2 === 0 ? taskforce : otherInterviewer })),
  ];
  const applications: Application[] = [];
  const interviews: Interview[] = [];
  const people = samsReport ? [samsReport, ...mentors] : mentors;
  mentorPlan.forEach((plan, i) => {
    const person = people[i];
    if (!person) return;
    const boss = directory.managerOf(person.id);
    const submittedDaysAgo = 12 - (i % 5);
    const application: Application = {
      cohortId: DEMO_COHORT_ID,
      personId: person.id,
      kind: 'mentor',
      stage: plan.stage,
      name: person.name,
      jobTitle: person.jobTitle,
      department: person.department,
      topicIds: [DEMO_TOPICS[i % 8].id, DEMO_TOPICS[(i * 3 + 1) % 8].id].filter((id, k, all) => all.indexOf(id) === k),
      otherTopics: i % 4 === 0 ? 'Getting supplies where they are needed' : '',
      motivation: MENTOR_WHY[i % MENTOR_WHY.length],
      agreedToExpectations: true,
      submittedAt: ago(plan.sentDaysAgo ?? submittedDaysAgo),
      updatedAt: ago(1),
      managerId: boss?.id,
      managerName: boss?.name,
      approvalSentAt: plan.stage === 'nominated' && plan.flag !== 'managerUnreachable' ? ago(plan.sentDaysAgo ?? 1) : undefined,
      reminderSentAt: plan.remindedDaysAgo !== undefined ? ago(plan.remindedDaysAgo) : undefined,
      flag: plan.flag,
      flaggedAt: plan.flag ? ago(1) : undefined,
    };
    if (plan.stage !== 'nominated') application.managerDecidedAt = ago(submittedDaysAgo - 1);
    if (plan.stage === 'managerDeclined') application.managerDeclineReason = 'A heavy season for the team; next year would suit better.';
    if (plan.interviewer) {
      application.interviewerId = plan.interviewer.id;
      application.interviewerName = plan.interviewer.name;
      const scored = plan.stage !== 'managerApproved';
      interviews.push({
        cohortId: DEMO_COHORT_ID,
        candidateId: person.id,
        interviewerId: plan.interviewer.id,
        scores: scored ? Object.fromEntries(DEFAULT_RUBRIC.map((c, k) => [c.id, plan.stage === 'declined' ? 2 : 3 + ((i + k) % 3)])) : {},
        notes: scored ? 'Thoughtful, specific examples from their own shifts.' : '',
        mentorAreas: scored ? DEMO_TOPICS[i % 8].title : '',
        assignedAt: ago(4),
        submittedAt: scored ? ago(2) : undefined,
      });
    }
    if (['accepted', 'waitlisted', 'declined'].includes(plan.stage)) {
      application.decidedAt = ago(1);
      application.decidedBy = taskforce.id;
    }
    applications.push(application);
  });
  executives.forEach((person, i) => {
    const stage: Stage = i < 12 ? 'accepted' : 'applied';
    applications.push({
      cohortId: DEMO_COHORT_ID,
      personId: person.id,
      kind: 'executive',
      stage,
      name: person.name,
      jobTitle: person.jobTitle,
      department: person.department,
      topicIds: [DEMO_TOPICS[(i + 2) % 8].id, DEMO_TOPICS[(i * 5 + 3) % 8].id].filter((id, k, all) => all.indexOf(id) === k),
      otherTopics: '',
      motivation: EXECUTIVE_HOPES[i % EXECUTIVE_HOPES.length],
      agreedToExpectations: true,
      submittedAt: ago(10 - (i % 4)),
      updatedAt: ago(1),
      ...(stage === 'accepted' ? { decidedAt: ago(1), decidedBy: taskforce.id } : {}),
    });
  });
  // Applications first, the cohort last: a half-finished seed has no cohort and is simply seeded again next start.
  await ctx.applications.createMany(applications);
  await ctx.interviews.putMany(interviews);
  await ctx.cohorts.create(fields, now, { id: DEMO_COHORT_ID, isDemo: true, status: 'open' });
}

/** Takes people round-robin across departments, so the demo spans the organization. */
function spreadAcrossDepartments(people: readonly Person[], count: number): Person[] {
  const byDepartment = new Map<string, Person[]>();
  for (const p of people) {
    const key = p.department ?? '';
    const list = byDepartment.get(key) ?? [];
    list.push(p);
    byDepartment.set(key, list);
  }
  const queues = [...byDepartment.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, list]) => list);
  const picked: Person[] = [];
  for (let round = 0; picked.length < count && queues.some((q) => q.length > round); round++) {
    for (const queue of queues) {
      if (picked.length >= count) break;
      if (queue[round]) picked.push(queue[round]);
    }
  }
  return picked;
}

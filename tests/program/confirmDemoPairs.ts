import { DEMO_COHORT_ID } from '../../bot/program/demo/demoData';
import type { Proposal } from '../../bot/program/matching/api';
import { samplePersonas } from '../../bot/directory/samplePersonas';
import type { IntakeHarness } from './intakeHarness';

/** Runs matching on the demo cohort and confirms the proposal as the taskforce; answers the confirmed proposal. */
export async function confirmDemoPairs(h: IntakeHarness, cohortId = DEMO_COHORT_ID): Promise<Proposal> {
  const taskforce = samplePersonas.taskforce.id;
  const matching = `/api/cohorts/${cohortId}/matching`;
  const run = await h.api('post', `${matching}/run`, taskforce, {}, { ifMatch: (await h.api('get', matching, taskforce)).body.proposal.etag });
  const proposal = run.body.proposal as Proposal;
  const confirmed = await h.api('post', `${matching}/confirm`, taskforce, {}, { ifMatch: proposal.etag });
  if (confirmed.status !== 200) throw new Error(`confirming the demo pairs answered ${confirmed.status}`);
  return proposal;
}

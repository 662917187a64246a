import { samplePersonas } from '../../bot/directory/samplePersonas';
import { DEMO_COHORT_ID } from '../../bot/program/demo/demoData';
import type { Proposal } from '../../bot/program/matching/api';
import type { IntakeHarness } from './intakeHarness';

export interface Participant {
  id: string;
  name: string;
  role: 'mentor' | 'executive';
}

/**
 * The demo cohort with its pairs confirmed through the tab API, as the taskforce does it, after everyone installed the
 * app; then the program events run (`pairsConfirmed`), as the scheduler's poll would.
 */
export async function confirmDemoPairs(h: IntakeHarness): Promise<Participant[]> {
  const priya = samplePersonas.taskforce.id;
  const base = `/api/cohorts/${DEMO_COHORT_ID}/matching`;
  const etag = (await h.api('get', base, priya)).body.proposal.etag as string;
  const run = await h.api('post', `${base}/run`, priya, {}, { ifMatch: etag });
  if (run.status !== 200) throw new Error(`matching run answered ${run.status}`);
  const proposal = run.body.proposal as Proposal;
  const people: Participant[] = proposal.pairs.flatMap((p) => [
    { id: p.mentor.id, name: p.mentor.name, role: 'mentor' as const },
    { id: p.executive.id, name: p.executive.name, role: 'executive' as const },
  ]);
  for (const person of people) await h.install(person);
  const confirmed = await h.api('post', `${base}/confirm`, priya, {}, { ifMatch: proposal.etag });
  if (confirmed.status !== 200) throw new Error(`confirm answered ${confirmed.status}: ${confirmed.text}`);
  await runDueJobs(h);
  return people;
}

/** Runs every job due now, as the scheduler's poll loop would. */
export async function runDueJobs(h: IntakeHarness): Promise<void> {
  for (let full = true; full;) full = (await h.service.app.scheduler.runDue()).full;
}

import { samplePersonas } from '../../../bot/directory/samplePersonas';
import { DEMO_COHORT_ID } from '../../../bot/program/demo/demoData';
import type { Proposal } from '../../../bot/program/matching/api';
import type { YearViewJson } from '../../../bot/program/year/api';
import type { JobRun } from '../../../bot/scheduler/jobRunner';
import type { IntakeHarness } from '../intakeHarness';

/** What the year's tests share: confirming the demo cohort's pairs through the real routes, and running due jobs. */
export interface TestPair {
  executive: { id: string; name: string };
  mentor: { id: string; name: string };
}

export const taskforceLead = samplePersonas.taskforce;

/** Runs matching on the demo cohort and confirms it, with everyone in a pair having installed the app. */
export async function confirmDemoPairs(h: IntakeHarness): Promise<TestPair[]> {
  const base = `/api/cohorts/${DEMO_COHORT_ID}/matching`;
  const etag = (await h.api('get', base, taskforceLead.id)).body.proposal.etag as string;
  const run = await h.api('post', `${base}/run`, taskforceLead.id, {}, { ifMatch: etag });
  if (run.status !== 200) throw new Error(`matching run answered ${run.status}`);
  const proposal = run.body.proposal as Proposal;
  for (const p of proposal.pairs) {
    await h.install({ id: p.executive.id, name: p.executive.name });
    await h.install({ id: p.mentor.id, name: p.mentor.name });
  }
  const confirmed = await h.api('post', `${base}/confirm`, taskforceLead.id, {}, { ifMatch: proposal.etag });
  if (confirmed.status !== 200) throw new Error(`confirm answered ${confirmed.status}`);
  return proposal.pairs.map((p) => ({ executive: { id: p.executive.id, name: p.executive.name }, mentor: { id: p.mentor.id, name: p.mentor.name } }));
}

/** The taskforce schedules the demo cohort's ice breaker through its route; answers once every invitation is sent. */
export async function scheduleIceBreaker(h: IntakeHarness, date: string): Promise<void> {
  const body = { date, time: '12:00', place: 'The atrium', alumniIds: [] };
  const scheduled = await h.api('put', `/api/cohorts/${DEMO_COHORT_ID}/icebreaker`, taskforceLead.id, body, { ifMatch: 'none' });
  if (scheduled.status !== 200) throw new Error(`scheduling the ice breaker answered ${scheduled.status}`);
  await h.service.app.batches.idle();
}

/** A pair's row of the year view as [executive's orientation version, their RSVP, mentor's version, their RSVP]. */
export function attendanceOf(view: YearViewJson, pair: TestPair): unknown[] {
  const row = view.pairs.find((r) => r.executive.id === pair.executive.id);
  if (!row) throw new Error(`no row for ${pair.executive.name}`);
  return [row.executive.orientationVersion, row.executive.iceBreaker, row.mentor.orientationVersion, row.mentor.iceBreaker];
}

/**
 * Moves the clock to `at` and runs every job due then, as the poll loop would; answers the runs. Jobs a handler creates
 * already due (the surveys' opening, planned when pairs are confirmed) run in a further pass, as the next poll would run
 * them, until a pass finds nothing due.
 */
export async function runJobsAt(h: IntakeHarness, at: Date): Promise<JobRun[]> {
  h.clock.set(at);
  const runs: JobRun[] = [];
  for (let pass = 0, more = true; more; pass++) {
    if (pass === 50) throw new Error('jobs keep falling due at the same instant: a handler reschedules itself for now');
    const result = await h.service.app.scheduler.runDue();
    runs.push(...result.runs);
    more = result.full || result.runs.length > 0;
  }
  // Cards to many people (the taskforce told of a closed quarter, orientations, surveys and their reminders) go out in
  // send batches that run beside the jobs: let them finish, so what each person received is known on this day.
  await h.service.app.batches.idle();
  return runs;
}

/** The heading of a card (its first TextBlock), markdown escapes removed. */
export function headingOf(card: Record<string, unknown>): string {
  const body = card.body as { type: string; text?: string }[];
  const first = body.find((b) => b.type === 'TextBlock');
  return (first?.text ?? '').replace(/\\(.)/g, '$1');
}

/**
 * The data of a card's Action.Execute button with this verb (and, when given, the answer it sends: the RSVP buttons
 * share one verb), for clicking it as Teams would.
 */
export function buttonData(card: Record<string, unknown>, verb: string, answer?: string): Record<string, string> {
  let found: Record<string, string> | undefined;
  const walk = (node: unknown): void => {
    if (found) return;
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const data = record.data as Record<string, string> | undefined;
      if (record.type === 'Action.Execute' && record.verb === verb && (answer === undefined || data?.answer === answer)) found = data ?? {};
      else Object.values(record).forEach(walk);
    }
  };
  walk(card);
  if (!found) throw new Error(`no ${verb}${answer ? ` (${answer})` : ''} button on "${headingOf(card)}"`);
  return found;
}

/** Meeting data as the cards carry it, for clicking a button of a given meeting. */
export function meetingButtonData(card: Record<string, unknown>, verb: string): Record<string, string> {
  return buttonData(card, verb);
}

/** The last card a person received that has a button with this verb. */
export function lastCardWith(h: IntakeHarness, person: { id: string; name: string }, verb: string): Record<string, unknown> {
  const cards = h.cardsOf(person).filter((c) => JSON.stringify(c).includes(`"verb":"${verb}"`));
  const card = cards[cards.length - 1];
  if (!card) throw new Error(`${person.name} has no card with ${verb}`);
  return card;
}

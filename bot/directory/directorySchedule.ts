import { AppError } from '../errors';
import type { Scheduler } from '../scheduler/scheduler';
import { syncFailureSentence, type DirectorySync } from './directorySync';

/**
 * Scheduled directory syncs as one recurring scheduler job (so one instance syncs, not each): each run first schedules
 * the next one, which the scheduler applies when the run ends, whether it succeeded or not. "Sync now" from the tab
 * stays a direct call.
 */
export const DIRECTORY_SYNC_JOB = { kind: 'directory.sync', key: 'incremental' } as const;

/** A full read of a large tenant takes minutes; the claim must outlast it. */
const SYNC_LEASE_MS = 30 * 60_000;

/** Registers the sync job and makes sure the next one is scheduled; with no interval (no Graph), removes it. */
export async function scheduleDirectorySyncs(scheduler: Scheduler, sync: DirectorySync, everyMinutes: number | undefined, clock: () => Date): Promise<void> {
  const { kind, key } = DIRECTORY_SYNC_JOB;
  if (everyMinutes === undefined) {
    await scheduler.cancel(kind, key);
    return;
  }
  const nextFrom = (at: Date) => new Date(at.getTime() + everyMinutes * 60_000);
  scheduler.register(
    kind,
    async () => {
      await scheduler.schedule(kind, key, nextFrom(clock()), {});
      try {
        await sync.syncNow();
      } catch (error) {
        // The People page shows the same sentence; the details are in the log.
        throw new AppError('Internal', syncFailureSentence(error), error instanceof Error ? error.message : String(error));
      }
    },
    { leaseMs: SYNC_LEASE_MS, describe: () => 'Scheduled directory sync' },
  );
  const next = nextFrom(clock());
  const existing = await scheduler.get(kind, key);
  // Kept when already due sooner (a restart does not put the next sync off); brought forward after the interval shrank.
  if (!existing || (existing.state !== 'running' && existing.dueAt > next)) await scheduler.schedule(kind, key, next, {});
  sync.showSchedule(everyMinutes);
}

import type { TableClient } from '@azure/data-tables';
import type { Job } from '../../bot/scheduler/scheduler';

/** Runs of a test job kind recorded in a table, so runs in several processes can be counted in one place. */
export const RUNS_TABLE = 'schedulerTestRuns';
export const BLOCKING_KIND = 'test.blocking';

export interface RecordedRun {
  key: string;
  who: string;
  attempt: number;
  event: 'started' | 'finished';
}

export async function recordRun(table: TableClient, job: Job, who: string, event: RecordedRun['event']): Promise<void> {
  await table.createEntity({ partitionKey: job.key, rowKey: `${who}-${job.attempt}-${event}`, who, attempt: job.attempt, event });
}

export async function recordedRuns(table: TableClient, key: string): Promise<RecordedRun[]> {
  const runs: RecordedRun[] = [];
  for await (const row of table.listEntities<{ who: string; attempt: number; event: RecordedRun['event'] }>({ queryOptions: { filter: `PartitionKey eq '${key}'` } })) {
    runs.push({ key, who: row.who, attempt: row.attempt, event: row.event });
  }
  const order = { started: 0, finished: 1 };
  return runs.sort((a, b) => a.attempt - b.attempt || order[a.event] - order[b.event]);
}

import type { TableClient } from '@azure/data-tables';
import { createLogger, type Logger } from '../../bot/log';
import { TableScheduler, type SchedulerSettings } from '../../bot/scheduler/tableScheduler';
import { TableSet } from '../../bot/storage/tables';
import type { TestClock } from '../support/testClock';

let tables = 0;

/** A fresh jobs table of its own for one test (one Azurite for the file). */
export async function freshJobsTable(connectionString: string): Promise<TableClient> {
  const name = `jobs${process.pid}x${++tables}`;
  return (await TableSet.open(connectionString, [name])).client(name);
}

/** Log lines of a scheduler, to check what went to the log and what did not. */
export function capturedLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: createLogger('debug', { write: (_level, line) => void lines.push(line) }), lines };
}

export function schedulerOn(table: TableClient, clock: TestClock, settings: Partial<SchedulerSettings> = {}, log: Logger = createLogger('silent')): TableScheduler {
  return new TableScheduler(table, clock.now, log, settings);
}

/** A promise a test resolves when it wants: a handler that blocks until released. */
export function gate(): { opened: Promise<void>; open(): void } {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** Waits for a condition, checking every few milliseconds, and fails with `what` after the deadline. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

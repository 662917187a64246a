import type { TableClient } from '../storage/tables';
import type { AppConfig } from '../config';
import type { BotFeature } from '../conversation/feature';
import type { OrgIndex } from '../directory/orgIndex';
import type { ApiRoute } from '../http/apiRoute';
import type { Logger } from '../log';
import type { BatchSender } from '../messaging/batchSender';
import type { Messenger } from '../messaging/messenger';
import type { Scheduler } from '../scheduler/scheduler';
import type { Calendar } from '../calendar/calendar';
import type { ProgramEvents } from './programEvents';
import type { Roles } from './roles';

/**
 * One stage of the program (cohorts, nominations, interviews, matching, ...) as the composition root sees it: the tables
 * it needs, and, built from shared parts, its chat commands and card verbs, its tab API routes, and any background work.
 */
export interface StageParts {
  config: AppConfig;
  table(name: string): TableClient;
  /** The current org index (a new object after each directory sync: call it each time, do not keep it). */
  directory(): OrgIndex;
  roles: Roles;
  messenger: Messenger;
  batches: BatchSender;
  /** Timed work (reminders, nudges, escalations): register a handler per job kind in `create`, schedule keyed jobs. */
  scheduler: Scheduler;
  /** Durable events between stages (`pairsConfirmed`): subscribe in `create`, publish when it happened. */
  events: ProgramEvents;
  /** Microsoft Graph calendars (free/busy, events); undefined when Graph is not configured. */
  calendar?: Calendar;
  log: Logger;
  clock(): Date;
}

export interface ProgramStage {
  feature?: BotFeature;
  routes?: readonly ApiRoute[];
  /** Work at start, after the server listens (catch-up of jobs, resuming sends); timed work goes through the scheduler. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export interface StageDefinition {
  /** Tables the stage reads and writes; opened (created if missing) once at start. */
  tables: readonly string[];
  create(parts: StageParts): ProgramStage | Promise<ProgramStage>;
}

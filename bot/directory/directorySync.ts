import type { Person } from './person';
import { OrgIndex } from './orgIndex';
import { describeAnomaly, type OrgAnomalyKind } from './orgAnomaly';
import { applyChange, DeltaExpiredError, type DeltaSource } from './deltaPage';
import type { DirectorySnapshotStore, PendingRound, SyncState } from './snapshotStore';
import type { RoleSource, Roles } from './roles';

export interface DirectoryLogger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export interface DirectorySyncOptions {
  store: DirectorySnapshotStore;
  source: DeltaSource;
  roles: RoleSource;
  /** Pages read between saved checkpoints: after a stop, at most this many pages are read again. */
  checkpointEveryPages?: number;
  clock?: () => Date;
  logger?: DirectoryLogger;
}

export interface SyncOutcome {
  kind: 'full' | 'incremental';
  /** Pages read by this run (a resumed round counts only its own). */
  requests: number;
  changes: number;
  people: number;
}

export interface DirectoryStatus {
  source: string;
  people: number;
  anomalies: number;
  lastSync?: { at: string; kind: 'full' | 'incremental'; requests: number };
  running?: { kind: 'full' | 'incremental'; pages: number; people: number; startedAt: string };
  /** A round stopped half way, resumed by the next sync. */
  interrupted?: { kind: 'full' | 'incremental'; pages: number; people: number };
  lastError?: { at: string; message: string };
  schedule?: { everyMinutes: number };
  roles: { source: string; taskforce: number; executives: number };
}

export interface AnomalyReport {
  kind: OrgAnomalyKind;
  description: string;
  people: Array<Pick<Person, 'id' | 'name' | 'jobTitle' | 'department'>>;
}

/**
 * Keeps the org index current: loads the stored snapshot at start (no Graph read after a restart), reads delta rounds
 * into Table storage (a full round first, then only changes), and rebuilds the index and the roles after each.
 *
 * A round saves a checkpoint (the people read so far, then the next link) every few pages. After a stop the next run
 * resumes from the checkpoint; pages read again are applied again, which changes nothing, so the final snapshot is the
 * same, with nobody lost and nobody twice (people are keyed by id).
 */
export class DirectorySync {
  private current = OrgIndex.empty();
  private currentRoles: Roles = { taskforce: [], executives: [] };
  private state: SyncState | undefined;
  private loaded = false;
  private running: Promise<SyncOutcome> | undefined;
  private progress: DirectoryStatus['running'];
  private intervalMinutes: number | undefined;
  private readonly checkpointEvery: number;
  private readonly clock: () => Date;

  constructor(private readonly options: DirectorySyncOptions) {
    this.checkpointEvery = Math.max(1, options.checkpointEveryPages ?? 10);
    this.clock = options.clock ?? (() => new Date());
  }

  /** The org index of the latest complete snapshot. */
  index(): OrgIndex {
    return this.current;
  }

  roles(): Roles {
    return this.currentRoles;
  }

  /** Loads the stored snapshot; reads the source only when there is none, or a round was left half way. */
  async start(): Promise<void> {
    await this.ensureLoaded();
    if (!this.state || this.state.generation === 0 || this.state.pending) await this.syncNow();
  }

  /** Runs a sync, or joins the one under way. */
  syncNow(): Promise<SyncOutcome> {
    if (!this.running) {
      // Shown as running from the first moment, so "Sync now" answers with a sync under way; the round refines it.
      this.progress = {
        kind: this.state?.deltaLink && !this.state.pending ? 'incremental' : (this.state?.pending?.kind ?? 'full'),
        pages: 0,
        people: 0,
        startedAt: this.clock().toISOString(),
      };
      this.running = this.runRound().finally(() => {
        this.running = undefined;
        this.progress = undefined;
      });
    }
    return this.running;
  }

  /** Starts a sync in the background (the tab's "sync now"); false when one was already running. */
  requestSync(): boolean {
    const already = this.running !== undefined;
    this.syncNow().catch(() => undefined); // the error is logged and kept in the status
    return !already;
  }

  /**
   * Loads the stored snapshot again when a sync finished elsewhere (another instance ran the scheduled sync, or its
   * "Sync now"): one read of the state row, and the people only when it changed. True when it reloaded.
   */
  async refreshIfSyncedElsewhere(): Promise<boolean> {
    if (!this.loaded || this.running) return false;
    const before = this.state;
    const stored = await this.options.store.readState();
    if (!stored || stored.source !== this.options.source.name || stored.generation === 0) return false;
    if (stored.generation === before?.generation && stored.lastSyncAt === before?.lastSyncAt) return false;
    const people = await this.options.store.loadPeople(stored.generation);
    if (this.running || this.state !== before) return false; // a sync here began meanwhile: its result wins
    this.state = stored;
    this.current = OrgIndex.build(people);
    await this.refreshRoles();
    this.options.logger?.info('Directory reloaded after a sync elsewhere', { people: this.current.size, lastSync: stored.lastSyncAt });
    return true;
  }

  /** Shows the interval of the scheduled syncs in the status (the scheduler runs them: see directorySchedule.ts). */
  showSchedule(everyMinutes: number | undefined): void {
    this.intervalMinutes = everyMinutes;
  }

  /** Waits for a sync under way to end; this instance no longer shows a schedule. */
  async stop(): Promise<void> {
    this.intervalMinutes = undefined;
    await this.running?.catch(() => undefined);
  }

  status(): DirectoryStatus {
    const s = this.state;
    return {
      source: this.options.source.name,
      people: this.current.size,
      anomalies: this.current.anomalies.length,
      lastSync: s?.lastSyncAt && s.lastSyncKind ? { at: s.lastSyncAt, kind: s.lastSyncKind, requests: s.lastSyncRequests ?? 0 } : undefined,
      running: this.progress ? { ...this.progress } : undefined,
      interrupted: !this.progress && s?.pending ? { kind: s.pending.kind, pages: s.pending.pages, people: s.pending.people } : undefined,
      lastError: s?.lastError,
      schedule: this.intervalMinutes ? { everyMinutes: this.intervalMinutes } : undefined,
      roles: { source: this.options.roles.description, taskforce: this.currentRoles.taskforce.length, executives: this.currentRoles.executives.length },
    };
  }

  /** The anomalies of the current index, each with a sentence and the people it concerns. */
  anomalies(): AnomalyReport[] {
    const index = this.current;
    return index.anomalies.map((anomaly) => ({
      kind: anomaly.kind,
      description: describeAnomaly(anomaly, (id) => index.getPerson(id)),
      people: anomaly.personIds.map((id) => {
        const person = index.getPerson(id);
        return { id, name: person?.name ?? id, jobTitle: person?.jobTitle, department: person?.department };
      }),
    }));
  }

  private async ensureLoaded(): Promise<void> {
    if (this.loaded) return;
    const state = await this.options.store.readState();
    this.state = state;
    if (state && state.source === this.options.source.name && state.generation > 0) {
      this.current = OrgIndex.build(await this.options.store.loadPeople(state.generation));
      await this.refreshRoles();
      this.options.logger?.info('Directory loaded from storage', { people: this.current.size, source: state.source });
    }
    this.loaded = true;
  }

  private async runRound(): Promise<SyncOutcome> {
    await this.ensureLoaded();
    try {
      return await this.readRound();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.options.logger?.error('Directory sync failed', { message: detail });
      if (this.state) {
        // The taskforce sees a plain sentence; the details stay in the log.
        this.state = { ...this.state, lastError: { at: this.clock().toISOString(), message: syncFailureSentence(error) } };
        await this.options.store.writeState(this.state).catch(() => undefined);
      }
      throw error;
    }
  }

  private async readRound(): Promise<SyncOutcome> {
    const { store, source } = this.options;
    let state = this.state?.source === source.name ? this.state : freshState(source.name, this.state);
    const { round, working } = await this.openRound(state);
    const dirty = new Map<string, Person | null>();
    let requests = 0;
    let changes = 0;
    let sinceCheckpoint = 0;
    this.progress = { kind: round.kind, pages: round.pages, people: round.people, startedAt: round.startedAt };

    const flush = async () => {
      const upserts: Person[] = [];
      const removals: string[] = [];
      for (const [id, person] of dirty) {
        if (person) upserts.push(person);
        else removals.push(id);
      }
      await store.apply(round.generation, upserts, removals);
      dirty.clear();
    };

    for (;;) {
      let page;
      try {
        page = await source.fetch(round.link);
      } catch (error) {
        if (error instanceof DeltaExpiredError && round.kind === 'incremental') {
          this.options.logger?.warn('Directory delta link expired; reading everyone again');
          this.state = { ...state, deltaLink: undefined, pending: undefined };
          await store.writeState(this.state);
          return this.readRound();
        }
        throw error;
      }
      requests++;
      for (const change of page.changes) {
        const before = working.get(change.id);
        if (change.kind === 'removed' && !before) continue;
        const after = applyChange(before, change);
        if (after) working.set(change.id, after);
        else working.delete(change.id);
        dirty.set(change.id, after ?? null);
        changes++;
      }
      round.pages++;
      round.people = working.size;
      this.progress = { kind: round.kind, pages: round.pages, people: round.people, startedAt: round.startedAt };

      if (page.nextLink) {
        round.link = page.nextLink;
        if (++sinceCheckpoint >= this.checkpointEvery) {
          await flush(); // people first, then the link: a stop in between reads those pages again, harmlessly
          state = { ...state, pending: { ...round } };
          this.state = state;
          await store.writeState(state);
          sinceCheckpoint = 0;
        }
        continue;
      }
      if (!page.deltaLink) throw new Error('A directory page had neither a next link nor a delta link.');
      await flush();
      return this.finishRound(state, round, working, page.deltaLink, { requests, changes });
    }
  }

  private async openRound(state: SyncState): Promise<{ round: PendingRound; working: Map<string, Person> }> {
    const now = this.clock().toISOString();
    if (state.pending) {
      const round = { ...state.pending };
      const people = round.kind === 'full' ? await this.options.store.loadPeople(round.generation) : this.current.all();
      this.options.logger?.info('Directory sync resumes', { kind: round.kind, pages: round.pages });
      return { round, working: new Map(people.map((p) => [p.id, p])) };
    }
    if (state.deltaLink && state.generation > 0) {
      const round: PendingRound = { kind: 'incremental', generation: state.generation, link: state.deltaLink, pages: 0, people: this.current.size, startedAt: now };
      return { round, working: new Map(this.current.all().map((p) => [p.id, p])) };
    }
    const generation = Math.max(state.generation, state.staleGeneration ?? 0) + 1;
    return { round: { kind: 'full', generation, link: this.options.source.firstLink(), pages: 0, people: 0, startedAt: now }, working: new Map() };
  }

  private async finishRound(
    state: SyncState,
    round: PendingRound,
    working: Map<string, Person>,
    deltaLink: string,
    counts: { requests: number; changes: number },
  ): Promise<SyncOutcome> {
    const { store } = this.options;
    const superseded = round.kind === 'full' && state.generation > 0 && state.generation !== round.generation ? state.generation : undefined;
    const next: SyncState = {
      source: state.source,
      generation: round.generation,
      peopleCount: working.size,
      deltaLink,
      lastSyncAt: this.clock().toISOString(),
      lastSyncKind: round.kind,
      lastSyncRequests: counts.requests,
      staleGeneration: superseded ?? state.staleGeneration,
    };
    await store.writeState(next); // the switch to the new snapshot, in one write
    this.state = next;
    this.current = OrgIndex.build([...working.values()]);
    await this.refreshRoles();
    this.options.logger?.info('Directory sync done', { kind: round.kind, requests: counts.requests, changes: counts.changes, people: working.size });
    if (next.staleGeneration !== undefined) await this.dropStaleGeneration(next.staleGeneration);
    return { kind: round.kind, requests: counts.requests, changes: counts.changes, people: working.size };
  }

  private async dropStaleGeneration(generation: number): Promise<void> {
    try {
      await this.options.store.deleteGeneration(generation);
      if (this.state) {
        this.state = { ...this.state, staleGeneration: undefined };
        await this.options.store.writeState(this.state);
      }
    } catch (error) {
      // Left for the next sync to try again; the served snapshot is not affected.
      this.options.logger?.warn('Could not delete an old directory snapshot', { generation, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async refreshRoles(): Promise<void> {
    try {
      this.currentRoles = await this.options.roles.read(this.current);
    } catch (error) {
      this.options.logger?.warn('Could not read the roles; keeping the previous ones', { message: error instanceof Error ? error.message : String(error) });
    }
  }
}

/** The state for a source never synced here; an old source's generation is kept to be deleted. */
function freshState(source: string, previous: SyncState | undefined): SyncState {
  return { source, generation: 0, peopleCount: 0, staleGeneration: previous && previous.generation > 0 ? previous.generation : previous?.staleGeneration };
}

/** What the People page says about a failed sync, without library or HTTP details. */
export function syncFailureSentence(error: unknown): string {
  const status = typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
  if (status === 401 || status === 403)
    return "Microsoft Graph refused the app's credentials or permissions (User.Read.All is needed). Check the Graph settings; the sync will be tried again.";
  if (status === 429 || status === 503 || status === 504)
    return 'Microsoft Graph was busy and asked us to wait. The sync will carry on at the next attempt, from where it stopped.';
  return 'The directory sync stopped before it finished. It will carry on from where it stopped at the next attempt; the log has the details.';
}

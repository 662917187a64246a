import type { DirectoryStatus } from '../../../../bot/directory/api';

/**
 * What the People page knows about the directory sync, and how each answer from the service moves it on. Pure, so the
 * rules for following a sync live in one place.
 *
 * "Sync now" answers before the sync has visibly started, so the page cannot wait for `running` alone: it remembers
 * the last sync and last error it saw, and follows until one of them changes. A sync that never shows itself (it
 * joined and ended between two polls without a new result) is given up after a few quiet polls, so polling always ends.
 */
export interface SyncView {
  status?: DirectoryStatus;
  /** The status could not be loaded or followed. */
  loadError?: string;
  /** "Sync now" could not start a sync. */
  requestError?: string;
  /** The "Sync now" request is on its way. */
  requesting: boolean;
  /** A sync this person asked for, followed until it ends. */
  following?: Following;
  /** How the sync this person asked for ended, for the page to say so. */
  outcome?: 'synced' | 'failed' | 'unknown';
}

export interface Following {
  lastSyncAt?: string;
  lastErrorAt?: string;
  sawRunning: boolean;
  quietPolls: number;
}

/** Quiet polls (no sync running, nothing new) after which following stops. */
export const maxQuietPolls = 3;

export type SyncEvent =
  | { type: 'loading' }
  | { type: 'loaded'; status: DirectoryStatus }
  | { type: 'loadFailed'; message: string }
  | { type: 'requesting' }
  | { type: 'requested'; status: DirectoryStatus }
  | { type: 'requestFailed'; message: string };

export const initialSyncView: SyncView = { requesting: false };

export function nextSyncView(view: SyncView, event: SyncEvent): SyncView {
  switch (event.type) {
    case 'loading':
      return { ...view, loadError: undefined };
    case 'loaded':
      return { ...view, ...follow(view.following, event.status, true), status: event.status, loadError: undefined };
    case 'loadFailed':
      // Polling stops until the person retries, rather than hammering a service that is failing.
      return { ...view, loadError: event.message, following: undefined };
    case 'requesting':
      return { ...view, requesting: true, requestError: undefined, outcome: undefined };
    case 'requested': {
      const before = view.status;
      const following: Following = { lastSyncAt: before?.lastSync?.at, lastErrorAt: before?.lastError?.at, sawRunning: false, quietPolls: 0 };
      return { ...view, ...follow(following, event.status, false), status: event.status, requesting: false };
    }
    case 'requestFailed':
      return { ...view, requesting: false, requestError: event.message };
  }
}

function follow(following: Following | undefined, status: DirectoryStatus, countQuiet: boolean): Partial<Pick<SyncView, 'following' | 'outcome'>> {
  if (!following) return {};
  if (status.running) return { following: { ...following, sawRunning: true, quietPolls: 0 } };
  if (status.lastError && status.lastError.at !== following.lastErrorAt) return { following: undefined, outcome: 'failed' };
  if (status.lastSync && status.lastSync.at !== following.lastSyncAt) return { following: undefined, outcome: 'synced' };
  if (following.sawRunning) return { following: undefined, outcome: 'unknown' };
  const quietPolls = following.quietPolls + (countQuiet ? 1 : 0);
  return quietPolls >= maxQuietPolls ? { following: undefined, outcome: 'unknown' } : { following: { ...following, quietPolls } };
}

/** Whether the page should ask for the status again in a moment. */
export function shouldPoll(view: SyncView): boolean {
  return view.loadError === undefined && view.status !== undefined && (view.status.running !== undefined || view.following !== undefined);
}

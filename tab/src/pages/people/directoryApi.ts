import { request, type TokenSource } from '../../api';
import type { AnomalyReport, DirectoryStatus, PeoplePage } from './directoryTypes';

export type { SyncKind, AnomalyKind, DirectoryStatus, AnomalyPerson, AnomalyReport, DirectoryPerson, PeoplePage } from './directoryTypes';

export function getDirectoryStatus(token: TokenSource, signal?: AbortSignal): Promise<DirectoryStatus> {
  return request<DirectoryStatus>('directory/status', { token, signal });
}

export async function getAnomalies(token: TokenSource, signal?: AbortSignal): Promise<AnomalyReport[]> {
  const body = await request<{ anomalies: AnomalyReport[] }>('directory/anomalies', { token, signal });
  return body.anomalies;
}

/** Starts a sync in the background; `started` is false when one was already running (the tab then follows that one). */
export function startDirectorySync(token: TokenSource): Promise<{ started: boolean; status: DirectoryStatus }> {
  return request<{ started: boolean; status: DirectoryStatus }>('directory/sync', { method: 'POST', token });
}

export function searchDirectory(
  token: TokenSource,
  query: { q: string; limit: number; offset: number },
  signal?: AbortSignal,
): Promise<PeoplePage> {
  const search = new URLSearchParams({ q: query.q, limit: String(query.limit), offset: String(query.offset) });
  return request<PeoplePage>(`people?${search.toString()}`, { token, signal });
}

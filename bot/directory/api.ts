import { z } from 'zod';
import { endpoint, returns } from '../contract/endpoint';
import { wholeNumberInQuery } from '../contract/fields';

/**
 * The directory's wire contract (SDK-free; the tab compiles it): sync status, anomalies and "sync now" for the
 * taskforce, and a paged people search for pickers (anyone signed in; only what Teams shows anyone in the tenant).
 */

export type SyncKind = 'full' | 'incremental';

export type AnomalyKind = 'cycle' | 'selfManager' | 'missingManager' | 'disabledAccount' | 'duplicateId';

export interface DirectoryStatus {
  /** `sample:<version>` for the embedded sample org; anything else is Microsoft Graph. */
  source: string;
  people: number;
  anomalies: number;
  lastSync?: { at: string; kind: SyncKind; requests: number };
  running?: { kind: SyncKind; pages: number; people: number; startedAt: string };
  /** A round stopped half way; the next sync resumes it. */
  interrupted?: { kind: SyncKind; pages: number; people: number };
  lastError?: { at: string; message: string };
  schedule?: { everyMinutes: number };
  roles: { source: string; taskforce: number; executives: number };
}

export interface AnomalyPerson {
  id: string;
  name: string;
  jobTitle?: string;
  department?: string;
}

export interface AnomalyReport {
  kind: AnomalyKind;
  /** A sentence to show as is, naming the people and how the index works around it. */
  description: string;
  people: AnomalyPerson[];
}

export interface DirectoryPerson {
  id: string;
  name: string;
  mail?: string;
  jobTitle?: string;
  department?: string;
}

export interface PeoplePage {
  total: number;
  offset: number;
  people: DirectoryPerson[];
}

export const MAX_PEOPLE_PAGE = 100;

export const peopleQuery = z.object({
  q: z.string({ invalid_type_error: 'Please search with one piece of text.' }).max(100, 'Please search with fewer than 100 characters.').optional(),
  limit: wholeNumberInQuery(`Please use a whole number from 1 to ${MAX_PEOPLE_PAGE}.`, 1, MAX_PEOPLE_PAGE).default(20),
  offset: wholeNumberInQuery('Please use a whole number from 0 to 1000000.', 0, 1_000_000).default(0),
});

export const getDirectoryStatus = endpoint({ method: 'get', path: '/api/directory/status', response: returns<DirectoryStatus>() });

export const getAnomalies = endpoint({ method: 'get', path: '/api/directory/anomalies', response: returns<{ anomalies: AnomalyReport[] }>() });

/** Answers 202; `started` is false when a sync was already running (the tab then follows that one). */
export const startDirectorySync = endpoint({ method: 'post', path: '/api/directory/sync', response: returns<{ started: boolean; status: DirectoryStatus }>() });

export const searchPeople = endpoint({ method: 'get', path: '/api/people', query: peopleQuery, response: returns<PeoplePage>() });

/** The tab's copy of the service's directory JSON (bot/directory/directorySync.ts and directoryRoutes.ts). */

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

import { odata, type TableClient } from '@azure/data-tables';
import { orConflict, orUndefined } from '../../storage/storageErrors';
import { z } from 'zod';
import { inPartition, isKey } from '../../storage/keys';
import { readJsonColumn } from '../../storage/rowJson';
import { EVENT_DETAILS_SHAPE } from '../year/eventDetailsShape';
import type { Role } from '../year/agendaRules';
import type { EventDetails } from '../year/eventDetails';
import type { Acknowledgement, OrientationVersion } from './orientationRules';

/**
 * Orientations in Table storage.
 * - `orientationTexts`: PartitionKey cohort id; RowKey `text-<role>-<version, 4 digits>` for every version of each
 *   role's text (kept, so what someone acknowledged can be shown as they saw it), `sessions` for the two sessions, and
 *   `reminder` naming the latest reminder's send batch.
 * - `orientationAcks`: PartitionKey cohort id, RowKey person id: the version each person acknowledged.
 * Queries: one cohort's partition of each (a cohort has a few hundred people at most).
 */
export const ORIENTATION_TEXT_TABLE = 'orientationTexts';
export const ORIENTATION_ACK_TABLE = 'orientationAcks';

const SESSIONS = 'sessions';
const REMINDER = 'reminder';
/** The version of sessions never set: setting them creates the row. */
export const NO_SESSIONS = 'none';

interface TextEntity {
  partitionKey: string;
  rowKey: string;
  role: Role;
  version: number;
  title: string;
  body: string;
  material: boolean;
  editedAt: string;
  editedBy: string;
}

interface SessionsEntity {
  partitionKey: string;
  rowKey: string;
  sessions: string;
  etag?: string;
}

interface AckEntity {
  partitionKey: string;
  rowKey: string;
  role: Role;
  version: number;
  acknowledgedAt: string;
}

export type Sessions = Partial<Record<Role, EventDetails>>;
const SESSIONS_SHAPE: z.ZodType<Sessions> = z.object({ mentor: EVENT_DETAILS_SHAPE.optional(), executive: EVENT_DETAILS_SHAPE.optional() });

const textKey = (role: Role, version: number) => `text-${role}-${String(version).padStart(4, '0')}`;

export class OrientationStore {
  constructor(
    private readonly texts: TableClient,
    private readonly acks: TableClient,
  ) {}

  /** Every version of both texts, oldest first. */
  async history(cohortId: string): Promise<OrientationVersion[]> {
    if (!isKey(cohortId)) return [];
    const versions: OrientationVersion[] = [];
    const filter = odata`PartitionKey eq ${cohortId} and RowKey ge ${'text-'} and RowKey lt ${'text.'}`;
    for await (const e of this.texts.listEntities<TextEntity>({ queryOptions: { filter } })) {
      versions.push({ role: e.role, version: e.version, title: e.title, body: e.body, material: e.material, editedAt: e.editedAt, editedBy: e.editedBy });
    }
    return versions.sort((a, b) => a.version - b.version);
  }

  /** Adds a version; a ConflictError when that version exists (someone saved first). */
  async addVersion(cohortId: string, v: OrientationVersion): Promise<void> {
    const entity: TextEntity = { partitionKey: cohortId, rowKey: textKey(v.role, v.version), ...v };
    await orConflict('orientation', () => this.texts.createEntity(entity));
  }

  async sessions(cohortId: string): Promise<{ sessions: Sessions; etag: string }> {
    const e = isKey(cohortId) ? await orUndefined(() => this.texts.getEntity<SessionsEntity>(cohortId, SESSIONS)) : undefined;
    return e ? { sessions: readJsonColumn(ORIENTATION_TEXT_TABLE, e, 'sessions', e.sessions, SESSIONS_SHAPE), etag: e.etag ?? '' } : { sessions: {}, etag: NO_SESSIONS };
  }

  /** Writes the sessions over the version read (`NO_SESSIONS` creates them); a ConflictError when stale. */
  async setSessions(cohortId: string, sessions: Sessions, version: string): Promise<string> {
    const entity: SessionsEntity = { partitionKey: cohortId, rowKey: SESSIONS, sessions: JSON.stringify(sessions) };
    const result = await orConflict('orientation sessions', () =>
      version === NO_SESSIONS ? this.texts.createEntity(entity) : this.texts.updateEntity(entity, 'Replace', { etag: version }),
    );
    return result.etag ?? '';
  }

  /** The latest reminder: its send batch's key (for its progress) and when it was sent. */
  async lastReminder(cohortId: string): Promise<{ batchKey: string; sentAt: string } | undefined> {
    const e = isKey(cohortId) ? await orUndefined(() => this.texts.getEntity<{ batchKey: string; sentAt: string }>(cohortId, REMINDER)) : undefined;
    return e && { batchKey: e.batchKey, sentAt: e.sentAt };
  }

  async setLastReminder(cohortId: string, batchKey: string, sentAt: string): Promise<void> {
    await this.texts.upsertEntity({ partitionKey: cohortId, rowKey: REMINDER, batchKey, sentAt }, 'Replace');
  }

  async acknowledgements(cohortId: string): Promise<Map<string, Acknowledgement>> {
    const acks = new Map<string, Acknowledgement>();
    if (!isKey(cohortId)) return acks;
    for await (const e of this.acks.listEntities<AckEntity>({ queryOptions: { filter: inPartition(cohortId) } })) {
      acks.set(e.rowKey, { personId: e.rowKey, role: e.role, version: e.version, acknowledgedAt: e.acknowledgedAt });
    }
    return acks;
  }

  async acknowledgement(cohortId: string, personId: string): Promise<Acknowledgement | undefined> {
    if (!isKey(cohortId) || !isKey(personId)) return undefined;
    const e = await orUndefined(() => this.acks.getEntity<AckEntity>(cohortId, personId));
    return e && { personId, role: e.role, version: e.version, acknowledgedAt: e.acknowledgedAt };
  }

  /** Records an acknowledgement (a later version replaces an earlier one; the rules never write an older one). */
  async acknowledge(cohortId: string, ack: Acknowledgement): Promise<void> {
    const entity: AckEntity = { partitionKey: cohortId, rowKey: ack.personId, role: ack.role, version: ack.version, acknowledgedAt: ack.acknowledgedAt };
    await this.acks.upsertEntity(entity, 'Replace');
  }
}

import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { readJsonColumn } from '../../storage/rowJson';
import { EVENT_DETAILS_SHAPE } from '../year/eventDetailsShape';
import { orConflict, orUndefined } from '../../storage/storageErrors';
import { inPartition, isKey } from '../../storage/keys';
import type { IceBreaker, Rsvp } from './icebreakerRules';

/**
 * Ice breakers in Table storage.
 * - `iceBreakers`: PartitionKey `icebreaker`, RowKey cohort id: the event, who has been invited to its current revision,
 *   and its calendar event when Microsoft Graph made one.
 * - `iceBreakerRsvps`: PartitionKey cohort id, RowKey person id: each invitee's answer.
 * Queries: a point read of the event; one cohort's partition of answers.
 */
export const ICE_BREAKER_TABLE = 'iceBreakers';
export const RSVP_TABLE = 'iceBreakerRsvps';
const PARTITION = 'icebreaker';
/** The version of an ice breaker never scheduled: scheduling creates its row. */
export const NOT_SCHEDULED = 'none';

export interface StoredIceBreaker extends IceBreaker {
  cancelled: boolean;
  /** Everyone sent an invitation to this revision. */
  invited: string[];
  calendarEventId?: string;
  joinUrl?: string;
  updatedAt: string;
  updatedBy: string;
  etag: string;
}

const EVENT: z.ZodType<Omit<StoredIceBreaker, 'etag'>> = EVENT_DETAILS_SHAPE.extend({
  cohortId: z.string(),
  alumniIds: z.array(z.string()),
  revision: z.number().int(),
  cancelled: z.boolean(),
  invited: z.array(z.string()),
  calendarEventId: z.string().optional(),
  joinUrl: z.string().optional(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

interface IceBreakerEntity {
  partitionKey: string;
  rowKey: string;
  event: string;
  etag?: string;
}

interface RsvpEntity {
  partitionKey: string;
  rowKey: string;
  answer: Rsvp;
  answeredAt: string;
}

export class IceBreakerStore {
  constructor(
    private readonly events: TableClient,
    private readonly rsvps: TableClient,
  ) {}

  async get(cohortId: string): Promise<StoredIceBreaker | undefined> {
    if (!isKey(cohortId)) return undefined;
    const e = await orUndefined(() => this.events.getEntity<IceBreakerEntity>(PARTITION, cohortId));
    return e && { ...readJsonColumn(ICE_BREAKER_TABLE, e, 'event', e.event, EVENT), etag: e.etag ?? '' };
  }

  /** Writes over the version read (`NOT_SCHEDULED` creates it); a ConflictError when someone wrote meanwhile. */
  async put(event: Omit<StoredIceBreaker, 'etag'>, version: string): Promise<StoredIceBreaker> {
    const entity: IceBreakerEntity = { partitionKey: PARTITION, rowKey: event.cohortId, event: JSON.stringify(event) };
    const result = await orConflict('ice breaker', () =>
      version === NOT_SCHEDULED ? this.events.createEntity(entity) : this.events.updateEntity(entity, 'Replace', { etag: version }),
    );
    return { ...event, etag: result.etag ?? '' };
  }

  async answers(cohortId: string): Promise<Map<string, Rsvp>> {
    const answers = new Map<string, Rsvp>();
    if (!isKey(cohortId)) return answers;
    for await (const e of this.rsvps.listEntities<RsvpEntity>({ queryOptions: { filter: inPartition(cohortId) } })) answers.set(e.rowKey, e.answer);
    return answers;
  }

  async answer(cohortId: string, personId: string): Promise<Rsvp | undefined> {
    if (!isKey(cohortId) || !isKey(personId)) return undefined;
    return (await orUndefined(() => this.rsvps.getEntity<RsvpEntity>(cohortId, personId)))?.answer;
  }

  async setAnswer(cohortId: string, personId: string, answer: Rsvp, at: string): Promise<void> {
    await this.rsvps.upsertEntity<RsvpEntity>({ partitionKey: cohortId, rowKey: personId, answer, answeredAt: at }, 'Replace');
  }
}

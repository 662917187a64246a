import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { inPartition, isComposedKey } from '../storage/keys';
import { readJsonColumn } from '../storage/rowJson';
import { ConflictError, orConflict, orUndefined, TABLE_LIMITS } from '../storage/storageErrors';
import type { OutgoingCard } from './messenger';
import { OUTGOING_CARD } from './outgoingCardShape';

/**
 * Cards that could not be delivered (the person never installed the app, or removed it), kept until the person opens
 * their chat with the bot. PartitionKey = person id, RowKey = the card's keep key (keeping the same key again replaces
 * the card, so a card sent again is never delivered twice).
 */
export interface KeptCard {
  personId: string;
  key: string;
  message: OutgoingCard;
  /** Who to tell once it is delivered (see Messenger.whenDelivered), with the ids they need. */
  tag?: string;
  data: Record<string, string>;
  keptAt: string;
  etag: string;
}

interface KeptCardEntity {
  partitionKey: string;
  rowKey: string;
  message: string;
  tag?: string;
  data: string;
  keptAt: string;
  /** While a delivery is under way: until when the instance delivering it owns it. */
  claimedUntil?: string;
}

/** How long a claim on a kept card holds: longer than one send with its retries. */
const CLAIM_LEASE_MS = 120_000;

export class KeptCardStore {
  constructor(private readonly table: TableClient) {}

  async keep(personId: string, message: OutgoingCard, options: { key?: string; tag?: string; data?: Record<string, string> } = {}): Promise<void> {
    const key = options.key ?? `card.${Date.now()}.${randomUUID()}`;
    if (!isComposedKey(key)) throw new Error(`Keep key "${key}" has characters Table storage does not allow.`);
    const json = JSON.stringify(message);
    if (json.length > TABLE_LIMITS.maxStringChars) throw new Error('The card is too large to keep.');
    const entity: KeptCardEntity = {
      partitionKey: personId,
      rowKey: key,
      message: json,
      tag: options.tag,
      data: JSON.stringify(options.data ?? {}),
      keptAt: new Date().toISOString(),
    };
    await this.table.upsertEntity(entity, 'Replace');
  }

  /** The person's kept cards that nobody is delivering now, oldest first (one partition read). */
  async waiting(personId: string, now = Date.now()): Promise<KeptCard[]> {
    const cards: KeptCard[] = [];
    const filter = inPartition(personId);
    for await (const e of this.table.listEntities<KeptCardEntity & { etag: string }>({ queryOptions: { filter } })) {
      if (e.claimedUntil && Date.parse(e.claimedUntil) > now) continue;
      cards.push({
        personId,
        key: e.rowKey,
        message: readJsonColumn(this.table.tableName, e, 'message', e.message, OUTGOING_CARD),
        tag: e.tag,
        data: readJsonColumn(this.table.tableName, e, 'data', e.data, z.record(z.string())),
        keptAt: e.keptAt,
        etag: e.etag,
      });
    }
    return cards.sort((a, b) => a.keptAt.localeCompare(b.keptAt));
  }

  /** Claims a card for delivery with the ETag it was read with; false when another turn claimed (or replaced) it first. */
  async claim(card: KeptCard): Promise<string | undefined> {
    try {
      const result = await orConflict('kept card', () =>
        this.table.updateEntity({ partitionKey: card.personId, rowKey: card.key, claimedUntil: new Date(Date.now() + CLAIM_LEASE_MS).toISOString() }, 'Merge', { etag: card.etag }),
      );
      return result.etag;
    } catch (error) {
      if (error instanceof ConflictError) return undefined;
      throw error;
    }
  }

  /** Lets a card go back to waiting (its delivery failed). */
  release(card: KeptCard, etag: string): Promise<void> {
    return unlessChanged(() => this.table.updateEntity({ partitionKey: card.personId, rowKey: card.key, claimedUntil: '' }, 'Merge', { etag }));
  }

  /** Removes a delivered card, unless it was kept again (replaced) meanwhile. */
  remove(card: KeptCard, etag: string): Promise<void> {
    return unlessChanged(() => this.table.deleteEntity(card.personId, card.key, { etag }));
  }

  /** How many cards are kept for the person (for tests and the tab). */
  async count(personId: string): Promise<number> {
    return (await this.waiting(personId, 0)).length;
  }
}

/** A write that does nothing when the row is gone or was changed since (kept again by a newer send). */
async function unlessChanged(write: () => Promise<unknown>): Promise<void> {
  try {
    await orUndefined(() => orConflict('kept card', write));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
}

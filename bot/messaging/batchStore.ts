import type { TableClient, TransactionAction } from '@azure/data-tables';
import { odata } from '@azure/data-tables';
import type { BatchStatus } from '../contract/batch';
import { inPartition, isComposedKey } from '../storage/keys';
import { readJsonColumn } from '../storage/rowJson';
import { ConflictError, deletePartition, orConflict, orUndefined, readPartition, TABLE_LIMITS } from '../storage/storageErrors';
import type { OutgoingCard } from './messenger';
import { OUTGOING_CARD } from './outgoingCardShape';

/**
 * The rows of a send to many people. Tables: sendBatches (PartitionKey 'batch', RowKey batch key: the status and the
 * shared card) and sendDeliveries (PartitionKey batch key, RowKey person id: one row per recipient). Cards are JSON
 * columns, checked when read back.
 */
export const BATCH_TABLES = { batches: 'sendBatches', deliveries: 'sendDeliveries' } as const;
const BATCH_PARTITION = 'batch';

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'unreachable' | 'failed';
export type SettledStatus = 'sent' | 'unreachable' | 'failed';
export type SettledCounts = Record<SettledStatus, number>;

/** A batch: its status, the card every recipient without their own gets, and the ETag it was read with. */
export interface StoredBatch extends BatchStatus {
  message?: OutgoingCard;
  /** false: a recipient who cannot be reached is only counted, their card is not kept for later. */
  keepUnreachable: boolean;
  etag: string;
}

export interface Delivery {
  personId: string;
  status: DeliveryStatus;
  /** While `sending`: until when the instance that claimed the row owns it. */
  claimedUntil?: string;
  /** The recipient's own card, when the batch has no shared one for them. */
  message?: OutgoingCard;
  /** Unreachable, and the card waits for them to open the chat. */
  kept: boolean;
  etag: string;
}

export interface DeliveryUpdate {
  status: SettledStatus | 'sending' | 'pending';
  claimedUntil?: string;
  activityId?: string;
  reason?: string;
  kept?: boolean;
}

type BatchEntity = Omit<BatchStatus, 'key'> & { partitionKey: string; rowKey: string; message: string; keepUnreachable?: boolean; etag?: string };

interface DeliveryEntity {
  partitionKey: string;
  rowKey: string;
  status: DeliveryStatus;
  claimedUntil?: string;
  message?: string;
  activityId?: string;
  reason?: string;
  kept?: boolean;
  updatedAt: string;
  etag?: string;
}

export class BatchStore {
  constructor(
    private readonly batches: TableClient,
    private readonly deliveries: TableClient,
  ) {}

  async batch(key: string): Promise<StoredBatch | undefined> {
    if (!isComposedKey(key)) return undefined;
    const entity = await orUndefined(() => this.batches.getEntity<BatchEntity>(BATCH_PARTITION, key));
    return entity && this.batchOf(entity);
  }

  /** Records a new batch; false when one with this key exists already (started twice at once). */
  async create(status: Omit<BatchStatus, 'finishedAt'>, message: OutgoingCard | undefined, keepUnreachable: boolean): Promise<boolean> {
    const { key, ...counts } = status;
    const entity: BatchEntity = {
      partitionKey: BATCH_PARTITION,
      rowKey: key,
      ...counts,
      message: message ? JSON.stringify(message) : '',
      ...(keepUnreachable ? {} : { keepUnreachable: false }),
    };
    try {
      await orConflict('batch', () => this.batches.createEntity(entity));
      return true;
    } catch (error) {
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }

  /** Keys of the batches a process left running. */
  async runningKeys(): Promise<string[]> {
    const keys: string[] = [];
    const filter = odata`PartitionKey eq ${BATCH_PARTITION} and state eq ${'running'}`;
    for await (const e of this.batches.listEntities<{ rowKey: string }>({ queryOptions: { filter, select: ['RowKey'] } })) keys.push(e.rowKey);
    return keys;
  }

  async saveProgress(key: string, counts: SettledCounts): Promise<void> {
    await this.batches.updateEntity({ partitionKey: BATCH_PARTITION, rowKey: key, ...counts }, 'Merge');
  }

  /** Records the totals (and `done`) with the ETag the batch was read with; a ConflictError when it changed since. */
  async saveTotals(batch: StoredBatch, counts: SettledCounts, done: boolean): Promise<void> {
    const patch = {
      partitionKey: BATCH_PARTITION,
      rowKey: batch.key,
      ...counts,
      state: done ? 'done' : 'running',
      ...(done ? { finishedAt: batch.finishedAt ?? new Date().toISOString() } : {}),
    };
    await orConflict('batch', () => this.batches.updateEntity(patch, 'Merge', { etag: batch.etag }));
  }

  async markRunning(key: string): Promise<void> {
    await this.batches.updateEntity({ partitionKey: BATCH_PARTITION, rowKey: key, state: 'running' }, 'Merge');
  }

  /** Every recipient row of a batch (one partition read). */
  async deliveriesOf(key: string): Promise<Delivery[]> {
    return (await readPartition<DeliveryEntity>(this.deliveries, key)).map((e) => this.deliveryOf(e));
  }

  async delivery(key: string, personId: string): Promise<Delivery | undefined> {
    const entity = await orUndefined(() => this.deliveries.getEntity<DeliveryEntity>(key, personId));
    return entity && this.deliveryOf(entity);
  }

  /** Where each recipient stands, read without their cards. */
  async statuses(key: string): Promise<{ personId: string; status: DeliveryStatus; kept: boolean }[]> {
    const rows: { personId: string; status: DeliveryStatus; kept: boolean }[] = [];
    if (!isComposedKey(key)) return rows;
    for await (const d of this.deliveries.listEntities<DeliveryEntity>({ queryOptions: { filter: inPartition(key), select: ['RowKey', 'status', 'kept'] } })) {
      rows.push({ personId: d.rowKey, status: d.status, kept: d.kept === true });
    }
    return rows;
  }

  /** The rows the batch did not reach: failed, or unreachable. */
  async notReached(key: string): Promise<Delivery[]> {
    const rows: Delivery[] = [];
    const filter = odata`PartitionKey eq ${key} and (status eq ${'failed'} or status eq ${'unreachable'})`;
    for await (const e of this.deliveries.listEntities<DeliveryEntity>({ queryOptions: { filter } })) rows.push(this.deliveryOf(e));
    return rows;
  }

  /** Updates one recipient's row; with an ETag, a ConflictError when another instance changed it first. */
  async updateDelivery(key: string, personId: string, update: DeliveryUpdate, etag?: string): Promise<void> {
    await orConflict('delivery', () =>
      this.deliveries.updateEntity({ partitionKey: key, rowKey: personId, ...update, updatedAt: new Date().toISOString() }, 'Merge', etag ? { etag } : {}),
    );
  }

  /** Writes pending rows in transactions of 100 (one partition each); a ConflictError when a row exists already. */
  async recordPending(key: string, recipients: readonly (readonly [personId: string, message: OutgoingCard | undefined])[]): Promise<void> {
    const now = new Date().toISOString();
    for (let i = 0; i < recipients.length; i += TABLE_LIMITS.batchSize) {
      const actions: TransactionAction[] = recipients
        .slice(i, i + TABLE_LIMITS.batchSize)
        .map(([personId, message]) => [
          'create',
          { partitionKey: key, rowKey: personId, status: 'pending', updatedAt: now, ...(message ? { message: JSON.stringify(message) } : {}) },
        ]);
      await orConflict('delivery', () => this.deliveries.submitTransaction(actions));
    }
  }

  async forget(key: string): Promise<void> {
    await deletePartition(this.deliveries, key);
    await orUndefined(() => this.batches.deleteEntity(BATCH_PARTITION, key));
  }

  private batchOf(e: BatchEntity): StoredBatch {
    return {
      key: e.rowKey,
      label: e.label,
      state: e.state,
      total: e.total,
      sent: e.sent,
      unreachable: e.unreachable,
      failed: e.failed,
      createdAt: e.createdAt,
      finishedAt: e.finishedAt,
      message: e.message ? readJsonColumn(this.batches.tableName, e, 'message', e.message, OUTGOING_CARD) : undefined,
      keepUnreachable: e.keepUnreachable !== false,
      etag: e.etag ?? '',
    };
  }

  private deliveryOf(e: DeliveryEntity): Delivery {
    return {
      personId: e.rowKey,
      status: e.status,
      claimedUntil: e.claimedUntil,
      message: e.message ? readJsonColumn(this.deliveries.tableName, e, 'message', e.message, OUTGOING_CARD) : undefined,
      kept: e.kept === true,
      etag: e.etag ?? '',
    };
  }
}

/** The status the tab shows, without the card and the ETag. */
export function batchStatusOf(batch: StoredBatch): BatchStatus {
  const { key, label, state, total, sent, unreachable, failed, createdAt, finishedAt } = batch;
  return { key, label, state, total, sent, unreachable, failed, createdAt, finishedAt };
}

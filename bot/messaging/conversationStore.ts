import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { readJsonColumn } from '../storage/rowJson';
import { orUndefined } from '../storage/storageErrors';

/**
 * Where the bot can reach a person: the conversation reference Teams gave us when they installed the app or messaged
 * it, keyed by their Entra object id. The reference is kept as the JSON Teams sent, so any SDK can use it.
 */
export interface StoredConversation {
  personId: string;
  tenantId?: string;
  name?: string;
  conversationId: string;
  serviceUrl: string;
  /** The Bot Framework ConversationReference, as JSON. */
  reference: Record<string, unknown>;
  updatedAt: string;
}

interface ConversationEntity {
  partitionKey: string;
  rowKey: string;
  tenantId?: string;
  name?: string;
  conversationId: string;
  serviceUrl: string;
  reference: string;
  updatedAt: string;
}

/** PartitionKey = person id (one partition per person), RowKey = 'personal' (their 1:1 chat with the bot). */
const PERSONAL = 'personal';

export class ConversationStore {
  constructor(private readonly table: TableClient) {}

  async save(conversation: Omit<StoredConversation, 'updatedAt'>): Promise<void> {
    const entity: ConversationEntity = {
      partitionKey: conversation.personId,
      rowKey: PERSONAL,
      tenantId: conversation.tenantId,
      name: conversation.name,
      conversationId: conversation.conversationId,
      serviceUrl: conversation.serviceUrl,
      reference: JSON.stringify(conversation.reference),
      updatedAt: new Date().toISOString(),
    };
    await this.table.upsertEntity(entity, 'Replace');
  }

  async get(personId: string): Promise<StoredConversation | undefined> {
    const entity = await orUndefined(() => this.table.getEntity<ConversationEntity>(personId, PERSONAL));
    if (!entity) return undefined;
    return {
      personId,
      tenantId: entity.tenantId,
      name: entity.name,
      conversationId: entity.conversationId,
      serviceUrl: entity.serviceUrl,
      reference: readJsonColumn(this.table.tableName, entity, 'reference', entity.reference, z.record(z.unknown())),
      updatedAt: entity.updatedAt,
    };
  }
}

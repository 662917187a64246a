import type { TableClient } from '@azure/data-tables';
import { orConflict, readPartition } from '../../storage/storageErrors';

/**
 * The taskforce's edits of the handbook. Table `handbook`: PartitionKey `section` or `faq`, RowKey the entry's id. Only
 * edited entries have a row: the shipped defaults are the rest, so a new default reaches everyone who has not edited
 * it. A removed FAQ keeps a row marked `deleted`, so its default does not come back. A few dozen rows: reading the
 * handbook reads the two partitions.
 */
export const HANDBOOK_TABLE = 'handbook';

export type HandbookPart = 'section' | 'faq';

/** The version of an entry nobody has edited yet: an edit of it creates its row (a 409 if someone just did). */
export const UNEDITED = 'default';

export interface StoredEntry {
  part: HandbookPart;
  id: string;
  /** A section's title or a FAQ's question. */
  title: string;
  /** Safe markdown: a section's text or a FAQ's answer. */
  body: string;
  /** Where it is listed; the defaults have their place in the shipped order. */
  position: number;
  deleted: boolean;
  updatedAt: string;
  updatedBy: string;
  etag: string;
}

interface HandbookEntity {
  partitionKey: HandbookPart;
  rowKey: string;
  title: string;
  body: string;
  position: number;
  deleted: boolean;
  updatedAt: string;
  updatedBy: string;
  etag?: string;
}

export class HandbookStore {
  constructor(private readonly table: TableClient) {}

  async list(part: HandbookPart): Promise<StoredEntry[]> {
    return (await readPartition<HandbookEntity>(this.table, part)).map(fromEntity);
  }

  /**
   * Writes an entry over the version the editor read: `UNEDITED` creates its row, an ETag replaces the row it names.
   * Someone else's write in between is a ConflictError.
   */
  async write(entry: Omit<StoredEntry, 'etag'>, version: string): Promise<StoredEntry> {
    const entity: HandbookEntity = {
      partitionKey: entry.part,
      rowKey: entry.id,
      title: entry.title,
      body: entry.body,
      position: entry.position,
      deleted: entry.deleted,
      updatedAt: entry.updatedAt,
      updatedBy: entry.updatedBy,
    };
    const result = await orConflict('handbook entry', () =>
      version === UNEDITED ? this.table.createEntity(entity) : this.table.updateEntity(entity, 'Replace', { etag: version }),
    );
    return { ...entry, etag: result.etag ?? '' };
  }
}

function fromEntity(e: HandbookEntity): StoredEntry {
  return {
    part: e.partitionKey,
    id: e.rowKey,
    title: e.title,
    body: e.body,
    position: e.position,
    deleted: e.deleted,
    updatedAt: e.updatedAt,
    updatedBy: e.updatedBy,
    etag: e.etag ?? '',
  };
}

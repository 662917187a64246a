import type { TableClient } from '@azure/data-tables';
import { AppError } from '../../errors';
import { jsonPartColumns, readJsonParts, type JsonPartsEntity } from '../../storage/jsonParts';
import { z } from 'zod';
import { readJsonColumn } from '../../storage/rowJson';
import { orConflict, orUndefined } from '../../storage/storageErrors';
import type { EosWaveJson } from './api';

/**
 * The institution-wide survey's waves in Table storage. Table `eosWaves`: PartitionKey `eos`, RowKey `waves`: every
 * recorded wave as one JSON document (split over `part0`.. columns), so an import is one ETag-guarded write: all of a
 * file or none of it, and two imports at once cannot both win.
 */
export const EOS_TABLE = 'eosWaves';
const PARTITION = 'eos';
const ROW = 'waves';
const WAVES: z.ZodType<EosWaveJson[]> = z.array(
  z.object({ question: z.string(), waveDate: z.string(), respondents: z.number(), percentFavorable: z.number(), unit: z.string().nullable() }),
);
export const NO_WAVES = 'none';

export interface StoredWaves {
  waves: EosWaveJson[];
  etag: string;
}

export class EosStore {
  constructor(private readonly table: TableClient) {}

  async get(): Promise<StoredWaves> {
    const entity = await orUndefined(() => this.table.getEntity<JsonPartsEntity>(PARTITION, ROW));
    if (!entity) return { waves: [], etag: NO_WAVES };
    return { waves: readJsonColumn(EOS_TABLE, { partitionKey: PARTITION, rowKey: ROW }, 'parts', readJsonParts(entity), WAVES), etag: entity.etag };
  }

  async save(waves: readonly EosWaveJson[], etag: string): Promise<void> {
    const json = JSON.stringify(waves);
    const columns = jsonPartColumns(json);
    if (!columns) throw new AppError('TooLarge', 'There are too many survey results to keep: remove old waves first.', `eos waves of ${json.length} characters`);
    const entity = { partitionKey: PARTITION, rowKey: ROW, ...columns };
    if (etag === NO_WAVES) await orConflict('eos waves', () => this.table.createEntity(entity));
    else await orConflict('eos waves', () => this.table.updateEntity(entity, 'Replace', { etag }));
  }
}

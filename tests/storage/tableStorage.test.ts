import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConflictError, orConflict, orUndefined } from '../../bot/storage/storageErrors';
import { startAzurite } from '../../bot/storage/azurite';
import { TableSet } from '../../bot/storage/tables';

interface Note {
  partitionKey: string;
  rowKey: string;
  text: string;
}

describe('Table storage on Azurite', () => {
  it('refuses an update with a stale ETag as a Conflict, and reads a missing row as undefined', async () => {
    const azurite = await startAzurite({ inMemory: true });
    try {
      const tables = await TableSet.open(azurite.connectionString, ['notes']);
      const notes = tables.client('notes');
      await notes.createEntity<Note>({ partitionKey: 'p', rowKey: 'r', text: 'first' });
      const read = await notes.getEntity<Note>('p', 'r');
      await notes.updateEntity({ partitionKey: 'p', rowKey: 'r', text: 'second' }, 'Merge', { etag: read.etag });
      await expect(orConflict('note', () => notes.updateEntity({ partitionKey: 'p', rowKey: 'r', text: 'third' }, 'Merge', { etag: read.etag }))).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect((await notes.getEntity<Note>('p', 'r')).text).toBe('second');
      await expect(orConflict('note', () => notes.createEntity<Note>({ partitionKey: 'p', rowKey: 'r', text: 'again' }))).rejects.toBeInstanceOf(ConflictError);
      expect(await orUndefined(() => notes.getEntity<Note>('p', 'missing'))).toBeUndefined();
      await tables.ping();
    } finally {
      await azurite.stop();
    }
  });

  it('keeps data across a restart of the persistent Azurite (files under the data folder)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mentoring-up-data-'));
    try {
      const first = await startAzurite({ inMemory: false, dataDir });
      const tables = await TableSet.open(first.connectionString, ['notes']);
      await tables.client('notes').createEntity<Note>({ partitionKey: 'p', rowKey: 'kept', text: 'survives' });
      await first.stop();
      expect(fs.readdirSync(dataDir).length).toBeGreaterThan(0);

      const second = await startAzurite({ inMemory: false, dataDir });
      try {
        const reopened = await TableSet.open(second.connectionString, ['notes']);
        expect((await reopened.client('notes').getEntity<Note>('p', 'kept')).text).toBe('survives');
      } finally {
        await second.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a table name Azure would refuse', async () => {
    await expect(TableSet.open('UseDevelopmentStorage=true', ['bad-name'])).rejects.toThrow('not valid for Azure Table storage');
  });
});

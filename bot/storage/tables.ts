import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';

/** The handle a store is given for its table; code that only hands tables over names the type from here. */
export type { TableClient };

/**
 * Where the tables live: a connection string (Azurite, or an account key), or the account's table endpoint reached with
 * an Entra token (a managed identity in Azure, so no key sits in the settings).
 */
export type StorageTarget = { connectionString: string } | { accountUrl: string; credential: TokenCredential };

/**
 * Every table client the service uses, created once at start (tables are created if missing, then never again on a
 * request path).
 */
export class TableSet {
  private constructor(private readonly clients: ReadonlyMap<string, TableClient>) {}

  static async open(target: StorageTarget | string, names: readonly string[]): Promise<TableSet> {
    const where = typeof target === 'string' ? { connectionString: target } : target;
    const clients = new Map<string, TableClient>();
    for (const name of names) {
      if (!/^[A-Za-z][A-Za-z0-9]{2,62}$/.test(name)) throw new Error(`Table name "${name}" is not valid for Azure Table storage.`);
      const client = tableClient(where, name);
      await client.createTable(); // no-op when it exists
      clients.set(name, client);
    }
    return new TableSet(clients);
  }

  client(name: string): TableClient {
    const client = this.clients.get(name);
    if (!client) throw new Error(`Table "${name}" was not opened at start; add it to the list in app.ts.`);
    return client;
  }

  /** Cheap round trip used by /readyz: reading a row that is never there answers 404 when storage is up. */
  async ping(): Promise<void> {
    const [first] = this.clients.values();
    try {
      await first.getEntity('__health__', '__health__');
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
    }
  }
}

function tableClient(target: StorageTarget, name: string): TableClient {
  if ('connectionString' in target) {
    const options: TableServiceClientOptions = { allowInsecureConnection: target.connectionString.includes('http://') };
    return TableClient.fromConnectionString(target.connectionString, name, options);
  }
  // Bearer tokens travel over https only; config.ts accepts no other account URL.
  return new TableClient(target.accountUrl, name, target.credential);
}

import { TableClient } from '@azure/data-tables';

/**
 * Every table client the service uses, created once at start (tables are created if missing, then never again on a
 * request path).
 */
export class TableSet {
  private constructor(private readonly clients: ReadonlyMap<string, TableClient>) {}

  static async open(connectionString: string, names: readonly string[]): Promise<TableSet> {
    const options = { allowInsecureConnection: connectionString.includes('http://') };
    const clients = new Map<string, TableClient>();
    for (const name of names) {
      if (!/^[A-Za-z][A-Za-z0-9]{2,62}$/.test(name)) throw new Error(`Table name "${name}" is not valid for Azure Table storage.`);
      const client = TableClient.fromConnectionString(connectionString, name, options);
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

  /** Cheap round trip used by /healthz: reading a row that is never there answers 404 when storage is up. */
  async ping(): Promise<void> {
    const [first] = this.clients.values();
    try {
      await first.getEntity('__health__', '__health__');
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
    }
  }
}

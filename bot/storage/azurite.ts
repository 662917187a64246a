import fs from 'node:fs';
import path from 'node:path';

/**
 * Azurite's Table service, embedded in this process. Azurite's package entry wants `vscode`, so the server and its
 * configuration are loaded from their own files (see STACK-NOTES). Its types are not published for these paths.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
interface AzuriteTableServer {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}
type TableServerCtor = new (config: unknown) => AzuriteTableServer;
type TableConfigurationCtor = new (...args: unknown[]) => unknown;

/** The account name and key every Azurite accepts (documented by Microsoft; not a secret). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};TableEndpoint=http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`;
}

export interface EmbeddedAzurite {
  connectionString: string;
  port: number;
  stop(): Promise<void>;
}

export interface AzuriteOptions {
  /** In memory (tests) or persisted as files under dataDir (local development). */
  inMemory: boolean;
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
}

export async function startAzurite(options: AzuriteOptions): Promise<EmbeddedAzurite> {
  const { default: TableServer } = require('azurite/dist/src/table/TableServer') as { default: TableServerCtor };
  const { default: TableConfiguration } = require('azurite/dist/src/table/TableConfiguration') as { default: TableConfigurationCtor };
  let dbPath = path.join(options.dataDir ?? '.', '__azurite_db_table__.json');
  if (!options.inMemory) {
    if (!options.dataDir) throw new Error('startAzurite: dataDir is required unless inMemory is set.');
    fs.mkdirSync(options.dataDir, { recursive: true });
  } else {
    dbPath = `memory-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  }
  const config = new TableConfiguration(
    '127.0.0.1',
    options.port ?? 0,
    undefined, // keep-alive default
    dbPath,
    false, // debug log
    false, // access log
    undefined,
    undefined,
    false, // loose
    false, // skip api version check
    '',
    '',
    '',
    undefined,
    false,
    options.inMemory,
  );
  const server = new TableServer(config);
  await server.start();
  const port = Number(new URL(server.getHttpServerAddress()).port);
  let stopped = false;
  return {
    connectionString: azuriteConnectionString(port),
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
    },
  };
}

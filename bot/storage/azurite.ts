import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * Azurite's Table service as a child process of this service. It runs in its own process because restify, loaded in
 * the same process, breaks Azurite's larger HTTP responses (both patch Node's HTTP internals).
 */

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
  /** Omitted or 0: a free port. */
  port?: number;
}

const READY_LINE = 'successfully started';
const START_TIMEOUT_MS = 20_000;

export async function startAzurite(options: AzuriteOptions): Promise<EmbeddedAzurite> {
  if (!options.inMemory) {
    if (!options.dataDir) throw new Error('startAzurite: dataDir is required unless inMemory is set.');
    fs.mkdirSync(options.dataDir, { recursive: true });
  }
  const port = options.port || (await freePort());
  const main = require.resolve('azurite/dist/src/table/main.js');
  const args = [main, '--tableHost', '127.0.0.1', '--tablePort', String(port), '--disableTelemetry'];
  if (options.inMemory) args.push('--inMemoryPersistence');
  else args.push('--location', path.resolve(options.dataDir!));
  // Its own process group, so a Ctrl+C in the terminal reaches only this service, which then stops Azurite in order.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);

  await waitUntilReady(child, port);
  let stopped: Promise<void> | undefined;
  return {
    connectionString: azuriteConnectionString(port),
    port,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        process.removeListener('exit', stopOnExit);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        // Azurite saves its files and closes on SIGINT (SIGTERM would end it without saving).
        child.kill('SIGINT');
      });
      return stopped;
    },
  };
}

function waitUntilReady(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Azurite did not start within ${START_TIMEOUT_MS / 1000} s.`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
      if (output.includes(READY_LINE)) {
        cleanup();
        resolve();
      }
    };
    const onExit = (code: number | null) => fail(new Error(`Azurite stopped at start (exit code ${code}) on port ${port}.`));
    const fail = (error: Error) => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${output.trim()}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining output so the child never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

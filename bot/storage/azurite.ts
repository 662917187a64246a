import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * Azurite's Table service as a child process of this service. It runs in its own process because restify, loaded in
 * the same process, breaks Azurite's larger HTTP responses (both patch Node's HTTP internals).
 *
 * Its life is tied to the service's: it is started through a small bootstrap (CHILD_BOOTSTRAP) that shuts it down when
 * the IPC channel to the service closes, which happens however the service ends, kill -9 included. With files on disk,
 * a pid file in the data folder lets the next start stop an Azurite left over on the same files (after checking it is
 * ours), and the bootstrap makes every write durable before Azurite acknowledges it (see CHILD_BOOTSTRAP).
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
/** Where a persisted Azurite writes its process id, in its data folder. */
export const AZURITE_PID_FILE = 'azurite.pid';

/**
 * Runs Azurite's table server (argv[1] is its main.js) with two additions:
 * - the service's end is Azurite's end: when the IPC channel closes, it shuts down as on Ctrl+C (saving its files),
 *   and is ended outright if that takes more than a few seconds;
 * - acknowledged means saved: Azurite keeps tables in LokiJS and saves them on a 5 s timer, so a crash loses what was
 *   written since; every write of its metadata store (outside a batch, and each batch's commit) now waits for LokiJS to
 *   save before Azurite answers. LokiJS writes a copy and renames it into place, so the file is never half written.
 *   In memory, there is nothing to save.
 */
const CHILD_BOOTSTRAP = `
const main = process.argv[1];
process.on('disconnect', () => {
  process.emit('SIGINT');
  setTimeout(() => process.exit(0), 5000).unref();
});
if (!process.argv.includes('--inMemoryPersistence')) {
  const Store = require(require('path').join(require('path').dirname(main), 'persistence', 'LokiTableMetadataStore.js')).default;
  const writes = ['createTable', 'deleteTable', 'setTableACL', 'insertTableEntity', 'insertOrUpdateTableEntity', 'insertOrMergeTableEntity',
    'deleteTableEntity', 'updateTableEntity', 'mergeTableEntity', 'setTableAccessPolicy', 'setServiceProperties', 'endBatchTransaction'];
  for (const name of writes) {
    const write = Store.prototype[name];
    if (typeof write !== 'function') throw new Error('Azurite has no ' + name + ': check CHILD_BOOTSTRAP against this Azurite version.');
    const batchIdAt = write.length - 1;
    Store.prototype[name] = async function (...args) {
      const result = await write.apply(this, args);
      const inBatch = name !== 'endBatchTransaction' && typeof args[batchIdAt] === 'string' && args[batchIdAt] !== '';
      if (!inBatch) await this.saveDBState();
      return result;
    };
  }
}
require(main);
`;

export async function startAzurite(options: AzuriteOptions): Promise<EmbeddedAzurite> {
  let dataDir: string | undefined;
  if (!options.inMemory) {
    if (!options.dataDir) throw new Error('startAzurite: dataDir is required unless inMemory is set.');
    fs.mkdirSync(options.dataDir, { recursive: true });
    dataDir = path.resolve(options.dataDir);
  }
  const port = options.port || (await freePort());
  const main = require.resolve('azurite/dist/src/table/main.js');
  const args = ['-e', CHILD_BOOTSTRAP, main, '--tableHost', '127.0.0.1', '--tablePort', String(port), '--disableTelemetry'];
  const pidFile = dataDir === undefined ? undefined : path.join(dataDir, AZURITE_PID_FILE);
  if (dataDir === undefined) args.push('--inMemoryPersistence');
  else args.push('--location', dataDir);
  if (pidFile && dataDir !== undefined) await stopLeftOver(pidFile, dataDir);
  // Its own process group, so a Ctrl+C in the terminal reaches only this service, which then stops Azurite in order.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: true });
  // The channel is only there to close when this process ends: it must not keep this process alive.
  child.channel?.unref();
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);

  await waitUntilReady(child, port);
  if (pidFile) fs.writeFileSync(pidFile, String(child.pid));
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
          if (pidFile && readPid(pidFile) === child.pid) fs.rmSync(pidFile, { force: true });
          resolve();
        });
        // Azurite saves its files and closes on SIGINT (SIGTERM would end it without saving).
        child.kill('SIGINT');
      });
      return stopped;
    },
  };
}

/**
 * An Azurite left running on these files by a service that was killed before its Azurite noticed: stopped (SIGINT, so it
 * saves; SIGKILL if it lingers) when its command line shows it is an Azurite on this very folder, never otherwise.
 */
async function stopLeftOver(pidFile: string, dataDir: string): Promise<void> {
  const pid = readPid(pidFile);
  if (pid === undefined) return;
  const commandLine = (() => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      return undefined;
    }
  })();
  const ours = commandLine?.some((arg) => arg.includes(path.join('azurite', 'dist', 'src', 'table', 'main.js'))) && commandLine.includes(dataDir);
  if (ours) {
    signal(pid, 'SIGINT');
    const deadline = Date.now() + 10_000;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    if (isAlive(pid)) signal(pid, 'SIGKILL');
  }
  fs.rmSync(pidFile, { force: true });
}

function readPid(pidFile: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
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

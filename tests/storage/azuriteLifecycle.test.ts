// The embedded Azurite lives and dies with the service, as `npm start` runs it (the built dist/bot/main.js, files in a
// data folder): kill -9 of the service leaves no Azurite behind, a new start runs exactly one, and a write Azurite
// acknowledged survives kill -9 of both.
import { TableClient } from '@azure/data-tables';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { findProjectRoot } from '../../manifest/projectRoot';
import { AZURITE_PID_FILE, azuriteConnectionString } from '../../bot/storage/azurite';
import { childEnvironment } from '../support/childProcess';
import { findFreePort } from '../support/playground';

const ROOT = findProjectRoot(__dirname);
const AZURITE_MAIN = path.join('azurite', 'dist', 'src', 'table', 'main.js');
/** Building and starting take minutes on a busy machine; the bounds only turn a hang into a clear error. */
const START_BOUND_MS = 120_000;
const AZURITE_GONE_BOUND_MS = 30_000;
jest.setTimeout(600_000);

interface RunningService {
  process: ChildProcess;
  output: () => string;
  azuritePort: number;
  azuritePid: number;
}

let dataDir: string;

beforeAll(async () => {
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: ROOT });
  dataDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'mentoring-up-data-'));
});

afterAll(async () => {
  for (const pid of azuritesOn(dataDir)) process.kill(pid, 'SIGKILL');
  await fs.promises.rm(dataDir, { recursive: true, force: true });
});

/** `node dist/bot/main.js` in local mode with its files in dataDir, once it answers /healthz. */
async function startService(): Promise<RunningService> {
  const port = await findFreePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'bot', 'main.js')], {
    cwd: ROOT,
    env: childEnvironment({ HOME: os.tmpdir(), PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + START_BOUND_MS;
  while (!(await answers(`http://127.0.0.1:${port}/healthz`))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`The service did not start:\n${output}`);
    await sleep(200);
  }
  const azuritePort = Number(/"message":"embedded Azurite started".*?"port":(\d+)/.exec(output)?.[1]);
  const azuritePid = Number(fs.readFileSync(path.join(dataDir, AZURITE_PID_FILE), 'utf8'));
  return { process: child, output: () => output, azuritePort, azuritePid };
}

async function killHard(service: RunningService): Promise<void> {
  const exited = new Promise((resolve) => service.process.once('exit', resolve));
  service.process.kill('SIGKILL');
  await exited;
}

/** Azurite processes whose command line names this data folder. */
function azuritesOn(dir: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return args.some((arg) => arg.endsWith(AZURITE_MAIN)) && args.includes(dir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function waitUntilGone(pid: number): Promise<boolean> {
  const deadline = Date.now() + AZURITE_GONE_BOUND_MS;
  while (Date.now() < deadline) {
    if (!azuritesOn(dataDir).includes(pid)) return true;
    await sleep(100);
  }
  return false;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the embedded Azurite of `npm start`', () => {
  it('goes when the service is killed with kill -9, and a new start runs exactly one', async () => {
    const first = await startService();
    expect(azuritesOn(dataDir)).toEqual([first.azuritePid]);
    expect(first.output()).not.toContain('DEP0111');

    await killHard(first);
    expect(await waitUntilGone(first.azuritePid)).toBe(true);

    const second = await startService();
    expect(azuritesOn(dataDir)).toEqual([second.azuritePid]);
    await killHard(second);
    expect(await waitUntilGone(second.azuritePid)).toBe(true);
  });

  it('keeps a write Azurite acknowledged when both are killed with kill -9', async () => {
    const first = await startService();
    const table = TableClient.fromConnectionString(azuriteConnectionString(first.azuritePort), 'conversations', { allowInsecureConnection: true });
    await table.upsertEntity({ partitionKey: 'kill-9-check', rowKey: 'personal', conversationId: 'a:kept' });
    process.kill(first.azuritePid, 'SIGKILL');
    await killHard(first);
    expect(await waitUntilGone(first.azuritePid)).toBe(true);

    const second = await startService();
    const again = TableClient.fromConnectionString(azuriteConnectionString(second.azuritePort), 'conversations', { allowInsecureConnection: true });
    await expect(again.getEntity('kill-9-check', 'personal')).resolves.toMatchObject({ conversationId: 'a:kept' });
    await killHard(second);
    expect(await waitUntilGone(second.azuritePid)).toBe(true);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The Microsoft 365 Agents Playground (a Teams-like web client) as a child process, for browser tests of the bot.
 * It reads the repository's `.m365agentsplayground.yml` (or the file given), so it speaks as the sample org's people.
 */
export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. `${baseUrl}/api/messages`. */
  botEndpoint: string;
  /** Port for the Playground's page; a free one when left out. */
  port?: number;
  /**
   * Its config file (who is signed in, the other users, the chats); the repository's `.m365agentsplayground.yml` when
   * left out. The Playground always speaks as the file's `currentUser`: another person needs a file of their own
   * (tests/support/playgroundUsers.ts writes one).
   */
  configPath?: string;
}

export interface RunningPlayground {
  /** The Playground's page. */
  url: string;
  stop(): Promise<void>;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(REPO_ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
export const PLAYGROUND_CONFIG_PATH = path.join(REPO_ROOT, '.m365agentsplayground.yml');

/** Starting takes 1–3 s here; the bound only turns a hang into a clear error. */
const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
const LOG_TAIL_CHARS = 2_000;

export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const port = options.port ?? (await findFreePort());
  // The Playground writes its log (and, with recording on, devTools/) relative to its working directory: keep it out
  // of the repository.
  const workDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'playground-'));
  const logFile = path.join(workDir, 'playground.log');
  let output = '';
  const child = spawn(process.execPath, [CLI, '--app-endpoint', options.botEndpoint, '--channel-id', 'msteams', '--port', String(port), '--disable-telemetry'], {
    cwd: workDir,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath ?? PLAYGROUND_CONFIG_PATH,
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    },
    // Its own process group, so stop() reaches anything it starts.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  // A detached child outlives its parent: should the test process end without stop(), take the Playground along.
  const killOnExit = () => signalGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await killGroup(child);
    await fs.promises.rm(workDir, { recursive: true, force: true });
  };

  try {
    // It moves to a random port when the asked one is taken, and says which on stdout.
    const listeningPort = await waitFor(() => Number(/Listening on (\d+)/.exec(output)?.[1]) || undefined, child, 'say which port it listens on');
    const url = `http://127.0.0.1:${listeningPort}/`;
    // It listens before it reads its config file, and exits if the file is invalid: wait for the page and for the
    // config it loaded, so a bad file fails here with its reason (from the log) rather than later in a test.
    const ready = async () => ((await answersOk(url)) && (await answersOk(new URL('/_internal/v1/testConfig', url).href)) ? true : undefined);
    await waitFor(ready, child, `serve its page at ${url}`);
    return { url, stop };
  } catch (error) {
    const log = await fs.promises.readFile(logFile, 'utf8').catch(() => '');
    await stop();
    const detail = `Its output:\n${tail(output)}\nIts log:\n${tail(log)}`;
    throw new Error(`${(error as Error).message}\n${detail}`);
  }
}

/** A port nobody listens on right now: the OS picks one for port 0, which is then released for the Playground. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it gives a value; fails when the process exits first or the bound passes. */
async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, child: ChildProcess, what: string): Promise<T> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The Agents Playground exited (code ${child.exitCode ?? child.signalCode}) before it could ${what}.`);
    }
    if (Date.now() > deadline) throw new Error(`The Agents Playground did not ${what} within ${READY_TIMEOUT_MS / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function answersOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/** SIGTERM to the whole group, SIGKILL if it lingers. */
async function killGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

function tail(text: string): string {
  return text.length > LOG_TAIL_CHARS ? `…${text.slice(-LOG_TAIL_CHARS)}` : text || '(empty)';
}

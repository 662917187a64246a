import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { childEnvironment } from './childProcess';

/**
 * The built service (`npm run build:server`: dist/bot/main.js) as its own process, the way App Service runs it: for
 * what only a process shows (its environment as the platform sets it, signals, exit codes).
 */
const projectRoot = path.resolve(__dirname, '..', '..');
const mainFile = path.join(projectRoot, 'dist', 'bot', 'main.js');
const SOURCE_DIRS = ['bot', 'manifest'];

export interface ServiceProcess {
  baseUrl: string;
  child: ChildProcess;
  /** Every line it wrote to stdout or stderr, in order. */
  lines: string[];
  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  exited: Promise<number | null>;
  /** The lines that are JSON log entries, parsed. */
  logEntries(): Array<Record<string, unknown>>;
}

/** Builds dist/ when a source file is newer than dist/bot/main.js (npm test builds it first, so usually nothing to do). */
export function ensureServerBuilt(): void {
  const builtAt = fs.existsSync(mainFile) ? fs.statSync(mainFile).mtimeMs : 0;
  if (SOURCE_DIRS.some((dir) => newestChange(path.join(projectRoot, dir)) > builtAt)) {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(projectRoot, 'tsconfig.json')], { cwd: projectRoot, stdio: 'pipe' });
  }
}

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestChange(full));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Starts the built service with exactly `env` (plus PATH) and waits until it says it is ready. */
export async function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [mainFile], { cwd: projectRoot, env: childEnvironment({ PORT: '0', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let ready: (url: string) => void;
  const readyUrl = new Promise<string>((resolve) => (ready = resolve));
  const collect = (chunk: Buffer, buffer: { text: string }) => {
    buffer.text += chunk.toString('utf8');
    const complete = buffer.text.split('\n');
    buffer.text = complete.pop() ?? '';
    for (const line of complete) {
      lines.push(line);
      const entry = parseJson(line);
      if (entry?.message === 'Mentoring Up is ready' && typeof entry.bot === 'string') ready(new URL(entry.bot).origin);
    }
  };
  const out = { text: '' };
  const err = { text: '' };
  child.stdout.on('data', (chunk: Buffer) => collect(chunk, out));
  child.stderr.on('data', (chunk: Buffer) => collect(chunk, err));

  const started = await Promise.race([readyUrl, exited.then((code) => new Error(`The service exited with code ${code} before it was ready:\n${lines.join('\n')}`))]);
  if (started instanceof Error) throw started;
  return {
    baseUrl: started.replace('localhost', '127.0.0.1'),
    child,
    lines,
    exited,
    logEntries: () => lines.map(parseJson).filter((entry): entry is Record<string, unknown> => entry !== undefined),
  };
}

/** Ends the process whatever state it is in (test cleanup). */
export async function killServiceProcess(service: ServiceProcess | undefined): Promise<void> {
  if (!service || service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGKILL');
  await service.exited;
}

function parseJson(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import esbuild from 'esbuild';

const projectRoot = path.resolve(__dirname, '..', '..');

/**
 * Bundles a TypeScript entry (and our modules it imports; packages stay in node_modules) into one CommonJS file under
 * dist/, so a test can run it with plain node in a process of its own.
 */
export async function bundleEntry(entry: string): Promise<string> {
  const outfile = path.join(projectRoot, 'dist', 'test-children', `${path.basename(entry, '.ts')}.js`);
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  return outfile;
}

/** The environment a child process of a test starts from: the PATH to find programs by, nothing else of this process. */
export function childEnvironment(env: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', ...env };
}

export interface Child {
  process: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Waits for a line of its output matching `pattern`; fails if it exits first or after the deadline. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** kill -9, and waits for it to be gone. */
  kill9(): Promise<void>;
}

export function startChild(file: string, args: readonly string[]): Child {
  const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('exit', () => listeners.forEach((listener) => listener()));
  return {
    process: child,
    output: () => output,
    waitForLine(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (output.split('\n').some((line) => pattern.test(line))) done(resolve);
          else if (child.exitCode !== null || child.signalCode !== null) done(() => reject(new Error(`the child exited before printing ${pattern}:\n${output}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`the child did not print ${pattern} in time:\n${output}`))), timeoutMs);
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
    kill9() {
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
    },
  };
}

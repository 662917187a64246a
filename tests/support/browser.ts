import { chromium, type Browser } from 'playwright-core';
import { resolveChromium, type ResolveChromiumOptions } from './chromium';

/** Flags for every launch: headless, no sandbox (CI runs as root), and nothing that reaches the network on its own. */
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Headless Chromium for the browser tests: the system's when there is one, else the one from npm (tests/support/chromium.ts). */
export async function launchChromium(options: ResolveChromiumOptions = {}): Promise<Browser> {
  const resolved = await resolveChromium(options);
  return chromium.launch({
    executablePath: resolved.executablePath,
    headless: true,
    args: [...LAUNCH_ARGS, ...resolved.args],
    env: resolved.env ? { ...process.env, ...resolved.env } : undefined,
  });
}

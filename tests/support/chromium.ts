// Which Chromium the browser tests run: the one named by CHROMIUM_PATH, else a system Chromium or Chrome, else the
// headless Chromium that ships inside the npm package @sparticuz/chromium (a devDependency), so `npm install && npm test`
// needs no apt step. Nothing is downloaded: the package carries the browser compressed, and it is unpacked once into
// node_modules/.cache.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | 'npm package';

export interface ResolvedChromium {
  executablePath: string;
  source: ChromiumSource;
  /** Environment the browser process needs (the packaged one brings its own libraries and fonts). */
  env?: Record<string, string>;
  /** Flags the browser needs beyond the ones every launch uses. */
  args: string[];
}

export interface ResolveChromiumOptions {
  /** Where CHROMIUM_PATH and PATH are read; the process environment unless told. */
  env?: Record<string, string | undefined>;
  /** Executables looked for before the packaged browser; `[]` skips the system's browsers altogether. */
  systemCandidates?: readonly string[];
}

/** Browsers a Debian, Ubuntu or Chrome installation puts on the PATH, in order of preference. */
export const SYSTEM_CHROMIUM_NAMES: readonly string[] = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE = '@sparticuz/chromium';
/** Unpacking takes 4–10 s here; the bound only turns a hang into a clear error. */
const UNPACK_TIMEOUT_MS = 120_000;

export async function resolveChromium(options: ResolveChromiumOptions = {}): Promise<ResolvedChromium> {
  const env = options.env ?? process.env;
  const named = env.CHROMIUM_PATH?.trim();
  if (named) {
    // A browser named on purpose is never silently replaced by another one.
    if (!isExecutable(named)) throw new Error(`CHROMIUM_PATH is ${named}, but there is no executable there.`);
    return { executablePath: named, source: 'CHROMIUM_PATH', args: [] };
  }
  const candidates = options.systemCandidates ?? systemCandidates(env.PATH);
  const system = candidates.find(isExecutable);
  if (system) return { executablePath: system, source: 'system', args: [] };
  return packagedChromium();
}

/** /usr/bin first (where apt puts them), then the rest of the PATH. */
function systemCandidates(pathVariable: string | undefined): string[] {
  const dirs = ['/usr/bin', ...(pathVariable ?? '').split(path.delimiter).filter(Boolean)];
  return SYSTEM_CHROMIUM_NAMES.flatMap((name) => [...new Set(dirs)].map((dir) => path.join(dir, name)));
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The packaged browser, unpacked into node_modules/.cache/mentoring-up-chromium/<version>. The package unpacks into
 * os.tmpdir() and trusts whatever it finds there, so a half-written file from a stopped run or a second jest worker
 * would be launched as is. Instead it unpacks in a child process whose TMPDIR is a fresh staging folder, which is then
 * renamed into place in one step: the folder either is complete or does not exist.
 */
async function packagedChromium(): Promise<ResolvedChromium> {
  // Its exports hide package.json; the entry point is build/cjs/index.cjs inside the package.
  const packageJson = path.resolve(path.dirname(require.resolve(PACKAGE, { paths: [REPO_ROOT] })), '..', '..', 'package.json');
  const { version } = JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version: string };
  const cacheRoot = path.join(REPO_ROOT, 'node_modules', '.cache', 'mentoring-up-chromium');
  const dir = path.join(cacheRoot, version);
  if (!fs.existsSync(path.join(dir, 'chromium'))) await unpackInto(dir, cacheRoot);
  return {
    executablePath: path.join(dir, 'chromium'),
    source: 'npm package',
    env: {
      // Its own builds of NSS and expat, which a fresh machine without a browser does not have.
      LD_LIBRARY_PATH: [path.join(dir, 'al2023', 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      // Its fonts (the package's own fonts.conf points at /tmp/fonts), and the system's when there are any.
      FONTCONFIG_FILE: path.join(dir, 'fonts.conf'),
    },
    // It is chrome-headless-shell, built without the zygote sandbox helper.
    args: ['--no-zygote'],
  };
}

async function unpackInto(dir: string, cacheRoot: string): Promise<void> {
  await fs.promises.mkdir(cacheRoot, { recursive: true });
  const staging = await fs.promises.mkdtemp(path.join(cacheRoot, 'unpacking-'));
  try {
    const script = `require(${JSON.stringify(PACKAGE)}).executablePath().then((p) => process.stdout.write(p))`;
    await promisify(execFile)(process.execPath, ['-e', script], {
      cwd: REPO_ROOT,
      // The package also unpacks its libraries when it believes it runs on Amazon Linux 2023.
      env: { ...process.env, TMPDIR: staging, AWS_LAMBDA_JS_RUNTIME: 'nodejs20.x' },
      timeout: UNPACK_TIMEOUT_MS,
    });
    await fs.promises.writeFile(path.join(staging, 'fonts.conf'), fontsConf(dir));
    await fs.promises.rename(staging, dir).catch(async (error: unknown) => {
      // Another process finished first: theirs is as good as ours.
      if (!fs.existsSync(path.join(dir, 'chromium'))) throw error;
    });
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
  }
}

function fontsConf(dir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${path.join(dir, 'fonts', 'fonts')}</dir>
  <dir>/usr/share/fonts</dir>
  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>
</fontconfig>
`;
}

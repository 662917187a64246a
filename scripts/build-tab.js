// Bundles the tab (tab/src/main.tsx) into static files under dist/tab/, which the service serves at /tab/.
// Plain CommonJS so jest's globalSetup and `npm run build:tab` can run it without compiling anything first.
'use strict';

const fs = require('node:fs/promises');
const path = require('node:path');
const { promisify } = require('node:util');
const zlib = require('node:zlib');
const esbuild = require('esbuild');

const projectRoot = path.resolve(__dirname, '..');
const entryPoint = path.join(projectRoot, 'tab', 'src', 'main.tsx');
const outDir = path.join(projectRoot, 'dist', 'tab');

// Asset paths are relative so the page works wherever the service mounts it (/tab/, or behind a path prefix).
// The inline style paints the background before the script runs, so dark themes do not flash white.
const indexHtml = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>Mentoring Up</title>
    <link rel="icon" href="data:," />
    <style>
      html, body { margin: 0; min-height: 100%; background: #f5f5f5; }
      @media (prefers-color-scheme: dark) { html, body { background: #1f1f1f; } }
    </style>
    <script type="module" src="./main.js"></script>
  </head>
  <body>
    <div id="root"></div>
    <noscript>Mentoring Up needs JavaScript. Please enable it, or open Mentoring Up from Microsoft Teams.</noscript>
  </body>
</html>
`;

/** Files worth compressing; the service sends the .br or .gz beside each one to a browser that accepts it. */
const COMPRESSIBLE = /\.(js|css|html|json|svg|txt)$/;

/** Writes name.gz and name.br beside every compressible file. Source maps are left as they are: only local mode serves them. */
async function precompress(dir) {
  const gzip = promisify(zlib.gzip);
  const brotli = promisify(zlib.brotliCompress);
  const files = (await fs.readdir(dir, { recursive: true })).filter((name) => COMPRESSIBLE.test(name));
  await Promise.all(
    files.map(async (name) => {
      const file = path.join(dir, name);
      const content = await fs.readFile(file);
      const [gz, br] = await Promise.all([
        gzip(content, { level: 9 }),
        brotli(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 10, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
      ]);
      await Promise.all([fs.writeFile(`${file}.gz`, gz), fs.writeFile(`${file}.br`, br)]);
    }),
  );
}

/**
 * Builds the tab into dist/tab/ (main.js, the pages' chunks, source maps, index.html, and a .gz and .br of each),
 * replacing what was there. Pages are split into chunks of their own (ES modules), so the first page loads only what it
 * shows.
 * @param {{ quiet?: boolean }} [options]
 * @returns {Promise<{ outDir: string, bundleBytes: number, durationMs: number }>}
 */
async function buildTab({ quiet = false } = {}) {
  const started = Date.now();
  // Build beside the live folder and swap it in, so a service serving dist/tab never sees it half written or empty.
  const buildDir = `${outDir}.building-${process.pid}-${Date.now()}`;
  await fs.mkdir(buildDir, { recursive: true });

  await esbuild.build({
    entryPoints: { main: entryPoint },
    outdir: buildDir,
    // Hashed names for the chunks: they can be cached for good; main.js keeps its name for index.html.
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    minify: true,
    sourcemap: true,
    target: 'es2020',
    platform: 'browser',
    format: 'esm',
    jsx: 'automatic',
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: quiet ? 'error' : 'warning',
  });
  await fs.writeFile(path.join(buildDir, 'index.html'), indexHtml);
  await precompress(buildDir);
  const oldDir = `${outDir}.old-${process.pid}-${Date.now()}`;
  await fs.rename(outDir, oldDir).catch(() => undefined);
  await fs.rename(buildDir, outDir);
  await fs.rm(oldDir, { recursive: true, force: true });

  const bundleBytes = (await fs.stat(path.join(outDir, 'main.js'))).size;
  const durationMs = Date.now() - started;
  if (!quiet) {
    console.log(`Built the tab into ${path.relative(projectRoot, outDir)}/: main.js ${(bundleBytes / 1024).toFixed(0)} KiB in ${durationMs} ms.`);
  }
  return { outDir, bundleBytes, durationMs };
}

module.exports = { buildTab };

if (require.main === module) {
  buildTab().catch((error) => {
    console.error(`Building the tab failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}

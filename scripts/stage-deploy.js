// Stages what App Service runs into .deployment/app: the built service and tab (dist/), the manifest folder (the
// service finds its project root by it), package.json and the production dependencies only. `npm run build` first.
// The Agents Toolkit zip-deploys that folder (m365agents.yml); by hand, zip it and `az webapp deploy` it (infra/README.md).
// The developer's own node_modules is left alone. Plain CommonJS so it runs without compiling anything.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const projectRoot = path.resolve(__dirname, '..');
const stage = path.join(projectRoot, '.deployment', 'app');
const INCLUDED = ['dist/bot', 'dist/manifest', 'dist/tab', 'manifest', 'package.json', 'package-lock.json'];

function main() {
  for (const required of ['dist/bot/main.js', 'dist/tab/index.html']) {
    if (!fs.existsSync(path.join(projectRoot, required))) throw new Error(`${required} is missing: run "npm run build" first.`);
  }
  fs.rmSync(stage, { recursive: true, force: true });
  for (const entry of INCLUDED) fs.cpSync(path.join(projectRoot, entry), path.join(stage, entry), { recursive: true });
  // The exact versions of the lock file, without the tools that only build and test; no install scripts run.
  execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: stage, stdio: 'inherit' });
  process.stdout.write(`Staged for App Service: ${path.relative(projectRoot, stage)}\n`);
}

main();

// `npm run playground`: opens the bot of a running `npm start` in the Microsoft 365 Agents Playground, a Teams-like web
// client that works offline. It signs in as the people of .m365agentsplayground.yml (the sample org's personas).
// Plain CommonJS so it runs without compiling anything first.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const projectRoot = path.resolve(__dirname, '..');
const cli = path.join(projectRoot, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
const configPath = path.join(projectRoot, '.m365agentsplayground.yml');
// Inside devTools/, which git ignores; the Playground reports config and connection problems only there.
const logPath = path.join(projectRoot, 'devTools', 'm365agentsplayground.log');

// The same port the service listens on (see bot/config.ts), and the Playground's usual page port.
const servicePort = process.env.PORT || '3978';
const serviceUrl = `http://localhost:${servicePort}`;
const playgroundPort = '56150';

/** Any HTTP answer means the service is up; only a refused or silent connection means it is not. */
async function serviceIsRunning() {
  try {
    const response = await fetch(`${serviceUrl}/healthz`, { signal: AbortSignal.timeout(3000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

function lastLinesOfLog(count) {
  try {
    return fs.readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
  } catch {
    return '';
  }
}

async function main() {
  if (!(await serviceIsRunning())) {
    console.error(`Mentoring Up is not running at ${serviceUrl}: run \`npm start\` in another terminal first, then \`npm run playground\` again.`);
    process.exitCode = 1;
    return;
  }

  const child = spawn(process.execPath, [cli, '--app-endpoint', `${serviceUrl}/api/messages`, '--channel-id', 'msteams', '--port', playgroundPort, '--disable-telemetry'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      // Never try to open a desktop browser (there may be none); the URL is printed instead.
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: logPath,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let stopping = false;
  let output = '';
  child.stdout.on('data', (chunk) => {
    const before = output;
    output += chunk.toString();
    // It takes another port when 56150 is busy, and says which.
    const port = /Listening on (\d+)/.exec(output)?.[1];
    if (port && !/Listening on (\d+)/.test(before)) {
      console.log(`Agents Playground for Mentoring Up: open http://localhost:${port} in your browser.`);
      console.log(`Its log: ${path.relative(process.cwd(), logPath)}. Press Ctrl+C to stop.`);
    }
  });
  child.stderr.on('data', (chunk) => process.stderr.write(chunk));

  const stop = () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  child.on('exit', (code, signal) => {
    if (stopping || code === 0) {
      console.log('Agents Playground stopped.');
      return;
    }
    console.error(`The Agents Playground stopped unexpectedly (${signal ?? `exit code ${code}`}). The end of its log:`);
    console.error(lastLinesOfLog(8));
    process.exitCode = 1;
  });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

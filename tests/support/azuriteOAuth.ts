import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AZURITE_ACCOUNT } from '../../bot/storage/azurite';
import { findFreePort } from './playground';

/**
 * Azurite's Table service as Azure runs it for an app with a managed identity: https only, and Entra bearer tokens
 * (`--oauth basic`, which Azurite accepts only over https). The certificate is self-signed for 127.0.0.1, made here with
 * openssl; a process that should trust it gets NODE_EXTRA_CA_CERTS=<certificateFile>.
 */
export interface OAuthAzurite {
  /** The account's table endpoint, as STORAGE_ACCOUNT_URL takes it. */
  accountUrl: string;
  certificateFile: string;
  stop(): Promise<void>;
}

export async function startOAuthAzurite(): Promise<OAuthAzurite> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'azurite-oauth-'));
  const certificateFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certificateFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );

  const port = await findFreePort();
  const main = require.resolve('azurite/dist/src/table/main.js');
  const args = [
    main,
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(port),
    '--inMemoryPersistence',
    '--disableTelemetry',
    '--oauth',
    'basic',
    '--cert',
    certificateFile,
    '--key',
    keyFile,
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('successfully started')) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        child.stderr.resume();
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`Azurite (https, oauth) stopped at start with code ${code}:\n${output}`)));
  });
  return {
    accountUrl: `https://127.0.0.1:${port}/${AZURITE_ACCOUNT}`,
    certificateFile,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGINT');
        });
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `npm run package`: builds appPackage/mentoring-up.zip, the file an admin uploads to Teams.
 * Reads the deployment's settings through loadConfig() only, like the service does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type AppConfig } from '../bot/config';
import { AppPackageInvalidError, writeAppPackage } from './appPackage';
import type { ManifestInput } from './buildManifest';
import { findProjectRoot } from '../bot/projectRoot';

export const MISSING_DEPLOYMENT_SETTINGS =
  'To build the Teams app package, set BOT_ID, BOT_PASSWORD, AAD_APP_CLIENT_ID, AAD_APP_TENANT_ID and PUBLIC_URL to the values of your Azure deployment.';

export interface PackageOutput {
  info(line: string): void;
  error(line: string): void;
}

/** The manifest values of a deployment, or undefined in local mode, where there is no bot registration to point at. */
export function manifestInputFromConfig(config: AppConfig, version: string): ManifestInput | undefined {
  if (config.mode !== 'production' || !config.bot.id) return undefined;
  return {
    // No separate Teams app id is registered, so the app id is the bot id, as the Teams Toolkit does.
    teamsAppId: config.bot.id,
    botId: config.bot.id,
    publicUrl: config.publicUrl,
    ssoClientId: config.sso.clientId,
    applicationIdUri: config.sso.applicationIdUri,
    version,
  };
}

/** Writes the package for `config` to `outFile`; returns the process exit code. */
export async function runPackageCommand(config: AppConfig, options: { outFile: string; version: string }, output: PackageOutput): Promise<number> {
  const input = manifestInputFromConfig(config, options.version);
  if (!input) {
    output.error(MISSING_DEPLOYMENT_SETTINGS);
    return 1;
  }
  try {
    await writeAppPackage(input, options.outFile);
  } catch (error) {
    if (error instanceof AppPackageInvalidError) {
      output.error(error.message);
      return 1;
    }
    throw error;
  }
  output.info(`Wrote the Teams app package: ${options.outFile}`);
  return 0;
}

function readPackageVersion(projectRoot: string): string {
  const parsed: unknown = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
  const version = parsed !== null && typeof parsed === 'object' && 'version' in parsed ? parsed.version : undefined;
  if (typeof version !== 'string') throw new Error('package.json has no version.');
  return version;
}

async function main(): Promise<number> {
  const output: PackageOutput = { info: (line) => console.log(line), error: (line) => console.error(line) };
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    output.error(error.message);
    return 1;
  }
  const projectRoot = findProjectRoot(__dirname);
  const outFile = path.join(projectRoot, 'appPackage', 'mentoring-up.zip');
  return runPackageCommand(config, { outFile, version: readPackageVersion(projectRoot) }, output);
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

import type { TeamsManifestLatest } from '@microsoft/app-manifest';
import template from './manifest.template.json';

/** The Teams app manifest this app ships: the newest schema bundled with @microsoft/app-manifest. */
export type TeamsManifest = TeamsManifestLatest;

/** What differs between deployments of the app; everything else is in manifest.template.json. */
export interface ManifestInput {
  /** The Teams app id (a GUID); the bot id when no separate id is registered. */
  teamsAppId: string;
  /** The Entra app id of the Azure Bot. */
  botId: string;
  /** Public https base URL of the service, without a trailing slash. */
  publicUrl: string;
  /** Entra app id the tab signs in with (SSO). */
  ssoClientId: string;
  /** Application ID URI of that Entra app, e.g. api://host/<client id>. */
  applicationIdUri: string;
  /** App version, semver (x.y.z). */
  version: string;
}

export class ManifestTemplateError extends Error {
  readonly code = 'ManifestTemplateError';
}

const PLACEHOLDER = /\$\{\{([A-Z0-9_]+)\}\}/g;

/** Fills the manifest template. Pure: the same input always gives the same manifest. */
export function buildManifest(input: ManifestInput): TeamsManifest {
  const values = placeholderValues(input);
  // Substituting into parsed string values (not the raw file text) keeps any quote or
  // backslash in a value from breaking or reshaping the JSON.
  const filled = fillPlaceholders(template, values);
  // The result is checked against the official schema by validateManifest before it is packaged.
  return filled as TeamsManifest;
}

function placeholderValues(input: ManifestInput): Record<string, string> {
  const publicUrl = input.publicUrl.replace(/\/+$/, '');
  return {
    TEAMS_APP_ID: input.teamsAppId,
    BOT_ID: input.botId,
    PUBLIC_URL: publicUrl,
    PUBLIC_HOST: hostOf(publicUrl),
    AAD_APP_CLIENT_ID: input.ssoClientId,
    AAD_APP_ID_URI: input.applicationIdUri,
    APP_VERSION: input.version,
  };
}

function hostOf(publicUrl: string): string {
  try {
    return new URL(publicUrl).host;
  } catch {
    throw new ManifestTemplateError(`The public URL "${publicUrl}" is not a valid URL.`);
  }
}

/** Returns a deep copy of `node` with every ${{NAME}} in its string values replaced. */
function fillPlaceholders(node: unknown, values: Record<string, string>): unknown {
  if (typeof node === 'string') {
    return node.replace(PLACEHOLDER, (_match, name: string) => {
      const value = values[name];
      if (value === undefined) throw new ManifestTemplateError(`The manifest template uses an unknown placeholder \${{${name}}}.`);
      return value;
    });
  }
  if (Array.isArray(node)) return node.map((item) => fillPlaceholders(item, values));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fillPlaceholders(value, values)]));
  }
  return node;
}

import fs from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { buildManifest, type ManifestInput, type TeamsManifest } from './buildManifest';
import { readPngHeader } from './icons/png';
import { findProjectRoot } from '../bot/projectRoot';
import { iconPaths } from './iconPaths';

/** The package would be rejected by Teams: the manifest breaks the schema or an icon is wrong. */
export class AppPackageInvalidError extends Error {
  readonly code = 'AppPackageInvalidError';
  constructor(readonly problems: string[]) {
    super(`The Teams app package is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Icon sizes Teams requires: a full colour 192x192 icon and a 32x32 white-on-transparent outline. */
const ICON_SIZES = { color: 192, outline: 32 } as const;

/**
 * Validates a manifest against the official Teams schema for its manifestVersion, using the copy
 * bundled in @microsoft/app-manifest (never downloaded). Returns one message per violation; [] means valid.
 */
export async function validateManifest(manifest: TeamsManifest): Promise<string[]> {
  const schemaFile = bundledSchemaFile(String(manifest.manifestVersion));
  let raw: string;
  try {
    raw = await fs.readFile(schemaFile, 'utf8');
  } catch {
    return [`No bundled Teams schema for manifestVersion ${manifest.manifestVersion} (looked for ${schemaFile}).`];
  }
  // Some schema versions contain \a and \v escapes that JSON does not allow; the package cleans them the same way.
  const schema = JSON.parse(raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  return AppManifestUtils.validateAgainstSchema(manifest, schema);
}

/**
 * Writes the Teams app package (a zip with manifest.json, color.png and outline.png at its root).
 * Refuses, with every problem listed, when the manifest or the icons would not pass Teams' checks.
 */
export async function writeAppPackage(input: ManifestInput, outFile: string): Promise<void> {
  const manifest = buildManifest(input);
  const icons = iconPaths(findProjectRoot(__dirname));
  const [schemaProblems, color, outline] = await Promise.all([validateManifest(manifest), fs.readFile(icons.color), fs.readFile(icons.outline)]);
  const problems = [...schemaProblems, ...iconProblems('color.png', color, ICON_SIZES.color), ...iconProblems('outline.png', outline, ICON_SIZES.outline)];
  if (problems.length > 0) throw new AppPackageInvalidError(problems);

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file('color.png', color);
  zip.file('outline.png', outline);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  await fs.mkdir(path.dirname(outFile), { recursive: true });
  await fs.writeFile(outFile, bytes);
}

function bundledSchemaFile(manifestVersion: string): string {
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(packageDir, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

function iconProblems(name: string, png: Buffer, size: number): string[] {
  const header = readPngHeader(png);
  if (!header) return [`${name} is not a PNG file.`];
  if (header.width !== size || header.height !== size) return [`${name} is ${header.width}x${header.height}; Teams needs ${size}x${size}.`];
  return [];
}

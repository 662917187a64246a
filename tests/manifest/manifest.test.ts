import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { loadConfig } from '../../bot/config';
import { AppPackageInvalidError, validateManifest, writeAppPackage } from '../../manifest/appPackage';
import { buildManifest, type ManifestInput, type TeamsManifest } from '../../manifest/buildManifest';
import { drawColorIcon, drawOutlineIcon } from '../../manifest/icons/generateIcons';
import { MISSING_DEPLOYMENT_SETTINGS, manifestInputFromConfig, runPackageCommand } from '../../manifest/package';
import template from '../../manifest/manifest.template.json';
import { decodePng } from './pngDecoder';

const projectRoot = path.resolve(__dirname, '..', '..');
const BOT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const SSO_CLIENT_ID = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';
const TENANT_ID = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
const PUBLIC_URL = 'https://mentoring-up.example.org';

/** The settings of an Azure deployment, read through the same loadConfig as `npm run package`. */
const deploymentConfig = () =>
  loadConfig({
    BOT_ID,
    BOT_PASSWORD: 'bot-secret',
    AAD_APP_CLIENT_ID: SSO_CLIENT_ID,
    AAD_APP_TENANT_ID: TENANT_ID,
    PUBLIC_URL: `${PUBLIC_URL}/`,
  });

function deploymentInput(): ManifestInput {
  const input = manifestInputFromConfig(deploymentConfig(), '1.2.3');
  if (!input) throw new Error('A deployment configuration must give manifest input.');
  return input;
}

let workDir: string;
beforeAll(async () => {
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mentoring-up-manifest-'));
});
afterAll(async () => {
  await fs.rm(workDir, { recursive: true, force: true });
});

describe('the manifest template', () => {
  it('uses the newest Teams schema bundled with @microsoft/app-manifest', async () => {
    const schemasDir = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
    const minors = (await fs.readdir(schemasDir))
      .map((name) => /^v1\.(\d+)$/.exec(name)?.[1])
      .filter((m): m is string => m !== undefined)
      .map(Number);
    const newest = `1.${Math.max(...minors)}`;
    expect(template.manifestVersion).toBe(newest);
    expect(template.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`);
  });
});

describe('buildManifest', () => {
  it('fills the template from the deployment configuration, leaving no placeholder', () => {
    const manifest = buildManifest(deploymentInput());

    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.bots?.[0]).toMatchObject({ botId: BOT_ID, scopes: ['personal', 'team'], supportsFiles: false });
    expect(manifest.bots?.[0].commandLists?.[0].commands.map((c) => c.title)).toEqual(['help', 'about', 'nominate', 'apply', 'status', 'meetings', 'agenda', 'pause']);
    expect(manifest.staticTabs?.map((t) => [t.entityId, t.name, t.contentUrl, t.scopes])).toEqual([
      ['my', 'My mentoring', `${PUBLIC_URL}/tab/#/my`, ['personal']],
      ['program', 'Program', `${PUBLIC_URL}/tab/#/program`, ['personal']],
    ]);
    expect(manifest.webApplicationInfo).toEqual({ id: SSO_CLIENT_ID, resource: `api://mentoring-up.example.org/${SSO_CLIENT_ID}` });
    expect(manifest.validDomains).toEqual(['mentoring-up.example.org']);
    expect(manifest.developer.privacyUrl).toBe(`${PUBLIC_URL}/privacy`);
  });

  it('substitutes into JSON values, so quotes and backslashes cannot reshape the manifest', () => {
    const awkward = 'api://host/"},"id":"x\\';
    const manifest = buildManifest({ ...deploymentInput(), applicationIdUri: awkward });

    const reparsed = JSON.parse(JSON.stringify(manifest)) as TeamsManifest;
    expect(reparsed.webApplicationInfo?.resource).toBe(awkward);
    expect(reparsed.id).toBe(BOT_ID);
  });

  it('does not change the template between builds', () => {
    const first = buildManifest(deploymentInput());
    buildManifest({ ...deploymentInput(), botId: SSO_CLIENT_ID });
    expect(buildManifest(deploymentInput())).toEqual(first);
    expect(JSON.stringify(template)).toContain('${{BOT_ID}}');
  });
});

describe('validateManifest (the official schema, offline)', () => {
  it('accepts the manifest of a deployment', async () => {
    await expect(validateManifest(buildManifest(deploymentInput()))).resolves.toEqual([]);
  });

  it('rejects a bot id that is not a GUID', async () => {
    const errors = await validateManifest(buildManifest({ ...deploymentInput(), botId: 'mentoring-up-bot' }));
    expect(errors.some((e) => e.startsWith('/bots/0/botId ') && e.includes('pattern'))).toBe(true);
  });

  it('rejects a manifest with a required field missing', async () => {
    const { developer: _developer, ...withoutDeveloper } = buildManifest(deploymentInput());
    const errors = await validateManifest(withoutDeveloper as TeamsManifest);
    expect(errors.some((e) => e.includes("must have required property 'developer'"))).toBe(true);
  });

  it('reports a manifest version it has no schema for instead of downloading one', async () => {
    const manifest = { ...buildManifest(deploymentInput()), manifestVersion: '9.99' } as unknown as TeamsManifest;
    const errors = await validateManifest(manifest);
    expect(errors).toEqual([expect.stringContaining('No bundled Teams schema for manifestVersion 9.99')]);
  });
});

describe('the icons', () => {
  it('color.png is a fully opaque 192x192 colour image drawn by the generator', async () => {
    const png = decodePng(await fs.readFile(path.join(projectRoot, 'manifest', 'color.png')));

    expect([png.width, png.height]).toEqual([192, 192]);
    expect(png.chunkTypes[0]).toBe('IHDR');
    expect(png.chunkTypes.at(-1)).toBe('IEND');
    const alphas = new Set(Array.from({ length: png.width * png.height }, (_, i) => png.pixels[i * 4 + 3]));
    expect([...alphas]).toEqual([255]);
    expect(Buffer.from(png.pixels).equals(Buffer.from(drawColorIcon().pixels))).toBe(true);
  });

  it('outline.png is a 32x32 RGBA image, every pixel transparent or white', async () => {
    const png = decodePng(await fs.readFile(path.join(projectRoot, 'manifest', 'outline.png')));

    expect([png.width, png.height, png.colorType]).toEqual([32, 32, 6]);
    const notWhiteOrTransparent: number[] = [];
    let visible = 0;
    for (let i = 0; i < png.width * png.height; i += 1) {
      const [r, g, b, a] = png.pixels.subarray(i * 4, i * 4 + 4);
      if (a > 0) visible += 1;
      if (a > 0 && (r !== 255 || g !== 255 || b !== 255)) notWhiteOrTransparent.push(i);
    }
    expect(notWhiteOrTransparent).toEqual([]);
    expect(visible).toBeGreaterThan(100);
    expect(visible).toBeLessThan(32 * 32 - 100);
    expect(Buffer.from(png.pixels).equals(Buffer.from(drawOutlineIcon().pixels))).toBe(true);
  });
});

describe('writeAppPackage', () => {
  it('writes a zip with exactly manifest.json, color.png and outline.png at its root', async () => {
    const outFile = path.join(workDir, 'nested', 'mentoring-up.zip');
    await writeAppPackage(deploymentInput(), outFile);

    const zip = await JSZip.loadAsync(await fs.readFile(outFile));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as TeamsManifest;
    expect(manifest).toEqual(buildManifest(deploymentInput()));
    await expect(validateManifest(manifest)).resolves.toEqual([]);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    const color = await zip.file('color.png')!.async('nodebuffer');
    expect(color.equals(await fs.readFile(path.join(projectRoot, 'manifest', 'color.png')))).toBe(true);
    expect(decodePng(await zip.file('outline.png')!.async('nodebuffer')).width).toBe(32);
  });

  it('refuses to write a package whose manifest breaks the schema, listing the errors', async () => {
    const outFile = path.join(workDir, 'refused.zip');
    const attempt = writeAppPackage({ ...deploymentInput(), ssoClientId: 'not-a-guid' }, outFile);

    await expect(attempt).rejects.toBeInstanceOf(AppPackageInvalidError);
    await expect(attempt).rejects.toMatchObject({ problems: [expect.stringContaining('/webApplicationInfo/id')] });
    await expect(fs.stat(outFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('npm run package (runPackageCommand)', () => {
  function recorder() {
    const lines = { info: [] as string[], error: [] as string[] };
    return { lines, output: { info: (l: string) => lines.info.push(l), error: (l: string) => lines.error.push(l) } };
  }

  it('in local mode says in one sentence which settings are needed, and writes nothing', async () => {
    const outFile = path.join(workDir, 'local.zip');
    const { lines, output } = recorder();

    await expect(runPackageCommand(loadConfig({}), { outFile, version: '1.0.0' }, output)).resolves.toBe(1);
    expect(lines.error).toEqual([MISSING_DEPLOYMENT_SETTINGS]);
    for (const name of ['BOT_ID', 'BOT_PASSWORD', 'AAD_APP_CLIENT_ID', 'AAD_APP_TENANT_ID', 'PUBLIC_URL']) expect(MISSING_DEPLOYMENT_SETTINGS).toContain(name);
    await expect(fs.stat(outFile)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('with a deployment configuration writes the package and prints its path', async () => {
    const outFile = path.join(workDir, 'appPackage', 'mentoring-up.zip');
    const { lines, output } = recorder();

    await expect(runPackageCommand(deploymentConfig(), { outFile, version: '2.0.1' }, output)).resolves.toBe(0);
    expect(lines.info).toEqual([`Wrote the Teams app package: ${outFile}`]);
    const zip = await JSZip.loadAsync(await fs.readFile(outFile));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as TeamsManifest;
    expect([manifest.id, manifest.version]).toEqual([BOT_ID, '2.0.1']);
  });

  it('prints the schema errors and fails when the configuration makes an invalid manifest', async () => {
    const config = loadConfig({ BOT_ID: 'not-a-guid', BOT_PASSWORD: 's', AAD_APP_CLIENT_ID: SSO_CLIENT_ID, AAD_APP_TENANT_ID: TENANT_ID, PUBLIC_URL });
    const { lines, output } = recorder();

    await expect(runPackageCommand(config, { outFile: path.join(workDir, 'invalid.zip'), version: '1.0.0' }, output)).resolves.toBe(1);
    expect(lines.error.join('\n')).toContain('/bots/0/botId');
  });
});

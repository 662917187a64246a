import fs from 'node:fs';
import path from 'node:path';

// There is no Bicep compiler here, so these checks keep infra/ consistent with the code by reading the files:
// every setting the service reads is deployed, and the parameters file fits the template.

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** Settings App Service provides itself, or that only matter when running without a connection string. */
// HOST: production listens on 0.0.0.0 by default, which App Service needs; BOT_OPENID_METADATA_URL: the public cloud's
// default is right for Azure.
const NOT_DEPLOYED = new Set(['PORT', 'DATA_DIR', 'HOST', 'BOT_OPENID_METADATA_URL']);
/** App settings for App Service itself, not read by the service. */
const PLATFORM_SETTINGS = new Set(['SCM_DO_BUILD_DURING_DEPLOYMENT']);

/** The environment variables bot/config.ts reads: the keys of its zod schema object. */
function variablesReadByConfig(): string[] {
  const source = read('bot/config.ts');
  const schemaBlock = /const schema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(source)?.[1];
  if (!schemaBlock) throw new Error('bot/config.ts no longer declares `const schema = z.object({...});`: update this test.');
  return [...schemaBlock.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]);
}

interface BicepParam {
  name: string;
  hasDefault: boolean;
  secure: boolean;
}

function bicepParams(bicep: string): BicepParam[] {
  const params: BicepParam[] = [];
  let decorators: string[] = [];
  for (const line of bicep.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('@')) decorators.push(trimmed);
    const param = /^param (\w+) \w+( = .+)?$/.exec(trimmed);
    if (param) params.push({ name: param[1], hasDefault: param[2] !== undefined, secure: decorators.includes('@secure()') });
    if (!trimmed.startsWith('@')) decorators = [];
  }
  return params;
}

describe('infra/main.bicep', () => {
  const bicep = read('infra/main.bicep');
  const appSettings = [...bicep.matchAll(/\{ name: '([A-Z0-9_]+)', value: /g)].map((m) => m[1]);

  it('sets every variable the service reads as an app setting', () => {
    const read = variablesReadByConfig();
    expect(read.length).toBeGreaterThan(15);
    expect(read.filter((name) => !NOT_DEPLOYED.has(name) && !appSettings.includes(name))).toEqual([]);
  });

  it('sets no app setting the service does not read', () => {
    const read = new Set(variablesReadByConfig());
    expect(appSettings.filter((name) => !read.has(name) && !PLATFORM_SETTINGS.has(name))).toEqual([]);
    expect(new Set(appSettings).size).toBe(appSettings.length);
  });

  it('has a parameters file that names only template parameters and gives every required one but the secrets', () => {
    const params = bicepParams(bicep);
    const file = JSON.parse(read('infra/main.parameters.json')) as { parameters: Record<string, { value: unknown }> };
    const given = Object.keys(file.parameters);

    expect(given.filter((name) => !params.some((p) => p.name === name))).toEqual([]);
    expect(params.filter((p) => !p.hasDefault && !p.secure && !given.includes(p.name)).map((p) => p.name)).toEqual([]);
    expect(params.filter((p) => p.secure && given.includes(p.name)).map((p) => p.name)).toEqual([]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../../bot/config';
import { buildManifest } from '../../manifest/buildManifest';
import { manifestInputFromConfig } from '../../manifest/package';
import { iconPaths } from '../../manifest/iconPaths';

/**
 * The Microsoft 365 Agents Toolkit project: m365agents.yml (Azure) and m365agents.local.yml (a dev tunnel) against the
 * toolkit's published YAML schema, bundled in infra/schemas/ (see its README for the source); the tab's Entra app
 * manifest; and the app package the toolkit zips, which must be the one `npm run package` builds.
 */
const { derivedValues } = require('../../scripts/toolkit-env.js') as { derivedValues: (env: Record<string, string | undefined>, version: string) => Record<string, string> };

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const SCHEMA_VERSION = 'v1.13';
const SCHEMA_FILE = `infra/schemas/m365agents-${SCHEMA_VERSION}.yaml.schema.json`;
const PROJECT_FILES = { dev: 'm365agents.yml', local: 'm365agents.local.yml' } as const;
const PLACEHOLDER = /\$\{\{([A-Za-z0-9_]+)\}\}/g;

/** The clients Microsoft documents for Teams SSO in tabs: Teams, Microsoft 365 (Office) and Outlook, each platform. */
const SSO_CLIENTS = {
  teamsDesktopAndMobile: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  teamsWeb: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
  microsoft365Web1: '4345a7b9-9a63-4910-a426-35363201d503',
  microsoft365Web2: '4765445b-32c6-49b0-83e6-1d93765276ca',
  microsoft365Desktop: '0ec893e0-5785-4de6-99da-4ed124e5296c',
  microsoft365MobileAndOutlookDesktop: 'd3590ed6-52b3-4102-aeff-aad2292ab01c',
  outlookWeb1: '00000002-0000-0ff1-ce00-000000000000',
  outlookWeb2: 'bc59ab01-8403-45c6-8796-ac3ef710b3e3',
  outlookMobile: '27922004-5251-4030-b22d-91ecd9a37ea4',
};

interface Step {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface ProjectFile {
  version: string;
  provision?: Step[];
  deploy?: Step[];
  publish?: Step[];
}

const project = (file: string) => parseYaml(read(file)) as ProjectFile;
const steps = (file: ProjectFile) => [...(file.provision ?? []), ...(file.deploy ?? []), ...(file.publish ?? [])];

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(read(SCHEMA_FILE)) as object);
}

function envFile(file: string): Record<string, string> {
  return Object.fromEntries([...read(file).matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1], m[2]]));
}

/** What teamsApp/zipAppPackage does to the manifest file: every ${{NAME}} replaced by the environment's value. */
function renderLikeToolkit(templateText: string, env: Record<string, string>): unknown {
  return JSON.parse(
    templateText.replace(PLACEHOLDER, (_match, name: string) => {
      if (env[name] === undefined) throw new Error(`The toolkit has no value for \${{${name}}}`);
      return env[name];
    }),
  );
}

describe('the Agents Toolkit project files', () => {
  const validate = validator();

  it.each(Object.values(PROJECT_FILES))('%s validates against the published YAML schema it names', (file) => {
    expect(read(file).split('\n')[0]).toBe(`# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/${SCHEMA_VERSION}/yaml.schema.json`);
    const parsed = project(file);
    expect(parsed.version).toBe(SCHEMA_VERSION);
    const valid = validate(parsed);
    expect(valid ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
  });

  it('the schema check refuses an action the toolkit does not have, and a missing required input', () => {
    const parsed = project(PROJECT_FILES.dev);
    expect(validate({ ...parsed, publish: [{ uses: 'teamsApp/zipPackage', with: { manifestPath: 'x' } }] })).toBe(false);
    expect(validate({ ...parsed, deploy: [{ uses: 'azureAppService/zipDeploy', with: { artifactFolder: '.' } }] })).toBe(false);
  });

  it('provisions the two Entra apps, Azure from main.bicep and the app package; deploys the staged build; publishes', () => {
    const dev = project(PROJECT_FILES.dev);
    expect(dev.provision?.map((s) => s.uses)).toEqual([
      'aadApp/create',
      'aadApp/create',
      'script',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
    ]);
    expect(dev.provision?.[3].with?.templates).toEqual([{ path: './infra/main.bicep', parameters: './infra/azure.parameters.json', deploymentName: 'mentoring-up' }]);
    expect(dev.deploy?.map((s) => s.uses)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    expect(dev.deploy?.[1].with?.args).toBe('run stage:deploy');
    expect(JSON.parse(read('package.json')).scripts['stage:deploy']).toBe('npm run build && node scripts/stage-deploy.js');
    expect(dev.deploy?.[2].with).toMatchObject({ artifactFolder: './.deployment/app', resourceId: '${{AZURE_APP_SERVICE_RESOURCE_ID}}' });
    expect(dev.publish?.map((s) => s.uses)).toEqual(['teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/publishAppPackage']);

    const local = project(PROJECT_FILES.local);
    expect(local.provision?.find((s) => s.uses === 'botFramework/create')?.with).toMatchObject({
      messagingEndpoint: '${{PUBLIC_URL}}/api/messages',
      channels: [{ name: 'msteams' }],
    });
  });

  it.each(Object.entries(PROJECT_FILES))('every value the %s environment uses is in its env file or written by a step', (environment, file) => {
    const parsed = project(file);
    const known = new Set([...Object.keys(envFile(`env/.env.${environment}`)), 'TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME']);
    for (const step of steps(parsed)) for (const name of Object.values(step.writeToEnvironmentFile ?? {})) known.add(name);
    for (const name of Object.keys(derivedValues({}, '0.0.0'))) known.add(name);
    const sources = [read(file), read('aad.manifest.json'), read('manifest/manifest.template.json'), ...(environment === 'dev' ? [read('infra/azure.parameters.json')] : [])];
    const used = new Set(sources.flatMap((source) => [...source.matchAll(PLACEHOLDER)].map((m) => m[1])));
    expect([...used].filter((name) => !known.has(name) && name !== 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID')).toEqual([]);
    // Secrets never sit in the committed env file: the toolkit keeps them in env/.env.<environment>.user.
    expect(Object.keys(envFile(`env/.env.${environment}`)).filter((name) => name.startsWith('SECRET_'))).toEqual([]);
    expect(read('.gitignore')).toContain('env/.env.*.user');
  });
});

describe("the tab's Entra app manifest (aad.manifest.json)", () => {
  const manifest = JSON.parse(read('aad.manifest.json')) as {
    identifierUris: string[];
    signInAudience: string;
    api: {
      oauth2PermissionScopes: Array<{ value: string; id: string; type: string; isEnabled: boolean }>;
      preAuthorizedApplications: Array<{ appId: string; delegatedPermissionIds: string[] }>;
    };
  };

  it('exposes the access_as_user scope under api://<host>/<client id>', () => {
    expect(manifest.identifierUris).toEqual(['${{AAD_APP_ID_URI}}']);
    expect(manifest.signInAudience).toBe('AzureADMyOrg');
    expect(manifest.api.oauth2PermissionScopes).toEqual([
      expect.objectContaining({ value: 'access_as_user', id: '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}', type: 'User', isEnabled: true }),
    ]);
  });

  it('pre-authorizes every Teams, Microsoft 365 and Outlook client for that scope, and nothing else', () => {
    const authorized = manifest.api.preAuthorizedApplications;
    expect(authorized.map((a) => a.appId).sort()).toEqual(Object.values(SSO_CLIENTS).sort());
    for (const client of authorized) expect(client.delegatedPermissionIds).toEqual(['${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}']);
  });

  it.each(Object.values(PROJECT_FILES))('is the manifest %s applies to the tab app', (file) => {
    const update = steps(project(file)).find((s) => s.uses === 'aadApp/update');
    expect(update?.with?.manifestPath).toBe('./aad.manifest.json');
  });
});

describe('the app package the toolkit zips', () => {
  const BOT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
  const SSO_CLIENT_ID = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';
  const TENANT_ID = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
  const WEB_APP = 'mentoring-up-a1b2c3';
  const version = (JSON.parse(read('package.json')) as { version: string }).version;

  it('is built from the manifest template and icons `npm run package` uses', () => {
    for (const file of Object.values(PROJECT_FILES)) {
      const zips = steps(project(file)).filter((s) => s.uses === 'teamsApp/zipAppPackage');
      expect(zips.length).toBeGreaterThan(0);
      for (const zip of zips) expect(zip.with?.manifestPath).toBe('./manifest/manifest.template.json');
    }
    // The toolkit takes the icons from beside the manifest file, by the names the manifest gives.
    const template = JSON.parse(read('manifest/manifest.template.json')) as { icons: { color: string; outline: string } };
    const icons = iconPaths(root);
    expect(path.join(root, 'manifest', template.icons.color)).toBe(icons.color);
    expect(path.join(root, 'manifest', template.icons.outline)).toBe(icons.outline);
  });

  it('has the manifest `npm run package` builds from the same deployment', () => {
    // The toolkit's environment after provision: the Entra apps' ids, the script's values, the Bicep's outputs.
    const publicHost = `${WEB_APP}.azurewebsites.net`;
    const afterCreate = { BOT_ID, AAD_APP_CLIENT_ID: SSO_CLIENT_ID, AAD_APP_TENANT_ID: TENANT_ID, BOT_TENANT_ID: TENANT_ID };
    const bicepOutputs = { PUBLIC_URL: `https://${publicHost}`, PUBLIC_HOST: publicHost, AAD_APP_ID_URI: `api://${publicHost}/${SSO_CLIENT_ID}` };
    const toolkitEnv = { ...envFile('env/.env.dev'), ...afterCreate, ...derivedValues(afterCreate, version), ...bicepOutputs };
    const zipped = renderLikeToolkit(read('manifest/manifest.template.json'), toolkitEnv);

    // `npm run package` with the app settings main.bicep gives the service (AAD_APP_ID_URI left to its default).
    const config = loadConfig({
      BOT_ID,
      BOT_PASSWORD: 'from-key-vault',
      BOT_TYPE: 'SingleTenant',
      BOT_TENANT_ID: TENANT_ID,
      AAD_APP_CLIENT_ID: SSO_CLIENT_ID,
      AAD_APP_TENANT_ID: TENANT_ID,
      PUBLIC_URL: bicepOutputs.PUBLIC_URL,
    });
    const input = manifestInputFromConfig(config, version);
    if (!input) throw new Error('a deployment configuration gives manifest input');
    expect(zipped).toEqual(buildManifest(input));
    expect(config.sso.applicationIdUri).toBe(bicepOutputs.AAD_APP_ID_URI);
  });
});

describe('scripts/toolkit-env.js', () => {
  it('derives the Teams app id, the host and the Application ID URI, and makes the survey secret once', () => {
    const first = derivedValues({ BOT_ID: 'bot', AAD_APP_CLIENT_ID: 'tab', PUBLIC_URL: 'https://x.devtunnels.ms' }, '1.2.3');
    expect(first).toMatchObject({ APP_VERSION: '1.2.3', TEAMS_APP_ID: 'bot', PUBLIC_HOST: 'x.devtunnels.ms', AAD_APP_ID_URI: 'api://x.devtunnels.ms/tab' });
    expect(first.SECRET_SURVEY_PSEUDONYM_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ SURVEY_PSEUDONYM_SECRET: first.SECRET_SURVEY_PSEUDONYM_SECRET }).surveyPseudonymSecret).toBe(first.SECRET_SURVEY_PSEUDONYM_SECRET);

    const again = derivedValues(
      { BOT_ID: 'bot', TEAMS_APP_ID: 'own-app', SECRET_SURVEY_PSEUDONYM_SECRET: 'kept', RESOURCE_SUFFIX: 'abc123', PUBLIC_HOST: 'h', AAD_APP_ID_URI: 'api://h/tab' },
      '1.2.4',
    );
    expect(again).toEqual({ APP_VERSION: '1.2.4' });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { Expression, parseBicep, valueAt, type BicepFile, type BicepResource, type BicepValue } from '../support/bicep';

/**
 * infra/main.bicep, checked without the Bicep compiler (a .NET binary that is only ever downloaded, which this machine
 * and CI cannot do): the tree-sitter Bicep grammar parses it (tests/support/bicep.ts), and these tests check the syntax,
 * that every name it uses is declared, and what it deploys: the app settings against bot/config.ts and .env.example,
 * the production posture, and the parameters files against the template. Resource types and API versions are
 * checked by Azure at deployment.
 */
const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** Settings the service reads that are deliberately not deployed, and why (infra/README.md says the same). */
const NOT_DEPLOYED: Record<string, string> = {
  PORT: 'App Service sets it',
  DATA_DIR: 'only for the embedded Azurite of local mode',
  HOST: 'production listens on 0.0.0.0 by default, which App Service needs',
  BOT_OPENID_METADATA_URL: 'the public cloud default is right for Azure',
  STORAGE_CONNECTION_STRING: 'Azure uses STORAGE_ACCOUNT_URL with the managed identity: no key anywhere',
};
/** App settings for App Service itself, not read by the service. */
const PLATFORM_SETTINGS = [
  'WEBSITE_RUN_FROM_PACKAGE',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'WEBSITES_CONTAINER_STOP_TIME_LIMIT',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'ApplicationInsightsAgent_EXTENSION_VERSION',
];
/** What the service's own secrets must be in Azure: Key Vault references, resolved by App Service. */
const KEY_VAULT_SETTINGS = ['BOT_PASSWORD', 'SURVEY_PSEUDONYM_SECRET'];

const ROLE = { storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3', keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6' };

/** The environment variables bot/config.ts reads: the keys of its zod schema object. */
function variablesReadByConfig(): string[] {
  const source = read('bot/config.ts');
  const schemaBlock = /const schema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(source)?.[1];
  if (!schemaBlock) throw new Error('bot/config.ts no longer declares `const schema = z.object({...});`: update this test.');
  return [...schemaBlock.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]);
}

function resource(file: BicepFile, symbol: string): BicepResource {
  const found = file.resources.find((r) => r.symbol === symbol);
  if (!found) throw new Error(`main.bicep has no resource ${symbol}`);
  return found;
}

function appSettings(file: BicepFile): Array<{ name: string; value: BicepValue }> {
  const list = valueAt(resource(file, 'webApp').body, 'properties.siteConfig.appSettings');
  if (!Array.isArray(list)) throw new Error('webApp has no appSettings list');
  return list.map((entry) => {
    const name = valueAt(entry, 'name');
    if (typeof name !== 'string') throw new Error(`an app setting has no literal name: ${JSON.stringify(entry)}`);
    return { name, value: valueAt(entry, 'value') ?? null };
  });
}

const text = (value: BicepValue | undefined) => (value instanceof Expression ? value.text : JSON.stringify(value));

let bicep: BicepFile;
beforeAll(async () => {
  bicep = await parseBicep(read('infra/main.bicep'));
});

describe('the Bicep reader', () => {
  it('notices a syntax error, an undeclared name and an unused parameter (so the checks below can fail)', async () => {
    const broken = await parseBicep(`param used string\nparam unused int\nvar a = '\${used}-\${missing}'\nresource r 'Microsoft.Web/sites@2023-12-01' = {\n  name: \n}\n`);
    expect(broken.syntaxErrors.length).toBeGreaterThan(0);
    expect(broken.undeclaredReferences).toEqual(['missing']);
    expect(broken.unusedParams).toEqual(['unused']);
  });
});

describe('infra/main.bicep', () => {
  it('parses without a syntax error, uses only names it declares, and uses every parameter', () => {
    expect(bicep.syntaxErrors).toEqual([]);
    expect(bicep.undeclaredReferences).toEqual([]);
    expect(bicep.unusedParams).toEqual([]);
    expect(bicep.resources.length).toBeGreaterThan(10);
  });

  it('sets every variable the service reads as an app setting, but those not needed in Azure', () => {
    const names = appSettings(bicep).map((s) => s.name);
    const readByService = variablesReadByConfig();
    expect(readByService.length).toBeGreaterThan(20);
    expect(readByService.filter((name) => !(name in NOT_DEPLOYED) && !names.includes(name))).toEqual([]);
    expect(Object.keys(NOT_DEPLOYED).filter((name) => names.includes(name))).toEqual([]);
  });

  it("sets no app setting the service does not read, but App Service's own, and none twice", () => {
    const names = appSettings(bicep).map((s) => s.name);
    const readByService = new Set(variablesReadByConfig());
    expect(names.filter((name) => !readByService.has(name) && !PLATFORM_SETTINGS.includes(name))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('keeps every secret in Key Vault: the app settings hold references, never a secure parameter or an account key', () => {
    const settings = appSettings(bicep);
    const secureParams = bicep.params.filter((p) => p.secure).map((p) => p.name);
    expect(secureParams).toEqual(expect.arrayContaining(['botAppPassword', 'surveyPseudonymSecret', 'graphClientSecret']));
    for (const setting of settings) {
      const value = text(setting.value);
      expect({ setting: setting.name, usesSecureParam: secureParams.filter((p) => new RegExp(`\\b${p}\\b`).test(value)) }).toEqual({ setting: setting.name, usesSecureParam: [] });
      expect(value).not.toMatch(/listKeys|AccountKey/);
    }
    for (const name of KEY_VAULT_SETTINGS) {
      const reference = settings.find((s) => s.name === name)?.value;
      const variable = text(reference);
      expect(read('infra/main.bicep')).toMatch(new RegExp(`var ${variable} = '@Microsoft\\.KeyVault\\(VaultName=\\$\\{vault\\.name\\};SecretName=`));
    }
    // Each secure parameter goes into a Key Vault secret and nowhere else.
    const secretValues = bicep.resources.filter((r) => r.type === 'Microsoft.KeyVault/vaults/secrets').map((r) => text(valueAt(r.body, 'properties.value')));
    expect(secretValues.sort()).toEqual(['botAppPassword', 'graphClientSecret', 'surveyPseudonymSecret']);
  });

  it('runs Node 22 LTS on Linux over https only, TLS 1.2 or later, no FTP, with a liveness health check', () => {
    const site = resource(bicep, 'webApp').body;
    expect(valueAt(site, 'kind')).toBe('app,linux');
    expect(valueAt(site, 'properties.siteConfig.linuxFxVersion')).toBe('NODE|22-lts');
    expect(valueAt(site, 'properties.httpsOnly')).toBe(true);
    expect(valueAt(site, 'properties.siteConfig.minTlsVersion')).toBe('1.2');
    expect(valueAt(site, 'properties.siteConfig.scmMinTlsVersion')).toBe('1.2');
    expect(valueAt(site, 'properties.siteConfig.ftpsState')).toBe('Disabled');
    expect(valueAt(site, 'properties.siteConfig.healthCheckPath')).toBe('/healthz');
    expect(valueAt(site, 'properties.siteConfig.appCommandLine')).toBe('node dist/bot/main.js');
    expect(valueAt(resource(bicep, 'ftpCredentials').body, 'properties.allow')).toBe(false);
    expect(valueAt(resource(bicep, 'plan').body, 'properties.reserved')).toBe(true);
  });

  it('gives the service a user-assigned identity for storage and Key Vault, with only the roles it needs', () => {
    const site = resource(bicep, 'webApp').body;
    expect(valueAt(site, 'identity.type')).toBe('UserAssigned');
    expect(text(valueAt(site, 'properties.keyVaultReferenceIdentity'))).toBe('identity.id');
    const settings = appSettings(bicep);
    expect(text(settings.find((s) => s.name === 'AZURE_CLIENT_ID')?.value)).toBe('identity.properties.clientId');
    expect(text(settings.find((s) => s.name === 'STORAGE_ACCOUNT_URL')?.value)).toBe('storage.properties.primaryEndpoints.table');

    const assignments = bicep.resources.filter((r) => r.type === 'Microsoft.Authorization/roleAssignments');
    const granted = assignments.map((r) => ({
      scope: text(valueAt(r.body, 'scope')),
      role: text(valueAt(r.body, 'properties.roleDefinitionId')),
      principal: text(valueAt(r.body, 'properties.principalId')),
    }));
    expect(granted).toEqual([
      { scope: 'storage', role: expect.stringContaining('storageTableDataContributor'), principal: 'identity.properties.principalId' },
      { scope: 'vault', role: expect.stringContaining('keyVaultSecretsUser'), principal: 'identity.properties.principalId' },
    ]);
    const source = read('infra/main.bicep');
    expect(source).toContain(`var storageTableDataContributor = '${ROLE.storageTableDataContributor}'`);
    expect(source).toContain(`var keyVaultSecretsUser = '${ROLE.keyVaultSecretsUser}'`);
  });

  it('locks the storage account down: Entra sign-in only, no public blobs, TLS 1.2, soft delete on', () => {
    const storage = resource(bicep, 'storage').body;
    expect(valueAt(storage, 'properties')).toMatchObject({
      allowSharedKeyAccess: false,
      allowBlobPublicAccess: false,
      minimumTlsVersion: 'TLS1_2',
      supportsHttpsTrafficOnly: true,
      defaultToOAuthAuthentication: true,
    });
    expect(valueAt(resource(bicep, 'blobService').body, 'properties')).toMatchObject({
      deleteRetentionPolicy: { enabled: true },
      containerDeleteRetentionPolicy: { enabled: true },
    });
    expect(valueAt(resource(bicep, 'vault').body, 'properties')).toMatchObject({ enableRbacAuthorization: true, enableSoftDelete: true, enablePurgeProtection: true });
  });

  it("sends the service's console log lines to the workspace behind Application Insights", () => {
    expect(text(valueAt(resource(bicep, 'insights').body, 'properties.WorkspaceResourceId'))).toBe('workspace.id');
    const diagnostics = resource(bicep, 'webAppLogs').body;
    expect(text(valueAt(diagnostics, 'scope'))).toBe('webApp');
    expect(text(valueAt(diagnostics, 'properties.workspaceId'))).toBe('workspace.id');
    expect(valueAt(diagnostics, 'properties.logs')).toEqual(expect.arrayContaining([{ category: 'AppServiceConsoleLogs', enabled: true }]));
    expect(text(appSettings(bicep).find((s) => s.name === 'APPLICATIONINSIGHTS_CONNECTION_STRING')?.value)).toBe('insights.properties.ConnectionString');
  });

  it('gives the Agents Toolkit the outputs the app package and the deploy step use', () => {
    expect(bicep.outputs).toEqual(expect.arrayContaining(['AZURE_APP_SERVICE_RESOURCE_ID', 'PUBLIC_URL', 'PUBLIC_HOST', 'AAD_APP_ID_URI', 'MANAGED_IDENTITY_PRINCIPAL_ID']));
  });
});

describe('.env.example', () => {
  it('lists every variable the service reads, and the Bicep or NOT_DEPLOYED accounts for each', () => {
    const listed = [...read('.env.example').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    const readByService = variablesReadByConfig();
    expect([...readByService].sort()).toEqual([...listed].sort());
    const deployed = appSettings(bicep).map((s) => s.name);
    expect(listed.filter((name) => !deployed.includes(name) && !(name in NOT_DEPLOYED))).toEqual([]);
  });
});

describe('the parameters files', () => {
  type ParametersFile = { parameters: Record<string, { value: unknown }> };
  const byHand = JSON.parse(read('infra/main.parameters.json')) as ParametersFile;
  const toolkit = JSON.parse(read('infra/azure.parameters.json')) as ParametersFile;

  it('name only template parameters', () => {
    const names = bicep.params.map((p) => p.name);
    expect(Object.keys(byHand.parameters).filter((name) => !names.includes(name))).toEqual([]);
    expect(Object.keys(toolkit.parameters).filter((name) => !names.includes(name))).toEqual([]);
  });

  it('by hand: give every required parameter but the secrets, which go on the command line', () => {
    const given = Object.keys(byHand.parameters);
    expect(bicep.params.filter((p) => !p.hasDefault && !p.secure && !given.includes(p.name)).map((p) => p.name)).toEqual([]);
    expect(bicep.params.filter((p) => p.secure && given.includes(p.name)).map((p) => p.name)).toEqual([]);
  });

  it('for the toolkit: give every required parameter, secrets only from SECRET_ variables', () => {
    const given = Object.keys(toolkit.parameters);
    expect(bicep.params.filter((p) => !p.hasDefault && !given.includes(p.name)).map((p) => p.name)).toEqual([]);
    for (const param of bicep.params.filter((p) => p.secure && given.includes(p.name))) {
      expect({ param: param.name, value: toolkit.parameters[param.name].value }).toEqual({ param: param.name, value: expect.stringMatching(/^\$\{\{SECRET_[A-Z0-9_]+\}\}$/) });
    }
  });
});

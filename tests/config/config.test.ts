import { ConfigError, describeConfig, loadConfig } from '../../bot/config';

const production = {
  BOT_ID: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  BOT_PASSWORD: 'secret-value',
  AAD_APP_CLIENT_ID: '0d3c1f7e-5b3a-4a7f-9d1e-6f2b8c9a0e11',
  AAD_APP_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  PUBLIC_URL: 'https://mentoring-up.example.org/',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('runs in local mode with sensible defaults when nothing is set', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({ mode: 'local', port: 3978, publicUrl: 'http://localhost:3978', logLevel: 'info' });
    expect(config.storage).toEqual({ connectionString: undefined, dataDir: '/srv/app/.data' });
    expect(config.graph).toBeUndefined();
  });

  it('turns production mode on with BOT_ID and reads every production value', () => {
    const config = loadConfig({ ...production, TASKFORCE_IDS: ' a, b ,,c ', PORT: '8080' });
    expect(config.mode).toBe('production');
    expect(config.publicUrl).toBe('https://mentoring-up.example.org');
    expect(config.sso.applicationIdUri).toBe(`api://mentoring-up.example.org/${production.AAD_APP_CLIENT_ID}`);
    expect(config.roles.taskforce).toEqual(['a', 'b', 'c']);
    expect(config.port).toBe(8080);
  });

  it('listens on loopback in local mode and on every interface in production, unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig(production).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ ...production, HOST: ' 10.1.2.3 ' }).host).toBe('10.1.2.3');
    expect(loadConfig({ HOST: 'my-host.internal' }).host).toBe('my-host.internal');
    expect(problemsOf({ HOST: 'http://0.0.0.0' })).toEqual(['HOST must be an IP address or a host name, such as 127.0.0.1 or 0.0.0.0']);
  });

  it('names every bad value in one plain sentence each', () => {
    expect(problemsOf({ PORT: 'eighty' })).toEqual(['PORT must be a number']);
    expect(problemsOf({ PORT: '70000', LOG_LEVEL: 'loud' })).toEqual(['PORT must be between 0 and 65535', 'LOG_LEVEL must be one of debug, info, warn, error, silent']);
    expect(problemsOf({ BOT_ID: 'x' })).toEqual([
      'BOT_PASSWORD is required when BOT_ID is set (or set BOT_TYPE=UserAssignedMSI).',
      'AAD_APP_CLIENT_ID is required when BOT_ID is set: the tab signs people in with it.',
      'AAD_APP_TENANT_ID is required when BOT_ID is set: only this tenant may use the tab API.',
      'PUBLIC_URL is required when BOT_ID is set: the public https address of this service.',
    ]);
    expect(problemsOf({ ...production, BOT_TYPE: 'SingleTenant' })).toEqual(['BOT_TENANT_ID is required when BOT_TYPE is SingleTenant.']);
    expect(problemsOf({ GRAPH_CLIENT_ID: 'c' })).toEqual([
      'GRAPH_TENANT_ID and GRAPH_CLIENT_ID must be set together.',
      'GRAPH_CLIENT_SECRET or GRAPH_CERTIFICATE_PATH is required when GRAPH_CLIENT_ID is set (unless it is the managed identity, AZURE_CLIENT_ID).',
    ]);
    expect(problemsOf({ PUBLIC_URL: 'mentoring-up.example.org' })).toEqual(['PUBLIC_URL must be an http(s) URL such as https://example.org']);
  });

  it('reads the program calendar, and names what is wrong with it', () => {
    expect(loadConfig({}).program.calendar).toEqual({ timeZone: 'America/Chicago', workingDays: [1, 2, 3, 4, 5], workStart: '09:00', workEnd: '17:00', nudgeTime: '08:30' });
    expect(
      loadConfig({ PROGRAM_TIME_ZONE: 'Europe/London', PROGRAM_WORKING_DAYS: '5,1,1', PROGRAM_WORKING_HOURS: '07:00-19:30', PROGRAM_NUDGE_TIME: '06:45' }).program.calendar,
    ).toEqual({
      timeZone: 'Europe/London',
      workingDays: [1, 5],
      workStart: '07:00',
      workEnd: '19:30',
      nudgeTime: '06:45',
    });
    expect(problemsOf({ PROGRAM_TIME_ZONE: 'Mars/Olympus' })).toEqual([
      'Program calendar (PROGRAM_TIME_ZONE, PROGRAM_WORKING_HOURS, PROGRAM_NUDGE_TIME): "Mars/Olympus" is not a time zone name such as America/Chicago.',
    ]);
    expect(problemsOf({ PROGRAM_WORKING_HOURS: '17:00-09:00' })).toHaveLength(1);
    expect(problemsOf({ PROGRAM_WORKING_DAYS: 'mon-fri' })).toEqual([
      'PROGRAM_WORKING_DAYS must be weekday numbers separated by commas, 1 (Monday) to 7 (Sunday), such as 1,2,3,4,5',
    ]);
    expect(problemsOf({ GRAPH_CALENDAR_ORGANISER: 'events@contoso.org' })).toEqual(['GRAPH_CALENDAR_ORGANISER needs Microsoft Graph (GRAPH_TENANT_ID and GRAPH_CLIENT_ID).']);
    expect(problemsOf({ TEAMS_APP_CATALOG_ID: 'b1c5353a-7aca-41b3-830f-27d5218fe0e5' })).toEqual([
      'TEAMS_APP_CATALOG_ID needs Microsoft Graph (GRAPH_TENANT_ID and GRAPH_CLIENT_ID) to install the app for people.',
    ]);
  });

  it('reads the program settings: the approval window and the matching score', () => {
    expect(loadConfig({}).program).toMatchObject({ approvalAnswerDays: 7, matchPointsPerSharedTopic: 10, matchCrossDepartmentBonus: 3 });
    expect(loadConfig({ APPROVAL_ANSWER_DAYS: '10', MATCH_POINTS_PER_SHARED_TOPIC: '5', MATCH_CROSS_DEPARTMENT_BONUS: '0' }).program).toMatchObject({
      approvalAnswerDays: 10,
      matchPointsPerSharedTopic: 5,
      matchCrossDepartmentBonus: 0,
    });
    expect(loadConfig({}).program.surveyMinimumGroupSize).toBe(5);
    expect(loadConfig({ SURVEY_MINIMUM_GROUP_SIZE: '8' }).program.surveyMinimumGroupSize).toBe(8);
    expect(problemsOf({ SURVEY_MINIMUM_GROUP_SIZE: '2' })).toEqual(['SURVEY_MINIMUM_GROUP_SIZE must be between 3 and 1000']);
    expect(problemsOf({ APPROVAL_ANSWER_DAYS: '0', MATCH_POINTS_PER_SHARED_TOPIC: 'many' })).toEqual([
      'APPROVAL_ANSWER_DAYS must be between 1 and 60',
      'MATCH_POINTS_PER_SHARED_TOPIC must be a number',
    ]);
  });

  it('configures Graph with an hourly sync by default', () => {
    const config = loadConfig({ GRAPH_TENANT_ID: 't', GRAPH_CLIENT_ID: 'c', GRAPH_CLIENT_SECRET: 's' });
    expect(config.graph).toMatchObject({ tenantId: 't', clientId: 'c', syncIntervalMinutes: 60, baseUrl: 'https://graph.microsoft.com/v1.0' });
  });

  it('reaches Table storage by account URL with the managed identity, never with http or beside a connection string', () => {
    const clientId = '3f1c9a2e-7d4b-4e8a-9c61-0b2d5e8f7a13';
    const config = loadConfig({ STORAGE_ACCOUNT_URL: 'https://mentup1.table.core.windows.net/', AZURE_CLIENT_ID: clientId });
    expect(config.storage).toMatchObject({ connectionString: undefined, accountUrl: 'https://mentup1.table.core.windows.net' });
    expect(config.managedIdentityClientId).toBe(clientId);
    expect(describeConfig(config).storage).toEqual({ accountUrl: 'https://mentup1.table.core.windows.net', credential: `managed identity ${clientId}` });
    expect(problemsOf({ STORAGE_ACCOUNT_URL: 'http://mentup1.table.core.windows.net' })).toEqual([
      'STORAGE_ACCOUNT_URL must be the https table endpoint of the storage account, such as https://<account>.table.core.windows.net',
    ]);
    expect(problemsOf({ STORAGE_ACCOUNT_URL: 'https://a.table.core.windows.net', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' })).toEqual([
      'Set STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL, not both.',
    ]);
  });

  it('reads Graph with the managed identity when GRAPH_CLIENT_ID is the identity, needing no secret', () => {
    const clientId = '3f1c9a2e-7d4b-4e8a-9c61-0b2d5e8f7a13';
    expect(loadConfig({ GRAPH_TENANT_ID: 't', GRAPH_CLIENT_ID: clientId, AZURE_CLIENT_ID: clientId }).graph).toMatchObject({ clientId, credential: 'managedIdentity' });
    expect(loadConfig({ GRAPH_TENANT_ID: 't', GRAPH_CLIENT_ID: 'c', GRAPH_CERTIFICATE_PATH: '/certs/graph.pem' }).graph?.credential).toBe('certificate');
    expect(problemsOf({ GRAPH_TENANT_ID: 't', GRAPH_CLIENT_ID: 'c', AZURE_CLIENT_ID: clientId })).toEqual([
      'GRAPH_CLIENT_SECRET or GRAPH_CERTIFICATE_PATH is required when GRAPH_CLIENT_ID is set (unless it is the managed identity, AZURE_CLIENT_ID).',
    ]);
  });

  it('takes a survey pseudonym secret of at least 32 characters', () => {
    expect(loadConfig({ SURVEY_PSEUDONYM_SECRET: 'k'.repeat(32) }).surveyPseudonymSecret).toBe('k'.repeat(32));
    expect(problemsOf({ SURVEY_PSEUDONYM_SECRET: 'short' })).toEqual(['SURVEY_PSEUDONYM_SECRET must be at least 32 characters (for example: openssl rand -base64 48)']);
  });

  it('never logs secrets', () => {
    const text = JSON.stringify(
      describeConfig(
        loadConfig({
          ...production,
          STORAGE_CONNECTION_STRING: 'AccountKey=topsecret',
          GRAPH_TENANT_ID: 't',
          GRAPH_CLIENT_ID: 'c',
          GRAPH_CLIENT_SECRET: 'graphsecret',
          SURVEY_PSEUDONYM_SECRET: 'survey-secret-survey-secret-survey-secret',
        }),
      ),
    );
    expect(text).not.toContain('secret-value');
    expect(text).not.toContain('survey-secret');
    expect(text).not.toContain('topsecret');
    expect(text).not.toContain('graphsecret');
  });
});

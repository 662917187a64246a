import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { calendarProblems, type ProgramCalendar, type Weekday } from './calendar/calendarTime';

/**
 * The service's configuration, read from the environment once at start.
 * This is the only module that reads `process.env`; everything else receives an `AppConfig`.
 */
export type Mode = 'local' | 'production';
export type BotType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

export interface AppConfig {
  /** `local` when no BOT_ID is set: no Bot Framework auth, dev sign-in, embedded sample data. */
  mode: Mode;
  /** Address to listen on: loopback in local mode (it has no authentication), every interface in production. */
  host: string;
  port: number;
  /** Public base URL of this service (tab content, manifest, valid domains). */
  publicUrl: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** The Azure Bot registration; `openIdMetadataUrl` replaces the Bot Framework's key discovery (sovereign clouds, tests). */
  bot: { id?: string; password?: string; tenantId?: string; type: BotType; openIdMetadataUrl?: string };
  /**
   * Table storage: a connection string (Azurite, or an account key), or the account's table endpoint reached with an
   * Entra token (a managed identity in Azure; `az login` on a developer's machine). Neither: embedded Azurite.
   */
  storage: { connectionString?: string; accountUrl?: string; dataDir: string };
  /** Client id of the user-assigned managed identity (App Service); unset: the default Azure credential chain. */
  managedIdentityClientId?: string;
  /** Secret keying the pseudonyms survey answers are stored under (HMAC of the person's id). */
  surveyPseudonymSecret?: string;
  /** Entra ID SSO for the tab API. In local mode a dev issuer inside the service stands in. */
  sso: { clientId: string; tenantId: string; authorityHost: string; applicationIdUri: string };
  roles: { taskforce: string[]; executives: string[] };
  /** How long a manager has to answer a nomination (a reminder goes half way), and the matching score. */
  program: {
    approvalAnswerDays: number;
    matchPointsPerSharedTopic: number;
    matchCrossDepartmentBonus: number;
    /** Survey results are shown only for groups of at least this many people (never below 3; outcomes/reportingRules.ts). */
    surveyMinimumGroupSize: number;
    /** The program's calendar: its time zone, working days and hours, and when nudges go out (year/calendarTime.ts). */
    calendar: ProgramCalendar;
  };
  /** `managedIdentity`: GRAPH_CLIENT_ID is the managed identity (AZURE_CLIENT_ID), which holds the Graph app roles itself. */
  graph?: {
    tenantId: string;
    clientId: string;
    credential: 'secret' | 'certificate' | 'managedIdentity';
    clientSecret?: string;
    certificatePath?: string;
    baseUrl: string;
    syncIntervalMinutes: number;
    taskforceGroupId?: string;
    executivesGroupId?: string;
    calendarOrganiser?: string;
    teamsAppCatalogId?: string;
  };
}

export class ConfigError extends Error {
  readonly code = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Tenant and SSO client id of local mode, where the dev issuer signs tokens. */
export const LOCAL_TENANT_ID = '00000000-0000-4000-8000-00000000d001';
export const LOCAL_SSO_CLIENT_ID = '00000000-0000-4000-8000-00000000c11e';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const idList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

function isHostOrAddress(value: string): boolean {
  return isIP(value) !== 0 || /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(value);
}

const httpUrl = (name: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^https?:\/\/[^\s/]+/.test(v), { message: `${name} must be an http(s) URL such as https://example.org` })
    .transform((v) => v.replace(/\/+$/, ''));

function wholeNumber(name: string, min: number, max: number) {
  return z.coerce
    .number({ invalid_type_error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be between ${min} and ${max}`)
    .max(max, `${name} must be between ${min} and ${max}`);
}

const schema = z.object({
  PORT: z.coerce
    .number({ invalid_type_error: 'PORT must be a number' })
    .int('PORT must be a whole number')
    .min(0, 'PORT must be between 0 and 65535')
    .max(65535, 'PORT must be between 0 and 65535')
    .default(3978),
  HOST: optionalText.refine((v) => v === undefined || isHostOrAddress(v), {
    message: 'HOST must be an IP address or a host name, such as 127.0.0.1 or 0.0.0.0',
  }),
  PUBLIC_URL: httpUrl('PUBLIC_URL').optional(),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'], {
      errorMap: () => ({ message: 'LOG_LEVEL must be one of debug, info, warn, error, silent' }),
    })
    .default('info'),
  BOT_ID: optionalText,
  BOT_PASSWORD: optionalText,
  BOT_TENANT_ID: optionalText,
  BOT_TYPE: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
      errorMap: () => ({ message: 'BOT_TYPE must be MultiTenant, SingleTenant or UserAssignedMSI' }),
    })
    .default('MultiTenant'),
  BOT_OPENID_METADATA_URL: httpUrl('BOT_OPENID_METADATA_URL').optional(),
  STORAGE_CONNECTION_STRING: optionalText,
  STORAGE_ACCOUNT_URL: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v.replace(/\/+$/, '')))
    .refine((v) => v === undefined || /^https:\/\/[^\s/]+(\/[^\s]*)?$/.test(v), {
      message: 'STORAGE_ACCOUNT_URL must be the https table endpoint of the storage account, such as https://<account>.table.core.windows.net',
    })
    .optional(),
  AZURE_CLIENT_ID: optionalText,
  DATA_DIR: optionalText,
  AAD_APP_CLIENT_ID: optionalText,
  AAD_APP_TENANT_ID: optionalText,
  AAD_APP_OAUTH_AUTHORITY_HOST: httpUrl('AAD_APP_OAUTH_AUTHORITY_HOST').default('https://login.microsoftonline.com'),
  AAD_APP_ID_URI: optionalText,
  TASKFORCE_IDS: idList,
  EXECUTIVE_IDS: idList,
  GRAPH_TENANT_ID: optionalText,
  GRAPH_CLIENT_ID: optionalText,
  GRAPH_CLIENT_SECRET: optionalText,
  GRAPH_CERTIFICATE_PATH: optionalText,
  GRAPH_BASE_URL: httpUrl('GRAPH_BASE_URL').default('https://graph.microsoft.com/v1.0'),
  GRAPH_SYNC_INTERVAL_MINUTES: z.coerce
    .number({ invalid_type_error: 'GRAPH_SYNC_INTERVAL_MINUTES must be a number' })
    .int('GRAPH_SYNC_INTERVAL_MINUTES must be a whole number')
    .min(1, 'GRAPH_SYNC_INTERVAL_MINUTES must be at least 1')
    .default(60),
  TASKFORCE_GROUP_ID: optionalText,
  APPROVAL_ANSWER_DAYS: wholeNumber('APPROVAL_ANSWER_DAYS', 1, 60).default(7),
  MATCH_POINTS_PER_SHARED_TOPIC: wholeNumber('MATCH_POINTS_PER_SHARED_TOPIC', 1, 1000).default(10),
  MATCH_CROSS_DEPARTMENT_BONUS: wholeNumber('MATCH_CROSS_DEPARTMENT_BONUS', 0, 1000).default(3),
  SURVEY_MINIMUM_GROUP_SIZE: wholeNumber('SURVEY_MINIMUM_GROUP_SIZE', 3, 1000).default(5),
  EXECUTIVES_GROUP_ID: optionalText,
  GRAPH_CALENDAR_ORGANISER: optionalText,
  TEAMS_APP_CATALOG_ID: optionalText,
  PROGRAM_TIME_ZONE: z.string().trim().default('America/Chicago'),
  PROGRAM_WORKING_DAYS: z
    .string()
    .trim()
    .regex(/^[1-7](,[1-7])*$/, 'PROGRAM_WORKING_DAYS must be weekday numbers separated by commas, 1 (Monday) to 7 (Sunday), such as 1,2,3,4,5')
    .default('1,2,3,4,5'),
  PROGRAM_WORKING_HOURS: z
    .string()
    .trim()
    .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, 'PROGRAM_WORKING_HOURS must be two times such as 09:00-17:00')
    .default('09:00-17:00'),
  PROGRAM_NUDGE_TIME: z
    .string()
    .trim()
    .regex(/^\d{2}:\d{2}$/, 'PROGRAM_NUDGE_TIME must be a time such as 08:30')
    .default('08:30'),
  SURVEY_PSEUDONYM_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
    message: 'SURVEY_PSEUDONYM_SECRET must be at least 32 characters (for example: openssl rand -base64 48)',
  }),
});

/** Reads and validates configuration. Throws a ConfigError listing one plain sentence per bad value. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => issue.message));
  }
  const e = parsed.data;
  const mode: Mode = e.BOT_ID ? 'production' : 'local';
  const problems: string[] = [];

  if (mode === 'production') {
    if (e.BOT_TYPE !== 'UserAssignedMSI' && !e.BOT_PASSWORD) problems.push('BOT_PASSWORD is required when BOT_ID is set (or set BOT_TYPE=UserAssignedMSI).');
    if (e.BOT_TYPE !== 'MultiTenant' && !e.BOT_TENANT_ID) problems.push(`BOT_TENANT_ID is required when BOT_TYPE is ${e.BOT_TYPE}.`);
    if (!e.AAD_APP_CLIENT_ID) problems.push('AAD_APP_CLIENT_ID is required when BOT_ID is set: the tab signs people in with it.');
    if (!e.AAD_APP_TENANT_ID) problems.push('AAD_APP_TENANT_ID is required when BOT_ID is set: only this tenant may use the tab API.');
    if (!e.PUBLIC_URL) problems.push('PUBLIC_URL is required when BOT_ID is set: the public https address of this service.');
  }
  const graphKeys = [e.GRAPH_TENANT_ID, e.GRAPH_CLIENT_ID];
  if (graphKeys.some(Boolean) && !graphKeys.every(Boolean)) problems.push('GRAPH_TENANT_ID and GRAPH_CLIENT_ID must be set together.');
  const graphByManagedIdentity = Boolean(e.GRAPH_CLIENT_ID) && e.GRAPH_CLIENT_ID === e.AZURE_CLIENT_ID;
  if (e.GRAPH_CLIENT_ID && !graphByManagedIdentity && !e.GRAPH_CLIENT_SECRET && !e.GRAPH_CERTIFICATE_PATH) {
    problems.push('GRAPH_CLIENT_SECRET or GRAPH_CERTIFICATE_PATH is required when GRAPH_CLIENT_ID is set (unless it is the managed identity, AZURE_CLIENT_ID).');
  }
  if (e.STORAGE_CONNECTION_STRING && e.STORAGE_ACCOUNT_URL) problems.push('Set STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL, not both.');
  const [workStart = '', workEnd = ''] = e.PROGRAM_WORKING_HOURS.split('-');
  const calendar: ProgramCalendar = {
    timeZone: e.PROGRAM_TIME_ZONE,
    workingDays: [...new Set(e.PROGRAM_WORKING_DAYS.split(',').map((day) => Number(day) as Weekday))].sort(),
    workStart,
    workEnd,
    nudgeTime: e.PROGRAM_NUDGE_TIME,
  };
  problems.push(...calendarProblems(calendar).map((problem) => `Program calendar (PROGRAM_TIME_ZONE, PROGRAM_WORKING_HOURS, PROGRAM_NUDGE_TIME): ${problem}`));
  if (e.GRAPH_CALENDAR_ORGANISER && !e.GRAPH_CLIENT_ID) problems.push('GRAPH_CALENDAR_ORGANISER needs Microsoft Graph (GRAPH_TENANT_ID and GRAPH_CLIENT_ID).');
  if (e.TEAMS_APP_CATALOG_ID && !e.GRAPH_CLIENT_ID)
    problems.push('TEAMS_APP_CATALOG_ID needs Microsoft Graph (GRAPH_TENANT_ID and GRAPH_CLIENT_ID) to install the app for people.');
  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const clientId = e.AAD_APP_CLIENT_ID ?? LOCAL_SSO_CLIENT_ID;
  return {
    mode,
    // App Service sends traffic to the container from outside it, so production listens everywhere.
    host: e.HOST ?? (mode === 'local' ? '127.0.0.1' : '0.0.0.0'),
    port: e.PORT,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    bot: { id: e.BOT_ID, password: e.BOT_PASSWORD, tenantId: e.BOT_TENANT_ID, type: e.BOT_TYPE, openIdMetadataUrl: e.BOT_OPENID_METADATA_URL },
    storage: { connectionString: e.STORAGE_CONNECTION_STRING, accountUrl: e.STORAGE_ACCOUNT_URL, dataDir: path.resolve(cwd, e.DATA_DIR ?? '.data') },
    managedIdentityClientId: e.AZURE_CLIENT_ID,
    surveyPseudonymSecret: e.SURVEY_PSEUDONYM_SECRET,
    sso: {
      clientId,
      tenantId: e.AAD_APP_TENANT_ID ?? LOCAL_TENANT_ID,
      authorityHost: e.AAD_APP_OAUTH_AUTHORITY_HOST,
      applicationIdUri: e.AAD_APP_ID_URI ?? `api://${new URL(publicUrl).host}/${clientId}`,
    },
    roles: { taskforce: e.TASKFORCE_IDS, executives: e.EXECUTIVE_IDS },
    program: {
      approvalAnswerDays: e.APPROVAL_ANSWER_DAYS,
      matchPointsPerSharedTopic: e.MATCH_POINTS_PER_SHARED_TOPIC,
      matchCrossDepartmentBonus: e.MATCH_CROSS_DEPARTMENT_BONUS,
      surveyMinimumGroupSize: e.SURVEY_MINIMUM_GROUP_SIZE,
      calendar,
    },
    graph:
      e.GRAPH_TENANT_ID && e.GRAPH_CLIENT_ID
        ? {
            tenantId: e.GRAPH_TENANT_ID,
            clientId: e.GRAPH_CLIENT_ID,
            credential: graphByManagedIdentity ? 'managedIdentity' : e.GRAPH_CLIENT_SECRET ? 'secret' : 'certificate',
            clientSecret: e.GRAPH_CLIENT_SECRET,
            certificatePath: e.GRAPH_CERTIFICATE_PATH,
            baseUrl: e.GRAPH_BASE_URL,
            syncIntervalMinutes: e.GRAPH_SYNC_INTERVAL_MINUTES,
            taskforceGroupId: e.TASKFORCE_GROUP_ID,
            executivesGroupId: e.EXECUTIVES_GROUP_ID,
            calendarOrganiser: e.GRAPH_CALENDAR_ORGANISER,
            teamsAppCatalogId: e.TEAMS_APP_CATALOG_ID,
          }
        : undefined,
  };
}

/** The configuration as it may be logged: secrets redacted, with where the storage comes from. */
export function describeConfig(config: AppConfig): Record<string, unknown> {
  return {
    mode: config.mode,
    host: config.host,
    port: config.port,
    publicUrl: config.publicUrl,
    bot: { id: config.bot.id ?? '(none: local mode)', password: config.bot.password ? '***' : undefined, type: config.bot.type, tenantId: config.bot.tenantId },
    storage: config.storage.connectionString
      ? 'STORAGE_CONNECTION_STRING (***)'
      : config.storage.accountUrl
        ? { accountUrl: config.storage.accountUrl, credential: config.managedIdentityClientId ? `managed identity ${config.managedIdentityClientId}` : 'default Azure credential' }
        : `embedded Azurite in ${config.storage.dataDir}`,
    surveyPseudonymSecret: config.surveyPseudonymSecret ? '***' : '(none)',
    sso: config.mode === 'local' ? 'local dev issuer' : { clientId: config.sso.clientId, tenantId: config.sso.tenantId, authorityHost: config.sso.authorityHost },
    configuredRoleIds: { taskforce: config.roles.taskforce.length, executives: config.roles.executives.length },
    graph: config.graph
      ? { tenantId: config.graph.tenantId, clientId: config.graph.clientId, credential: config.graph.credential, syncIntervalMinutes: config.graph.syncIntervalMinutes }
      : '(none: sample org)',
  };
}

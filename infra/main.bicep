// Mentoring Up on Azure, for production: a Linux App Service on Node 22 LTS running the service, Table storage reached
// with a user-assigned managed identity (no account key anywhere), Key Vault for the secrets that remain, Application
// Insights fed by the service's logs, and an Azure Bot with the Teams channel. The Entra app registrations (bot, tab
// sign-in) come first: the Agents Toolkit makes them (m365agents.yml), or see infra/README.md to make them by hand.

targetScope = 'resourceGroup'

@description('Azure region for every resource but the bot, which is global.')
param location string = resourceGroup().location

@description('Name of the web app; also the host name <appName>.azurewebsites.net.')
@minLength(2)
@maxLength(60)
param appName string = 'mentoring-up-${uniqueString(resourceGroup().id)}'

@description('Public https base URL of the service. Empty: https://<appName>.azurewebsites.net. Set it when a custom domain fronts the app.')
param publicUrl string = ''

@description('App Service plan size. B1 is the smallest with Always On, which the background work needs; S1 or above adds deployment slots.')
param appServiceSku string = 'B1'

@description('Instances behind App Service\'s load balancer. Send batches coordinate through Table storage, so more than one is safe.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Log level of the service.')
@allowed(['debug', 'info', 'warn', 'error'])
param logLevel string = 'info'

@description('Days the logs stay in the Log Analytics workspace behind Application Insights.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@description('Application Insights\' Node.js agent, which App Service attaches to the process to collect requests and dependencies. Off: the service\'s own JSON log lines still reach the workspace.')
param appInsightsAgent bool = false

@description('Name of the Key Vault (globally unique, 3-24 characters). A deleted vault stays soft-deleted for 90 days under its name.')
@minLength(3)
@maxLength(24)
param keyVaultName string = 'kv-mentup-${take(uniqueString(resourceGroup().id), 10)}'

// --- Bot -------------------------------------------------------------------------------------------

@description('Application (client) id of the bot\'s Entra app registration.')
@minLength(36)
@maxLength(36)
param botAppId string

@description('Client secret of the bot\'s Entra app registration. Stored in Key Vault; the app settings hold only a reference.')
@secure()
param botAppPassword string

@description('SingleTenant for new bots (Azure no longer creates multi-tenant bots); MultiTenant for older registrations.')
@allowed(['SingleTenant', 'MultiTenant'])
param botType string = 'SingleTenant'

@description('Tenant of the bot\'s app registration (used when botType is SingleTenant).')
param botTenantId string = tenant().tenantId

@description('Azure Bot pricing tier. The Teams channel is a standard channel: F0 is enough.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

// --- Tab sign-in (Teams SSO) -------------------------------------------------------------------------

@description('Application (client) id of the Entra app the tab signs in with.')
@minLength(36)
@maxLength(36)
param aadAppClientId string

@description('Tenant whose people may use the tab API.')
param aadAppTenantId string = tenant().tenantId

@description('Application ID URI of the tab\'s Entra app. Empty: api://<public host>/<aadAppClientId>, the form Teams SSO expects.')
param aadAppIdUri string = ''

@description('Sign-in authority host; change only for sovereign clouds.')
param aadAppOauthAuthorityHost string = environment().authentication.loginEndpoint

// --- Program roles -----------------------------------------------------------------------------------

@description('Comma-separated Entra object ids of the taskforce members (when no taskforce group is set).')
param taskforceIds string = ''

@description('Comma-separated Entra object ids of the executives who may apply as mentees (when no executives group is set).')
param executiveIds string = ''

@description('Optional Entra group whose members are the taskforce.')
param taskforceGroupId string = ''

@description('Optional Entra group whose members are the executives.')
param executivesGroupId string = ''

@description('Days a manager has to answer a nomination before the taskforce is told.')
param approvalAnswerDays int = 7

@description('Matching score: points for each topic a mentor and an executive both chose.')
param matchPointsPerSharedTopic int = 10

@description('Matching score: bonus when the mentor and the executive work in different departments.')
param matchCrossDepartmentBonus int = 3

@description('Survey results are shown only for groups of at least this many people (3 or more).')
@minValue(3)
param surveyMinimumGroupSize int = 5

@description('The program calendar: IANA time zone, working days (1 = Monday), working hours and the time nudges go out.')
param programTimeZone string = 'America/Chicago'
param programWorkingDays string = '1,2,3,4,5'
param programWorkingHours string = '09:00-17:00'
param programNudgeTime string = '08:30'

@description('The mailbox that organises the program\'s Teams meetings (Calendars.ReadWrite limited to it); empty: no calendar events.')
param graphCalendarOrganiser string = ''

@description('The app\'s id in the organisation\'s Teams app catalog: people who never opened the app get it installed (TeamsAppInstallation.ReadWriteSelfForUser.All) so cards reach them; empty: cards wait until they open it.')
param teamsAppCatalogId string = ''

@description('Secret keying the pseudonyms survey answers are stored under. Set it once and keep it: a new one breaks the link between a person\'s answers before and after the program.')
@secure()
param surveyPseudonymSecret string

// --- Microsoft Graph (org hierarchy); none of it set: the sample org --------------------------------

@description('Read Graph as the managed identity (its service principal is granted the Graph app roles, see infra/README.md); no secret at all.')
param graphUsesManagedIdentity bool = false

@description('Tenant whose directory is read. Empty with graphUsesManagedIdentity: this tenant.')
param graphTenantId string = ''

@description('Client id of an app registration that reads Graph, when not the managed identity.')
param graphClientId string = ''

@description('Client secret of that app registration. Stored in Key Vault.')
@secure()
param graphClientSecret string = ''

@description('Path of a certificate file on the web app, instead of a client secret.')
param graphCertificatePath string = ''

@description('Microsoft Graph base URL; change only for sovereign clouds.')
param graphBaseUrl string = 'https://graph.microsoft.com/v1.0'

@description('Minutes between two directory syncs from Microsoft Graph.')
@minValue(1)
param graphSyncIntervalMinutes int = 60

// --- Derived values ----------------------------------------------------------------------------------

var resourceSuffix = uniqueString(resourceGroup().id)
var storageAccountName = 'mentup${resourceSuffix}'
var defaultHost = '${appName}.azurewebsites.net'
var serviceUrl = empty(publicUrl) ? 'https://${defaultHost}' : publicUrl
var serviceHost = empty(publicUrl) ? defaultHost : split(split(publicUrl, '://')[1], '/')[0]
var applicationIdUri = empty(aadAppIdUri) ? 'api://${serviceHost}/${aadAppClientId}' : aadAppIdUri
var graphEnabled = graphUsesManagedIdentity || !empty(graphClientId)
var hasGraphSecret = !graphUsesManagedIdentity && !empty(graphClientSecret)

// Built-in role definitions (the same ids in every tenant).
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

// App settings that point at a Key Vault secret: App Service resolves them with the managed identity.
var botPasswordReference = '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${botPasswordSecret.name})'
var surveySecretReference = '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${surveySecret.name})'
var graphSecretReference = '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=graph-client-secret)'

// --- The service's identity ---------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${appName}-id'
  location: location
}

// --- Storage: the Table service, by Entra token only ---------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // No account key works: the service signs in with its managed identity (Storage Table Data Contributor).
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// Tables have no soft delete in Azure Storage; blobs and containers have, and it is on should any ever be kept here.
resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 14
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 14
    }
  }
}

resource tableDataAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// --- Key Vault: the secrets that remain ----------------------------------------------------------------

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-password'
  properties: {
    value: botAppPassword
  }
}

resource surveySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'survey-pseudonym-secret'
  properties: {
    value: surveyPseudonymSecret
  }
}

resource graphSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (hasGraphSecret) {
  parent: vault
  name: 'graph-client-secret'
  properties: {
    value: graphClientSecret
  }
}

resource secretsAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// --- Logs: Application Insights on a Log Analytics workspace ---------------------------------------------

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${appName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${appName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

// --- App Service: the Node service (bot endpoint, tab, tab API, background work) -----------------------

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${appName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the same identity the service uses.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      // The package is built before it is deployed (see infra/README.md), so the process starts at once.
      appCommandLine: 'node dist/bot/main.js'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      http20Enabled: true
      healthCheckPath: '/healthz'
      appSettings: [
        // Platform: run the deployed zip as is, allow a 20 s graceful stop, Application Insights.
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'WEBSITES_CONTAINER_STOP_TIME_LIMIT', value: '30' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: appInsightsAgent ? '~3' : 'disabled' }
        // The service (bot/config.ts).
        { name: 'PUBLIC_URL', value: serviceUrl }
        { name: 'LOG_LEVEL', value: logLevel }
        { name: 'BOT_ID', value: botAppId }
        { name: 'BOT_PASSWORD', value: botPasswordReference }
        { name: 'BOT_TENANT_ID', value: botTenantId }
        { name: 'BOT_TYPE', value: botType }
        { name: 'STORAGE_ACCOUNT_URL', value: storage.properties.primaryEndpoints.table }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'AAD_APP_CLIENT_ID', value: aadAppClientId }
        { name: 'AAD_APP_TENANT_ID', value: aadAppTenantId }
        { name: 'AAD_APP_ID_URI', value: applicationIdUri }
        { name: 'AAD_APP_OAUTH_AUTHORITY_HOST', value: aadAppOauthAuthorityHost }
        { name: 'TASKFORCE_IDS', value: taskforceIds }
        { name: 'EXECUTIVE_IDS', value: executiveIds }
        { name: 'TASKFORCE_GROUP_ID', value: graphEnabled ? taskforceGroupId : '' }
        { name: 'EXECUTIVES_GROUP_ID', value: graphEnabled ? executivesGroupId : '' }
        { name: 'APPROVAL_ANSWER_DAYS', value: string(approvalAnswerDays) }
        { name: 'MATCH_POINTS_PER_SHARED_TOPIC', value: string(matchPointsPerSharedTopic) }
        { name: 'MATCH_CROSS_DEPARTMENT_BONUS', value: string(matchCrossDepartmentBonus) }
        { name: 'SURVEY_MINIMUM_GROUP_SIZE', value: string(surveyMinimumGroupSize) }
        { name: 'PROGRAM_TIME_ZONE', value: programTimeZone }
        { name: 'PROGRAM_WORKING_DAYS', value: programWorkingDays }
        { name: 'PROGRAM_WORKING_HOURS', value: programWorkingHours }
        { name: 'PROGRAM_NUDGE_TIME', value: programNudgeTime }
        { name: 'GRAPH_CALENDAR_ORGANISER', value: graphEnabled ? graphCalendarOrganiser : '' }
        { name: 'TEAMS_APP_CATALOG_ID', value: graphEnabled ? teamsAppCatalogId : '' }
        { name: 'SURVEY_PSEUDONYM_SECRET', value: surveySecretReference }
        { name: 'GRAPH_TENANT_ID', value: graphEnabled ? (empty(graphTenantId) ? tenant().tenantId : graphTenantId) : '' }
        { name: 'GRAPH_CLIENT_ID', value: graphUsesManagedIdentity ? identity.properties.clientId : graphClientId }
        { name: 'GRAPH_CLIENT_SECRET', value: hasGraphSecret ? graphSecretReference : '' }
        { name: 'GRAPH_CERTIFICATE_PATH', value: graphUsesManagedIdentity ? '' : graphCertificatePath }
        { name: 'GRAPH_BASE_URL', value: graphBaseUrl }
        { name: 'GRAPH_SYNC_INTERVAL_MINUTES', value: string(graphSyncIntervalMinutes) }
      ]
    }
  }
  dependsOn: [
    tableDataAccess
    secretsAccess
    graphSecret
  ]
}

// FTP and the deployment endpoint's basic credentials stay off; deploys sign in with Entra ID.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

// The service writes one JSON object per line to stdout and stderr; these reach the workspace as AppServiceConsoleLogs.
resource webAppLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: workspace.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
  }
}

// --- Azure Bot with the Teams channel ---------------------------------------------------------------

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: appName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'Mentoring Up'
    endpoint: '${serviceUrl}/api/messages'
    msaAppId: botAppId
    msaAppType: botType
    msaAppTenantId: botType == 'SingleTenant' ? botTenantId : ''
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// Upper-case outputs: the Agents Toolkit writes each into env/.env.<environment> under its own name.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output WEB_APP_NAME string = webApp.name
output PUBLIC_URL string = serviceUrl
output PUBLIC_HOST string = serviceHost
output BOT_ENDPOINT string = bot.properties.endpoint
output AAD_APP_ID_URI string = applicationIdUri
output STORAGE_ACCOUNT_NAME string = storage.name
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output KEY_VAULT_NAME string = vault.name
output APPLICATION_INSIGHTS_NAME string = insights.name

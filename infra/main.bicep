// Mentoring Up on Azure: Table storage, a Linux App Service running the Node service, and an Azure Bot
// with the Teams channel pointing at it. Entra app registrations (bot and tab SSO) are created beforehand:
// see infra/README.md.

targetScope = 'resourceGroup'

@description('Azure region for the storage account and the web app. The bot resource itself is global.')
param location string = resourceGroup().location

@description('Name of the web app; also the host name <appName>.azurewebsites.net.')
@minLength(2)
@maxLength(60)
param appName string = 'mentoring-up-${uniqueString(resourceGroup().id)}'

@description('Public https base URL of the service. Empty: https://<appName>.azurewebsites.net. Set it when a custom domain fronts the app.')
param publicUrl string = ''

@description('App Service plan size. B1 is the smallest size with Always On, which the scheduler needs.')
param appServiceSku string = 'B1'

@description('Log level of the service.')
@allowed(['debug', 'info', 'warn', 'error'])
param logLevel string = 'info'

// --- Bot -------------------------------------------------------------------------------------------

@description('Application (client) id of the bot\'s Entra app registration.')
@minLength(36)
@maxLength(36)
param botAppId string

@description('Client secret of the bot\'s Entra app registration.')
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

@description('Comma-separated Entra object ids of the taskforce members.')
param taskforceIds string = ''

@description('Comma-separated Entra object ids of the executives who may apply as mentees.')
param executiveIds string = ''

// --- Microsoft Graph (org hierarchy); leave empty to run on the sample org --------------------------

@description('Tenant of the app registration that reads users and managers from Microsoft Graph.')
param graphTenantId string = ''

@description('Client id of that app registration (application permission User.Read.All).')
param graphClientId string = ''

@description('Client secret of that app registration.')
@secure()
param graphClientSecret string = ''

@description('Path of a certificate file on the web app, instead of a client secret.')
param graphCertificatePath string = ''

@description('Microsoft Graph base URL; change only for sovereign clouds.')
param graphBaseUrl string = 'https://graph.microsoft.com/v1.0'

@description('Minutes between two directory syncs from Microsoft Graph.')
@minValue(1)
param graphSyncIntervalMinutes int = 60

@description('Days a manager has to answer a nomination before the taskforce is told.')
param approvalAnswerDays int = 7

@description('Matching score: points for each topic a mentor and an executive both chose.')
param matchPointsPerSharedTopic int = 10

@description('Matching score: bonus when the mentor and the executive work in different departments.')
param matchCrossDepartmentBonus int = 3

@description('Optional Entra group whose members are the taskforce.')
param taskforceGroupId string = ''

@description('Optional Entra group whose members are the executives.')
param executivesGroupId string = ''

// --- Derived values ----------------------------------------------------------------------------------

var resourceSuffix = uniqueString(resourceGroup().id)
var storageAccountName = 'mentup${resourceSuffix}'
var defaultHost = '${appName}.azurewebsites.net'
var serviceUrl = empty(publicUrl) ? 'https://${defaultHost}' : publicUrl
var serviceHost = empty(publicUrl) ? defaultHost : split(split(publicUrl, '://')[1], '/')[0]
var applicationIdUri = empty(aadAppIdUri) ? 'api://${serviceHost}/${aadAppClientId}' : aadAppIdUri
var storageConnectionString = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

// --- Storage: Azure Table service --------------------------------------------------------------------

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
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// --- App Service: the Node service (bot endpoint, tab, tab API, scheduler) --------------------------

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${appName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'app,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npm start'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: [
        // App Service installs the dependencies when the code is deployed as a zip.
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
        { name: 'PUBLIC_URL', value: serviceUrl }
        { name: 'LOG_LEVEL', value: logLevel }
        { name: 'BOT_ID', value: botAppId }
        { name: 'BOT_PASSWORD', value: botAppPassword }
        { name: 'BOT_TENANT_ID', value: botTenantId }
        { name: 'BOT_TYPE', value: botType }
        { name: 'STORAGE_CONNECTION_STRING', value: storageConnectionString }
        { name: 'AAD_APP_CLIENT_ID', value: aadAppClientId }
        { name: 'AAD_APP_TENANT_ID', value: aadAppTenantId }
        { name: 'AAD_APP_ID_URI', value: applicationIdUri }
        { name: 'AAD_APP_OAUTH_AUTHORITY_HOST', value: aadAppOauthAuthorityHost }
        { name: 'TASKFORCE_IDS', value: taskforceIds }
        { name: 'EXECUTIVE_IDS', value: executiveIds }
        { name: 'GRAPH_TENANT_ID', value: graphTenantId }
        { name: 'GRAPH_CLIENT_ID', value: graphClientId }
        { name: 'GRAPH_CLIENT_SECRET', value: graphClientSecret }
        { name: 'GRAPH_CERTIFICATE_PATH', value: graphCertificatePath }
        { name: 'GRAPH_BASE_URL', value: graphBaseUrl }
        { name: 'GRAPH_SYNC_INTERVAL_MINUTES', value: string(graphSyncIntervalMinutes) }
        { name: 'TASKFORCE_GROUP_ID', value: taskforceGroupId }
        { name: 'EXECUTIVES_GROUP_ID', value: executivesGroupId }
        { name: 'APPROVAL_ANSWER_DAYS', value: string(approvalAnswerDays) }
        { name: 'MATCH_POINTS_PER_SHARED_TOPIC', value: string(matchPointsPerSharedTopic) }
        { name: 'MATCH_CROSS_DEPARTMENT_BONUS', value: string(matchCrossDepartmentBonus) }
      ]
    }
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

output webAppName string = webApp.name
output publicUrl string = serviceUrl
output botEndpoint string = bot.properties.endpoint
output applicationIdUri string = applicationIdUri
output storageAccountName string = storage.name
output tableEndpoint string = storage.properties.primaryEndpoints.table

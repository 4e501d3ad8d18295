// Customer Functions on Azure: a Function App on the Flex Consumption plan in its own virtual network, its storage
// (identity only, no shared keys, firewalled to that network), Key Vault for the service keys, Communication Services
// for email, and monitoring with a poison-queue alert. Deploy with `azd up` (azure.yaml at the repository root).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region of the resources (Flex Consumption must be offered there).')
param location string

@description('OpenID Connect issuer whose bearer tokens the API accepts, e.g. https://login.microsoftonline.com/{tenant}/v2.0.')
param authAuthority string

@description('Audience (the API app registration\'s client id or Application ID URI) the tokens must carry.')
param authAudience string

@description('The panel front end\'s address (a custom domain of its Static Web App); emailed links point there. Empty: the Static Web App\'s own address.')
param panelBaseUrl string = ''

@description('Region of the panel\'s Static Web App (offered in fewer regions than the rest).')
@allowed(['westeurope', 'eastus2', 'centralus', 'westus2', 'eastasia'])
param panelLocation string = 'westeurope'

@description('Where Communication Services keeps its data at rest.')
param dataLocation string = 'Europe'

@description('Six-field CRON schedule of the deletion sweep.')
param deletionSweepSchedule string = '0 */5 * * * *'

@description('Six-field CRON schedule of the purge of expired registrations and spent email send slots.')
param registrationPurgeSchedule string = '0 30 * * * *'

@description('Six-field CRON schedule of the outbox backstop (re-drives side effects whose recovery message was lost).')
param outboxBackstopSchedule string = '0 */5 * * * *'

@description('Upper bound of Function App instances; also bounds email send concurrency.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Object id of the person running azd (AZURE_PRINCIPAL_ID); used only with grantDeployerDataAccess.')
param principalId string = ''

@description('Give principalId the app\'s storage data roles, to run the app locally against this deployment. Keep it off in production: nobody but the app reads or writes its data.')
param grantDeployerDataAccess bool = false

@description('Storage firewall: only the app\'s subnet and trusted Azure services reach the data account. Off only for a development deployment that is debugged from a workstation.')
param restrictStorageNetwork bool = true

@secure()
@description('Creates or replaces the continuation-keys secret (base64 keys, newest first, comma-separated); empty leaves it as it is.')
param continuationKeys string = ''

@secure()
@description('Creates or replaces the impersonation-keys secret (base64 keys, newest first, comma-separated); empty leaves it as it is.')
param impersonationKeys string = ''

@description('Where alerts (messages moved to a poison queue) are emailed; empty: they only show in Azure Monitor.')
param alertEmail string = ''

var tags = { 'azd-env-name': environmentName }
var panelUrl = empty(panelBaseUrl) ? panel.outputs.uri : panelBaseUrl
// The panel calls the API from the browser: its origin (scheme, host and port, no path) is allowed by CORS.
var panelUri = split(panelUrl, '/')
var panelOrigin = '${panelUri[0]}//${panelUri[2]}'
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module network 'modules/network.bicep' = if (restrictStorageNetwork) {
  name: 'network'
  scope: rg
  params: {
    name: 'vnet-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    allowedSubnetId: restrictStorageNetwork ? network!.outputs.appSubnetId : ''
  }
}

module packageStorage 'modules/package-storage.bicep' = {
  name: 'package-storage'
  scope: rg
  params: {
    name: 'stpkg${resourceToken}'
    location: location
    tags: tags
    containerName: 'app-package-${take(resourceToken, 7)}'
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    continuationKeys: continuationKeys
    impersonationKeys: impersonationKeys
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    location: location
    tags: tags
    alertEmail: alertEmail
  }
}

module communication 'modules/communication.bicep' = {
  name: 'communication'
  scope: rg
  params: {
    communicationName: 'acs-${resourceToken}'
    emailServiceName: 'ecs-${resourceToken}'
    dataLocation: dataLocation
    tags: tags
  }
}

module roles 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    packageStorageAccountName: packageStorage.outputs.name
    communicationName: communication.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: grantDeployerDataAccess ? principalId : ''
  }
}

module panel 'modules/panel.bicep' = {
  name: 'panel'
  scope: rg
  params: {
    name: 'stapp-${resourceToken}'
    location: panelLocation
    tags: tags
  }
}

module api 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    planName: 'plan-${resourceToken}'
    appName: 'func-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: packageStorage.outputs.containerUrl
    subnetId: restrictStorageNetwork ? network!.outputs.appSubnetId : ''
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    maximumInstanceCount: maximumInstanceCount
    allowedOrigins: [panelOrigin]
    appSettings: {
      Auth__Authority: authAuthority
      Auth__Audience: authAudience
      // Key Vault references: the values never appear in the app settings or in storage.
      ServiceKeys__ContinuationKeys: keyVault.outputs.continuationKeysReference
      ServiceKeys__ImpersonationKeys: keyVault.outputs.impersonationKeysReference
      Email__Provider: 'acs'
      Email__Acs__Endpoint: communication.outputs.endpoint
      Email__Acs__UseManagedIdentity: 'true'
      Email__Acs__ManagedIdentityClientId: identity.outputs.clientId
      Email__Acs__SenderAddress: communication.outputs.senderAddress
      Panel__BaseUrl: panelUrl
      Timers__DeletionSweep: deletionSweepSchedule
      Timers__RegistrationPurge: registrationPurgeSchedule
      Timers__OutboxBackstop: outboxBackstopSchedule
    }
  }
  // The app starts with identity-based settings: its roles must exist first.
  dependsOn: [roles]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output API_BASE_URL string = '${api.outputs.uri}/api'
output PANEL_URL string = panelUrl
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_COMMUNICATION_ENDPOINT string = communication.outputs.endpoint
output EMAIL_SENDER_ADDRESS string = communication.outputs.senderAddress
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId

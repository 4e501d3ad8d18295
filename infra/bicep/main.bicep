// Customer Functions on Azure: a Function App on the Flex Consumption plan, its storage (identity only, no shared keys),
// Communication Services for email, and monitoring. Deploy with `azd up` (azure.yaml at the repository root).
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

@description('The panel front end\'s address; emailed links point there.')
param panelBaseUrl string

@description('Where Communication Services keeps its data at rest.')
param dataLocation string = 'Europe'

@description('Six-field CRON schedule of the deletion sweep.')
param deletionSweepSchedule string = '0 */5 * * * *'

@description('Six-field CRON schedule of the purge of expired registrations and spent email send slots.')
param registrationPurgeSchedule string = '0 30 * * * *'

@description('Upper bound of Function App instances; also bounds email send concurrency.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Object id of the person running azd (AZURE_PRINCIPAL_ID): gets data access to the storage account for local debugging. Empty for none.')
param principalId string = ''

var tags = { 'azd-env-name': environmentName }
// The panel calls the API from the browser: its origin (scheme, host and port, no path) is allowed by CORS.
var panelUri = split(panelBaseUrl, '/')
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

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${take(resourceToken, 7)}'
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
    communicationName: communication.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
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
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    maximumInstanceCount: maximumInstanceCount
    allowedOrigins: [panelOrigin]
    appSettings: {
      Auth__Authority: authAuthority
      Auth__Audience: authAudience
      Email__Provider: 'acs'
      Email__Acs__Endpoint: communication.outputs.endpoint
      Email__Acs__UseManagedIdentity: 'true'
      Email__Acs__ManagedIdentityClientId: identity.outputs.clientId
      Email__Acs__SenderAddress: communication.outputs.senderAddress
      Panel__BaseUrl: panelBaseUrl
      Timers__DeletionSweep: deletionSweepSchedule
      Timers__RegistrationPurge: registrationPurgeSchedule
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
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_COMMUNICATION_ENDPOINT string = communication.outputs.endpoint
output EMAIL_SENDER_ADDRESS string = communication.outputs.senderAddress
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId

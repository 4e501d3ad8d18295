// One role assignment per data role the app needs, each on the one resource it is about.
param storageAccountName string
param communicationName string
param applicationInsightsName string
param identityPrincipalId string

@description('The deploying person\'s object id, for running the app locally against this storage account; empty for none.')
param userPrincipalId string = ''

var roles = {
  // Functions host state (leases, keys) and the Flex Consumption deployment package.
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // The emails and outbox queues: the triggers and the app's own sends.
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Every table of the app.
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // Telemetry ingestion with Entra ID (Application Insights has local auth off).
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  // Sending email with an Entra ID token; there is no narrower built-in role for it.
  communicationAndEmailServiceOwner: '09976791-48a7-449e-bb21-39d1a415f350'
}

var storageRoles = [roles.storageBlobDataOwner, roles.storageQueueDataContributor, roles.storageTableDataContributor]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource communication 'Microsoft.Communication/communicationServices@2023-04-01' existing = {
  name: communicationName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource appStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in storageRoles: {
  name: guid(storage.id, identityPrincipalId, role)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}]

resource userStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in storageRoles: if (!empty(userPrincipalId)) {
  name: guid(storage.id, userPrincipalId, role)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: userPrincipalId
    principalType: 'User'
  }
}]

resource appSendsEmail 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communication.id, identityPrincipalId, roles.communicationAndEmailServiceOwner)
  scope: communication
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.communicationAndEmailServiceOwner)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appPublishesTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identityPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

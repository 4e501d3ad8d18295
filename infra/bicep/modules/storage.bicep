// The storage account: the app's tables and queues and the Functions host's own state (the deployment package
// lives in package-storage.bicep). Shared keys are off: every client authenticates with Entra ID (the app's identity).
param name string
param location string
param tags object

@description('The Function App\'s subnet: with it, the firewall lets in only that subnet and trusted Azure services; empty leaves the account open to every network (identity is still required).')
param allowedSubnetId string = ''

var tableNames = ['Accounts', 'AccountIndex', 'Settings', 'SentEmails', 'UsageRecords', 'Registrations', 'RateCounters', 'EmailKeys']
var queueNames = ['emails', 'emails-poison', 'outbox', 'outbox-poison', 'partner-messages', 'partner-messages-poison']

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Enabled, because service endpoint traffic arrives at the public endpoint; the firewall below filters it.
    publicNetworkAccess: 'Enabled'
    networkAcls: empty(allowedSubnetId)
      ? {
          bypass: 'AzureServices'
          defaultAction: 'Allow'
        }
      : {
          bypass: 'AzureServices'
          defaultAction: 'Deny'
          virtualNetworkRules: [{ id: allowedSubnetId, action: 'Allow' }]
        }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in tableNames: {
  parent: tableService
  name: table
}]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [for queue in queueNames: {
  parent: queueService
  name: queue
}]

output name string = storage.name

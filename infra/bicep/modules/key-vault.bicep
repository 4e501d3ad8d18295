// The Key Vault of the service keys (continuation and impersonation token keys). Access is by Azure RBAC only: the
// app's identity reads the secrets through Key Vault references in its app settings ("Key Vault Secrets User").
param name string
param location string
param tags object

@secure()
@description('Base64 keys (32+ random bytes each), newest first, comma-separated; empty leaves the secret as it is.')
param continuationKeys string = ''

@secure()
@description('Base64 keys (32+ random bytes each), newest first, comma-separated; empty leaves the secret as it is.')
param impersonationKeys string = ''

var continuationSecretName = 'continuation-keys'
var impersonationSecretName = 'impersonation-keys'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    // The keys can always be replaced (it only ends outstanding tokens), so purge protection would mostly stop an
    // environment from being deleted and created again under its name.
    softDeleteRetentionInDays: 7
    // Key Vault references are resolved by the App Service platform, outside the app's virtual network.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

// Through Azure Resource Manager, so the deployer needs no data-plane role on the vault to set the first keys.
resource continuation 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(continuationKeys)) {
  parent: vault
  name: continuationSecretName
  properties: {
    value: continuationKeys
    contentType: 'base64 keys, newest first, comma-separated'
  }
}

resource impersonation 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(impersonationKeys)) {
  parent: vault
  name: impersonationSecretName
  properties: {
    value: impersonationKeys
    contentType: 'base64 keys, newest first, comma-separated'
  }
}

output name string = vault.name
// Versionless references: the app reads the latest version of each secret when it (re)starts.
output continuationKeysReference string = '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${continuationSecretName}/)'
output impersonationKeysReference string = '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${impersonationSecretName}/)'

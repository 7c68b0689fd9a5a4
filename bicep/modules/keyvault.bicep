// Key Vault for the app's secrets. Secret values are never part of a template or parameter file:
// operators set them with `az keyvault secret set` (see bicep/README.md).

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Key Vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param keyVaultName string

@description('false: reachable only through its private endpoint.')
param publicNetworkAccess bool

resource vault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access is granted with Azure RBAC role assignments (see roles.bicep), never access policies.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Irreversible once on: a deleted vault or secret cannot be purged before the retention ends.
    enablePurgeProtection: true
    publicNetworkAccess: publicNetworkAccess ? 'Enabled' : 'Disabled'
  }
}

output vaultUri string = vault.properties.vaultUri
output id string = vault.id

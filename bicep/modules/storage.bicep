// Storage for the Functions host (AzureWebJobsStorage: timer singleton lease, host keys) and the
// Elastic Premium content share.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Storage account name (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param storageAccountName string

@description('Azure Files share that holds the function app content (WEBSITE_CONTENTSHARE).')
param contentShareName string

@description('false: reachable only through its private endpoints (blob, queue, table, file).')
param publicNetworkAccess bool

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    publicNetworkAccess: publicNetworkAccess ? 'Enabled' : 'Disabled'
    networkAcls: {
      defaultAction: publicNetworkAccess ? 'Allow' : 'Deny'
      bypass: 'None'
    }
    // Shared keys stay enabled only because the Elastic Premium content share (Azure Files over SMB)
    // cannot use a managed identity (WEBSITE_CONTENTAZUREFILECONNECTIONSTRING takes a key-based connection
    // string); the host itself connects with its identity (AzureWebJobsStorage__accountName).
    allowSharedKeyAccess: true
    defaultToOAuthAuthentication: true
  }

  resource files 'fileServices' = {
    name: 'default'

    resource contentShare 'shares' = {
      name: contentShareName
    }
  }
}

output id string = storage.id

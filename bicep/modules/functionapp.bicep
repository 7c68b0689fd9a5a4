// Windows Elastic Premium function app (Node 20) with its app settings and the hybrid connection link.
// Windows + Elastic Premium is required: Hybrid Connections do not work on Linux, Consumption or Flex Consumption.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Elastic Premium plan name.')
param planName string

@description('Elastic Premium SKU.')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param planSku string

@description('Maximum number of instances the plan may burst to.')
@minValue(1)
@maxValue(100)
param maximumElasticWorkerCount int

@description('Function app name.')
param functionAppName string

@description('Storage account used by the Functions host.')
param storageAccountName string

@description('Azure Files share holding the app content.')
param contentShareName string

@description('Application Insights component name.')
param appInsightsName string

@description('Key Vault holding the app secrets.')
param keyVaultName string

@description('Key Vault URI (KEY_VAULT_URL).')
param keyVaultUri string

@description('SQL server FQDN of the mirror database.')
param sqlServerFqdn string

@description('Mirror database name.')
param sqlDatabaseName string

@description('Relay namespace holding the hybrid connection.')
param relayNamespaceName string

@description('Hybrid connection to the ERP SQL Server.')
param hybridConnectionName string

@description('Send authorization rule of the hybrid connection.')
param relaySendRuleName string

@description('ERP SQL Server host (as in the hybrid connection endpoint).')
param erpHost string

@description('ERP SQL Server static TCP port.')
param erpPort int

@description('Integration subnet for regional VNet integration; empty = no VNet integration (sandbox).')
param integrationSubnetId string

@description('Path the platform health check probes on every instance (liveness: touches no database).')
param healthCheckPath string

@description('Application configuration: the non-secret values of the code-read settings.')
param appConfig {
  erpTlsCaFile: string
  syncSchedule: string
  linkSyncSchedule: string
  catalogSyncSchedule: string
  syncOrderDays: int
  syncBatchSize: int
  syncTimeBudgetSeconds: int
  syncChangeTracking: string
  quoteOrderTypes: string
  bcClientId: string
  bcStoreHash: string
  bcErpAttributeName: string
  bcSkuMatch: string
  corsAllowedOrigins: string
  rateLimitPerMinute: int
  rateLimitBurst: int
  frontDoorId: string
  keyVaultCacheSeconds: int
  documentSellerName: string
  documentSellerAddress: string
  documentRemitTo: string
  documentTerms: string
}

@description('Key Vault secret name for a setting: the setting name lowercased, "_" replaced by "-".')
func secretNameOf(settingName string) string => toLower(replace(settingName, '_', '-'))

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource relayNamespace 'Microsoft.Relay/namespaces@2026-01-01' existing = {
  name: relayNamespaceName

  resource hybridConnection 'hybridConnections' existing = {
    name: hybridConnectionName

    resource send 'authorizationRules' existing = {
      name: relaySendRuleName
    }
  }
}

var private = !empty(integrationSubnetId)

// ---------------------------------------------------------------------------------------------------------
// App settings. codeSettings + runTimeSecretNames are THE list of settings the application code reads
// (PORT, HOST, AZURE_CLIENT_ID and WEBSITE_SITE_NAME are local/platform-only and deliberately absent).
// Secret values live only in Key Vault, delivered two ways:
// - referencedSecretNames: Key Vault references the platform resolves at start-up and caches (about 24 h).
//   Only the ERP connection: the app opens its ERP pool once per process, so a new value needs a restart
//   anyway.
// - runTimeSecretNames: deliberately NOT app settings. The app reads them from KEY_VAULT_URL at run time and
//   caches them for KEY_VAULT_CACHE_SECONDS, so a rotated key takes effect without a restart.
// ---------------------------------------------------------------------------------------------------------
var referencedSecretNames = [
  'ERP_CONNECTION'
]
var runTimeSecretNames = [
  'PORTAL_API_KEYS'
  'PORTAL_ADMIN_KEYS'
  'BC_CLIENT_SECRET'
  'BC_API_TOKEN'
]

var codeSettings = union(
  {
    // Passwordless: the app's managed identity is a contained user of the mirror database (post-deploy.sql).
    MIRROR_CONNECTION: 'Server=tcp:${sqlServerFqdn},1433;Database=${sqlDatabaseName};Authentication=Active Directory Managed Identity;Encrypt=true'
    ERP_TLS_CA_FILE: appConfig.erpTlsCaFile
    SYNC_SCHEDULE: appConfig.syncSchedule
    LINK_SYNC_SCHEDULE: appConfig.linkSyncSchedule
    CATALOG_SYNC_SCHEDULE: appConfig.catalogSyncSchedule
    SYNC_ORDER_DAYS: string(appConfig.syncOrderDays)
    SYNC_BATCH_SIZE: string(appConfig.syncBatchSize)
    SYNC_TIME_BUDGET_SECONDS: string(appConfig.syncTimeBudgetSeconds)
    SYNC_CHANGE_TRACKING: appConfig.syncChangeTracking
    QUOTE_ORDER_TYPES: appConfig.quoteOrderTypes
    BC_CLIENT_ID: appConfig.bcClientId
    BC_STORE_HASH: appConfig.bcStoreHash
    BC_ERP_ATTRIBUTE_NAME: appConfig.bcErpAttributeName
    BC_SKU_MATCH: appConfig.bcSkuMatch
    CORS_ALLOWED_ORIGINS: appConfig.corsAllowedOrigins
    RATE_LIMIT_PER_MINUTE: string(appConfig.rateLimitPerMinute)
    RATE_LIMIT_BURST: string(appConfig.rateLimitBurst)
    FRONT_DOOR_ID: appConfig.frontDoorId
    KEY_VAULT_URL: keyVaultUri
    KEY_VAULT_CACHE_SECONDS: string(appConfig.keyVaultCacheSeconds)
    DOCUMENT_SELLER_NAME: appConfig.documentSellerName
    DOCUMENT_SELLER_ADDRESS: appConfig.documentSellerAddress
    DOCUMENT_REMIT_TO: appConfig.documentRemitTo
    DOCUMENT_TERMS: appConfig.documentTerms
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    // Demo data never runs in Azure.
    DEMO_MODE: 'off'
  },
  toObject(
    referencedSecretNames,
    name => name,
    name => '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${secretNameOf(name)})'
  )
)

var platformSettings = {
  // Identity-based host storage; the roles are granted in roles.bicep.
  AzureWebJobsStorage__accountName: storage.name
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'node'
  WEBSITE_NODE_DEFAULT_VERSION: '~24'
  WEBSITE_RUN_FROM_PACKAGE: '1'
  // Elastic Premium keeps the app content on an Azure Files (SMB) share, and SMB cannot use a managed
  // identity: this one setting needs a key-based connection string, read with listKeys at deployment.
  WEBSITE_CONTENTAZUREFILECONNECTIONSTRING: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  WEBSITE_CONTENTSHARE: contentShareName
  // The storage account is private: mount the content share through the VNet integration.
  ...(private ? { WEBSITE_CONTENTOVERVNET: '1' } : {})
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'elastic'
  sku: {
    name: planSku
    tier: 'ElasticPremium'
  }
  properties: {
    // false = Windows. Linux plans cannot use Hybrid Connections for Functions.
    reserved: false
    maximumElasticWorkerCount: maximumElasticWorkerCount
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    // Regional VNet integration; all outbound traffic (app, content share) goes through it, so SQL, storage and
    // Key Vault are reached on their private endpoints.
    virtualNetworkSubnetId: private ? integrationSubnetId : null
    outboundVnetRouting: {
      allTraffic: private
    }
    siteConfig: {
      vnetRouteAllEnabled: private
      healthCheckPath: healthCheckPath
      // Node 24: Node 20 left Azure Functions support on 2026-04-30. A 64-bit worker, as Azure's own
      // Node.js stack definitions configure it.
      nodeVersion: '~24'
      use32BitWorkerProcess: false
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // The app enforces CORS itself from CORS_ALLOWED_ORIGINS. Platform CORS stays empty so the two
      // can never disagree (platform CORS would answer preflights before the app sees them).
      cors: {
        allowedOrigins: []
      }
      // Behind Front Door, only Front Door reaches the app: its backend service tag AND this profile's ID in
      // X-Azure-FDID (other customers' profiles share the tag's addresses). Otherwise a direct caller could
      // skip the WAF and choose the X-Azure-SocketIP the rate limit trusts. As "Secure traffic to Azure Front
      // Door origins" recommends; rule shape from the Microsoft.Web/sites/config reference (IpSecurityRestriction:
      // tag 'ServiceTag', ipAddress the tag name, headers { 'x-azure-fdid': [...] }).
      ...(empty(appConfig.frontDoorId)
        ? {}
        : {
            ipSecurityRestrictionsDefaultAction: 'Deny'
            ipSecurityRestrictions: [
              {
                name: 'front-door-only'
                description: 'Requests through this app\'s Azure Front Door profile only'
                action: 'Allow'
                priority: 100
                tag: 'ServiceTag'
                ipAddress: 'AzureFrontDoor.Backend'
                headers: {
                  'x-azure-fdid': [
                    appConfig.frontDoorId
                  ]
                }
              }
            ]
          })
      appSettings: map(items(union(platformSettings, codeSettings)), setting => {
        name: setting.key
        value: setting.value
      })
    }
  }
}

// No FTP or SCM basic-auth publishing credentials: deployments authenticate with Microsoft Entra ID.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// Links the app to the relay hybrid connection. App Service connects with the Send key; the on-prem
// Hybrid Connection Manager uses the Listen rule.
resource hybridConnectionLink 'Microsoft.Web/sites/hybridConnectionNamespaces/relays@2025-03-01' = {
  name: '${site.name}/${relayNamespace.name}/${relayNamespace::hybridConnection.name}'
  properties: {
    relayArmUri: relayNamespace::hybridConnection.id
    relayName: relayNamespace::hybridConnection.name
    serviceBusNamespace: relayNamespace.name
    // serviceBusEndpoint is https://<namespace><suffix>:443/; the link wants the <suffix> part.
    serviceBusSuffix: substring(
      split(split(relayNamespace.properties.serviceBusEndpoint, '://')[1], ':')[0],
      length(relayNamespace.name)
    )
    hostname: erpHost
    port: erpPort
    sendKeyName: relayNamespace::hybridConnection::send.name
    sendKeyValue: relayNamespace::hybridConnection::send.listKeys().primaryKey
  }
}

output defaultHostName string = site.properties.defaultHostName
@description('Names of the app settings the code reads, as set here (for diffing against the code).')
output codeSettingNames array = objectKeys(codeSettings)
@description('Key Vault secret names the app uses (references and run-time reads); set their values after deployment.')
output keyVaultSecretNames array = map(concat(referencedSecretNames, runTimeSecretNames), name => secretNameOf(name))
@description('Secret settings the app reads from Key Vault at run time (not app settings).')
output runTimeSecretNames array = runTimeSecretNames
@description('Secret settings that are Key Vault references (resolved by the platform, refreshed on restart).')
output referencedSecretNames array = referencedSecretNames
output principalId string = site.identity.principalId

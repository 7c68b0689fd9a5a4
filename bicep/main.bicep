// Production infrastructure for the ERP customer portal (resource-group scope).
// Deployment steps, post-deploy actions and design choices: bicep/README.md.
targetScope = 'resourceGroup'

// ---- General -------------------------------------------------------------------------------------------

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Tags applied to every resource.')
param tags object = {
  workload: 'erp-customer-portal'
}

@description('Suffix that makes the default names unique; derived from the subscription, resource group and region.')
param resourceToken string = toLower(uniqueString(subscription().id, resourceGroup().id, location))

// ---- Names (all overridable) ---------------------------------------------------------------------------

param functionAppName string = 'func-${resourceToken}'
param appServicePlanName string = 'plan-${resourceToken}'
@maxLength(24)
param storageAccountName string = 'st${resourceToken}'
param contentShareName string = toLower(functionAppName)
param logAnalyticsName string = 'log-${resourceToken}'
param appInsightsName string = 'appi-${resourceToken}'
@maxLength(24)
param keyVaultName string = 'kv-${resourceToken}'
param sqlServerName string = 'sql-${resourceToken}'
param sqlDatabaseName string = 'mirror'
param relayNamespaceName string = 'relay-${resourceToken}'
param hybridConnectionName string = 'erp-sql'
param relaySendRuleName string = 'app-send'
param relayListenRuleName string = 'hcm-listen'
param syncAlertName string = 'alert-erp-sync-${resourceToken}'
param alertActionGroupName string = 'ag-erp-sync-${resourceToken}'
param virtualNetworkName string = 'vnet-${resourceToken}'
param workbookDisplayName string = 'ERP sync and portal API'

// ---- Hosting -------------------------------------------------------------------------------------------

@description('Elastic Premium SKU (Windows). Consumption/Flex/Linux are not options: no Hybrid Connections there.')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param functionPlanSku string = 'EP1'

@description('Maximum instances the Elastic Premium plan may burst to.')
param maximumElasticWorkerCount int = 3

// ---- Network -------------------------------------------------------------------------------------------

@description('true (production): VNet integration with all outbound traffic routed through it, private endpoints for SQL, storage and Key Vault, and public network access disabled on all three. false: a cheap sandbox with public endpoints (SQL then admits all Azure services); never for production data.')
param privateNetworking bool = true

@description('Address space of the virtual network (private networking only).')
param vnetAddressPrefix string = '10.20.0.0/16'

@description('Integration subnet of the function app, delegated to Microsoft.Web/serverFarms (/26 leaves room to scale out).')
param integrationSubnetPrefix string = '10.20.0.0/26'

@description('Subnet for the six private endpoints.')
param privateEndpointSubnetPrefix string = '10.20.1.0/27'

// ---- ERP over the Hybrid Connection --------------------------------------------------------------------

@description('ERP SQL Server host name as resolved by the on-prem Hybrid Connection Manager machine.')
param erpHost string

@description('ERP SQL Server static TCP port (named instances via SQL Browser/UDP cannot work).')
@minValue(1)
@maxValue(65535)
param erpPort int = 1433

// ---- Mirror database -----------------------------------------------------------------------------------

@description('Entra administrator of the SQL server: login (display name) of the group or user.')
param sqlEntraAdminLogin string

@description('Entra administrator of the SQL server: object id.')
param sqlEntraAdminObjectId string

@description('Entra administrator of the SQL server: principal type.')
@allowed([
  'Group'
  'User'
  'Application'
])
param sqlEntraAdminPrincipalType string = 'Group'

// S0 (10 DTU, provisioned): the 15-minute sync keeps the database busy around the clock, so serverless would
// never auto-pause and would bill its minimum vCores 24/7 for more than S0 costs; a provisioned tier also
// avoids resume delays on portal API calls. Scale up (S1/S2, or GP_S_Gen5_1 + GeneralPurpose) if the
// sync's time budget gets tight.
@description('Mirror database SKU name.')
param sqlDatabaseSkuName string = 'S0'

@description('Mirror database SKU tier matching sqlDatabaseSkuName.')
param sqlDatabaseSkuTier string = 'Standard'

// ---- Monitoring ----------------------------------------------------------------------------------------

@description('Log Analytics / Application Insights retention in days.')
param logRetentionInDays int = 30

@description('Existing action group the sync alert notifies. Empty: the template creates one that emails alertEmail.')
param alertActionGroupId string = ''

@description('Email address the sync alert notifies when alertActionGroupId is empty.')
param alertEmail string = ''

// ---- Application settings (non-secret values; secrets are Key Vault references) -----------------------

@description('PEM file of the corporate CA that issued the ERP SQL Server certificate, shipped in the app package, as an absolute path (e.g. D:\\home\\site\\wwwroot\\certs\\corp-ca.pem); empty = the public roots.')
param erpTlsCaFile string = ''
param syncSchedule string = '0 */15 * * * *'
@description('NCRONTAB schedule of the BigCommerce customer-link sync (customer-link-sync).')
param linkSyncSchedule string = '0 5,20,35,50 * * * *'
@description('NCRONTAB schedule of the BigCommerce catalog sync (catalog-sync).')
param catalogSyncSchedule string = '0 10 * * * *'
param syncOrderDays int = 365
param syncBatchSize int = 5000
@description('Seconds a sync run may work before yielding; below the 15-minute schedule.')
param syncTimeBudgetSeconds int = 840
param syncChangeTracking string = 'auto'
param quoteOrderTypes string = 'Q'
param bcClientId string = ''
param bcStoreHash string = ''
param bcErpAttributeName string = 'erp_customer_number'
@description('How ERP item numbers match BigCommerce SKUs for reorder data: case-sensitive or case-insensitive (ASCII letters).')
@allowed(['case-sensitive', 'case-insensitive'])
param bcSkuMatch string = 'case-sensitive'
@description('Comma-separated origins the app allows (e.g. the storefront). The app enforces CORS itself.')
param corsAllowedOrigins string = ''
param rateLimitPerMinute int = 120
param rateLimitBurst int = 60
@description('Front Door ID (X-Azure-FDID) when the app sits behind Azure Front Door: the rate limiter then trusts X-Azure-SocketIP on its requests. Empty without Front Door.')
param frontDoorId string = ''
param keyVaultCacheSeconds int = 300
@description('Seller name printed on the invoice and order PDFs.')
param documentSellerName string = ''
@description('Seller address on the PDFs; "|" separates its lines.')
param documentSellerAddress string = ''
@description('Remit-to address on the invoice PDF; "|" separates its lines.')
param documentRemitTo string = ''
@description('Payment terms text printed at the foot of the invoice PDF.')
param documentTerms string = ''

// Event, metric and dimension names shared with the app code: the alert and workbook queries use them.
var telemetry = loadJsonContent('../shared/telemetry/telemetry-names.json')

// The platform health check recycles instances that fail it, so it probes liveness only: /api/v1/health
// answers 503 whenever the mirror is unreachable, which is no reason to replace a healthy instance.
var healthCheckPath = '/api/v1/health/live'

// A sync alert nobody receives is no alert: deployment stops here when neither target is given.
var alertTarget = empty(alertActionGroupId) && empty(alertEmail)
  ? fail('Set alertEmail (the template creates an action group that emails it) or alertActionGroupId (an existing action group): the sync alert must notify someone.')
  : alertActionGroupId

// Private-link sub-resources and their DNS zones (Azure Private Endpoint private DNS zone values).
var privateDnsZoneNames = {
  sqlServer: 'privatelink${environment().suffixes.sqlServerHostname}'
  blob: 'privatelink.blob.${environment().suffixes.storage}'
  queue: 'privatelink.queue.${environment().suffixes.storage}'
  table: 'privatelink.table.${environment().suffixes.storage}'
  file: 'privatelink.file.${environment().suffixes.storage}'
  vault: 'privatelink.vaultcore.azure.net'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    logAnalyticsName: logAnalyticsName
    appInsightsName: appInsightsName
    retentionInDays: logRetentionInDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: tags
    storageAccountName: storageAccountName
    contentShareName: contentShareName
    publicNetworkAccess: !privateNetworking
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  params: {
    location: location
    tags: tags
    keyVaultName: keyVaultName
    publicNetworkAccess: !privateNetworking
  }
}

module sql 'modules/sql.bicep' = {
  name: 'sql'
  params: {
    location: location
    tags: tags
    sqlServerName: sqlServerName
    databaseName: sqlDatabaseName
    databaseSkuName: sqlDatabaseSkuName
    databaseSkuTier: sqlDatabaseSkuTier
    entraAdminLogin: sqlEntraAdminLogin
    entraAdminObjectId: sqlEntraAdminObjectId
    entraAdminPrincipalType: sqlEntraAdminPrincipalType
    publicNetworkAccess: !privateNetworking
  }
}

module network 'modules/network.bicep' = if (privateNetworking) {
  name: 'network'
  params: {
    location: location
    tags: tags
    virtualNetworkName: virtualNetworkName
    addressPrefix: vnetAddressPrefix
    integrationSubnetPrefix: integrationSubnetPrefix
    privateEndpointSubnetPrefix: privateEndpointSubnetPrefix
    privateDnsZoneNames: privateDnsZoneNames
  }
}

// The service behind each private-link sub-resource (keys as in privateDnsZoneNames).
var privateLinkServiceIds = {
  sqlServer: sql.outputs.id
  blob: storage.outputs.id
  queue: storage.outputs.id
  table: storage.outputs.id
  file: storage.outputs.id
  vault: keyVault.outputs.id
}

module privateEndpoints 'modules/private-endpoint.bicep' = [
  for groupId in (privateNetworking ? objectKeys(privateDnsZoneNames) : []): {
    name: 'pe-${groupId}'
    params: {
      location: location
      tags: tags
      name: 'pe-${groupId}-${resourceToken}'
      subnetId: network!.outputs.privateEndpointSubnetId
      serviceId: privateLinkServiceIds[groupId]
      groupId: groupId
      privateDnsZoneId: network!.outputs.zoneIds[groupId]
    }
  }
]

module relay 'modules/relay.bicep' = {
  name: 'relay'
  params: {
    location: location
    tags: tags
    relayNamespaceName: relayNamespaceName
    hybridConnectionName: hybridConnectionName
    erpHost: erpHost
    erpPort: erpPort
    sendRuleName: relaySendRuleName
    listenRuleName: relayListenRuleName
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  // The module reads the storage keys, the App Insights connection string and the relay send key
  // from these resources by name. With private networking the app starts only once the private endpoints
  // and their DNS records exist: its content share is reachable through them alone.
  dependsOn: [
    monitoring
    storage
    relay
    privateEndpoints
  ]
  params: {
    location: location
    tags: tags
    planName: appServicePlanName
    planSku: functionPlanSku
    maximumElasticWorkerCount: maximumElasticWorkerCount
    functionAppName: functionAppName
    storageAccountName: storageAccountName
    contentShareName: contentShareName
    appInsightsName: appInsightsName
    keyVaultName: keyVaultName
    keyVaultUri: keyVault.outputs.vaultUri
    sqlServerFqdn: sql.outputs.fullyQualifiedDomainName
    sqlDatabaseName: sqlDatabaseName
    relayNamespaceName: relayNamespaceName
    hybridConnectionName: hybridConnectionName
    relaySendRuleName: relaySendRuleName
    erpHost: erpHost
    erpPort: erpPort
    integrationSubnetId: privateNetworking ? network!.outputs.integrationSubnetId : ''
    healthCheckPath: healthCheckPath
    appConfig: {
      erpTlsCaFile: erpTlsCaFile
      syncSchedule: syncSchedule
      linkSyncSchedule: linkSyncSchedule
      catalogSyncSchedule: catalogSyncSchedule
      syncOrderDays: syncOrderDays
      syncBatchSize: syncBatchSize
      syncTimeBudgetSeconds: syncTimeBudgetSeconds
      syncChangeTracking: syncChangeTracking
      quoteOrderTypes: quoteOrderTypes
      bcClientId: bcClientId
      bcStoreHash: bcStoreHash
      bcErpAttributeName: bcErpAttributeName
      bcSkuMatch: bcSkuMatch
      corsAllowedOrigins: corsAllowedOrigins
      rateLimitPerMinute: rateLimitPerMinute
      rateLimitBurst: rateLimitBurst
      frontDoorId: frontDoorId
      keyVaultCacheSeconds: keyVaultCacheSeconds
      documentSellerName: documentSellerName
      documentSellerAddress: documentSellerAddress
      documentRemitTo: documentRemitTo
      documentTerms: documentTerms
    }
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  dependsOn: [
    functionApp
    keyVault
  ]
  params: {
    functionAppName: functionAppName
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  dependsOn: [
    monitoring
  ]
  params: {
    location: location
    tags: tags
    alertName: syncAlertName
    alertNamePrefix: 'alert-erp-portal-${resourceToken}'
    appInsightsName: appInsightsName
    telemetry: telemetry
    actionGroupId: alertTarget
    alertEmail: alertEmail
    actionGroupName: alertActionGroupName
  }
}

module workbook 'modules/workbook.bicep' = {
  name: 'workbook'
  dependsOn: [
    monitoring
  ]
  params: {
    location: location
    tags: tags
    displayName: workbookDisplayName
    appInsightsName: appInsightsName
    telemetry: telemetry
  }
}

output functionAppName string = functionAppName
output functionAppDefaultHostName string = functionApp.outputs.defaultHostName
output keyVaultUri string = keyVault.outputs.vaultUri
output sqlServerFqdn string = sql.outputs.fullyQualifiedDomainName
output sqlDatabaseName string = sqlDatabaseName
output relayNamespaceName string = relayNamespaceName
output hybridConnectionName string = hybridConnectionName
@description('Key Vault secrets the app uses: set each with az keyvault secret set after deployment.')
output keyVaultSecretNames array = functionApp.outputs.keyVaultSecretNames
@description('Secret settings read from Key Vault at run time (cached KEY_VAULT_CACHE_SECONDS; rotation needs no restart).')
output runTimeSecretNames array = functionApp.outputs.runTimeSecretNames
@description('Secret settings that are Key Vault references (App Service caches them; restart after rotation).')
output referencedSecretNames array = functionApp.outputs.referencedSecretNames
@description('Object id of the function app identity: post-deploy.sql creates its database user WITH OBJECT_ID.')
output functionAppPrincipalId string = functionApp.outputs.principalId
output healthCheckPath string = healthCheckPath
@description('App settings the application code reads, as deployed (for diffing against the code).')
output appSettingNames array = functionApp.outputs.codeSettingNames

// Azure SQL logical server (Entra-only authentication) and the mirror database.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('SQL logical server name.')
param sqlServerName string

@description('Mirror database name.')
param databaseName string

@description('Database SKU name, e.g. S0, S1, GP_S_Gen5_1.')
param databaseSkuName string

@description('Database SKU tier matching the SKU name, e.g. Standard, GeneralPurpose.')
param databaseSkuTier string

@description('Entra administrator login (display name of the group or user).')
param entraAdminLogin string

@description('Entra administrator object id.')
param entraAdminObjectId string

@description('Entra administrator principal type.')
@allowed([
  'Group'
  'User'
  'Application'
])
param entraAdminPrincipalType string

@description('false: reachable only through its private endpoint, no firewall rule at all. true (sandbox): public, admitting Azure services.')
param publicNetworkAccess bool

resource server 'Microsoft.Sql/servers@2025-01-01' = {
  name: sqlServerName
  location: location
  tags: tags
  properties: {
    version: '12.0'
    minimalTlsVersion: '1.2'
    publicNetworkAccess: publicNetworkAccess ? 'Enabled' : 'Disabled'
    // No SQL logins at all: the Entra admin creates the app's contained user (post-deploy.sql).
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      login: entraAdminLogin
      sid: entraAdminObjectId
      principalType: entraAdminPrincipalType
      tenantId: subscription().tenantId
    }
  }

  // Sandbox only: 0.0.0.0 - 0.0.0.0 is the documented "Allow Azure services" switch (the function app has no
  // fixed outbound IP). It admits every Azure customer's resources, so the private deployment has no rule.
  resource allowAzureServices 'firewallRules' = if (publicNetworkAccess) {
    name: 'AllowAllWindowsAzureIps'
    properties: {
      startIpAddress: '0.0.0.0'
      endIpAddress: '0.0.0.0'
    }
  }

  resource mirror 'databases' = {
    name: databaseName
    location: location
    tags: tags
    sku: {
      name: databaseSkuName
      tier: databaseSkuTier
    }
    properties: {
      collation: 'SQL_Latin1_General_CP1_CI_AS'
    }
  }
}

output fullyQualifiedDomainName string = server.properties.fullyQualifiedDomainName
output id string = server.id

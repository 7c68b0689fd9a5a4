// Azure Relay hybrid connection that carries the function app's TCP traffic to the on-prem ERP SQL Server
// through the Hybrid Connection Manager (HCM), which only makes outbound 443 connections.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Relay namespace name.')
param relayNamespaceName string

@description('Hybrid connection name.')
param hybridConnectionName string

@description('ERP SQL Server host name as seen from the HCM machine.')
param erpHost string

@description('ERP SQL Server static TCP port.')
param erpPort int

@description('Authorization rule the function app uses to send.')
param sendRuleName string

@description('Authorization rule the on-prem Hybrid Connection Manager uses to listen.')
param listenRuleName string

resource namespace 'Microsoft.Relay/namespaces@2026-01-01' = {
  name: relayNamespaceName
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }

  resource hybridConnection 'hybridConnections' = {
    name: hybridConnectionName
    properties: {
      requiresClientAuthorization: true
      // App Service and the HCM read the target endpoint from this metadata. One host:port only: a named
      // instance resolved through SQL Browser (UDP 1434) cannot work over a hybrid connection.
      userMetadata: string([
        {
          key: 'endpoint'
          value: '${erpHost}:${erpPort}'
        }
      ])
    }

    resource send 'authorizationRules' = {
      name: sendRuleName
      properties: {
        rights: [
          'Send'
        ]
      }
    }

    resource listen 'authorizationRules' = {
      name: listenRuleName
      properties: {
        rights: [
          'Listen'
        ]
      }
    }
  }
}

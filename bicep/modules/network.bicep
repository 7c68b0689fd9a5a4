// Virtual network for the private deployment: the function app's integration subnet (delegated to
// Microsoft.Web/serverFarms), a subnet for private endpoints, and one private DNS zone per private-link
// service, linked to the network so the app resolves SQL, storage and Key Vault to their private addresses.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Virtual network name.')
param virtualNetworkName string

@description('Address space of the virtual network.')
param addressPrefix string

@description('Integration subnet of the function app (regional VNet integration).')
param integrationSubnetPrefix string

@description('Subnet that holds the private endpoints.')
param privateEndpointSubnetPrefix string

@description('Private DNS zone names to create and link, keyed by the name the private endpoints use.')
param privateDnsZoneNames object

resource vnet 'Microsoft.Network/virtualNetworks@2025-05-01' = {
  name: virtualNetworkName
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: 'snet-func'
        properties: {
          addressPrefix: integrationSubnetPrefix
          // Regional VNet integration needs an empty subnet delegated to App Service plans.
          delegations: [
            {
              name: 'Microsoft.Web.serverFarms'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
        }
      }
      {
        name: 'snet-pe'
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }

  resource integrationSubnet 'subnets' existing = {
    name: 'snet-func'
  }

  resource privateEndpointSubnet 'subnets' existing = {
    name: 'snet-pe'
  }
}

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for zone in items(privateDnsZoneNames): {
    name: zone.value
    location: 'global'
    tags: tags
  }
]

resource links 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (zone, i) in items(privateDnsZoneNames): {
    parent: zones[i]
    name: '${virtualNetworkName}-link'
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnet.id
      }
    }
  }
]

output integrationSubnetId string = vnet::integrationSubnet.id
output privateEndpointSubnetId string = vnet::privateEndpointSubnet.id
@description('Private DNS zone resource ids, keyed like privateDnsZoneNames.')
output zoneIds object = toObject(
  items(privateDnsZoneNames),
  zone => zone.key,
  zone => resourceId('Microsoft.Network/privateDnsZones', zone.value)
)

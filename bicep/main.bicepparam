// Production parameters. No secret values here: secrets go to Key Vault after deployment (README.md).
using 'main.bicep'

param tags = {
  workload: 'erp-customer-portal'
  environment: 'prod'
}

// On-prem ERP SQL Server as reachable from the Hybrid Connection Manager machine; static TCP port.
param erpHost = 'erp-sql.corp.example.local'
param erpPort = 1433

// Entra group that administers the SQL server; replace both before deploying
// (object id: az ad group show --group <name> --query id -o tsv).
param sqlEntraAdminLogin = 'sg-erp-portal-sql-admins'
param sqlEntraAdminObjectId = '00000000-0000-0000-0000-000000000000'

// The storefront origin(s) the API answers; the app enforces CORS itself.
param corsAllowedOrigins = 'https://store.example.com'

// BigCommerce store and API client (the client secret and API token go to Key Vault).
param bcStoreHash = ''
param bcClientId = ''

// Who hears about a failed or stale sync: the template creates an action group that emails this address.
// Or set alertActionGroupId to an existing action group instead. Replace before deploying.
param alertEmail = 'erp-portal-ops@example.com'

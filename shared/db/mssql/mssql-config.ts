import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import sql from 'mssql';

export class ConnectionStringError extends Error {
  constructor(setting: string, message: string) {
    super(`${setting}: ${message}`);
    this.name = 'ConnectionStringError';
  }
}

const managedIdentityModes = new Set(['active directory managed identity', 'active directory msi']);

function keywords(connectionString: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of connectionString.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) map.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  return map;
}

/**
 * The one credential of a pool. tedious' own `azure-active-directory-*` types build a new credential for
 * every physical connection, so each login asks the identity endpoint for a fresh token; a credential
 * passed as `token-credential` is shared by the whole pool and keeps its token cache between logins.
 */
function poolCredential(mode: string, clientId: string | undefined): TokenCredential | undefined {
  if (managedIdentityModes.has(mode)) return new ManagedIdentityCredential(clientId ? { clientId } : {});
  if (mode === 'active directory default') return new DefaultAzureCredential(clientId ? { managedIdentityClientId: clientId } : {});
  return undefined;
}

/**
 * mssql pool config from an ADO-style connection string. `Authentication=Active Directory Managed Identity`
 * (what Azure uses) signs in with the app's managed identity; `Active Directory Default` also accepts a
 * developer's `az login`. Neither carries a password; `User Id` then names a user-assigned identity's client
 * id, as in ADO.NET. Windows authentication is refused: from Azure there is no domain to authenticate
 * against, and a Hybrid Connection only relays TCP.
 */
export function mssqlConfig(setting: string, connectionString: string, azureClientId?: string): sql.config {
  const words = keywords(connectionString);
  const integrated = (words.get('integrated security') ?? words.get('trusted_connection') ?? '').toLowerCase();
  if (integrated === 'true' || integrated === 'sspi' || integrated === 'yes') {
    throw new ConnectionStringError(
      setting,
      'Integrated Security is not possible from Azure Functions; use SQL authentication (User Id/Password from Key Vault)',
    );
  }
  const config = sql.ConnectionPool.parseConnectionString(connectionString);
  const credential = poolCredential(
    (words.get('authentication') ?? '').toLowerCase(),
    words.get('user id') ?? words.get('uid') ?? azureClientId,
  );
  if (credential) {
    delete config.user;
    delete config.password;
    config.authentication = { type: 'token-credential', options: { credential } };
  }
  config.options = { encrypt: true, ...config.options, useUTC: true, enableArithAbort: true };
  config.pool = { max: 10, min: 0, idleTimeoutMillis: 30_000, ...config.pool };
  config.requestTimeout ??= 120_000;
  return config;
}

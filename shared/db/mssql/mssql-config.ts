import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import sql from 'mssql';
import { connectionKeywords, sqlServerConnectionProblems } from '../../config/sql-server-connection';

export class ConnectionStringError extends Error {
  constructor(setting: string, message: string) {
    super(`${setting}: ${message}`);
    this.name = 'ConnectionStringError';
  }
}

const managedIdentityModes = new Set(['active directory managed identity', 'active directory msi']);

export interface MssqlConfigOptions {
  readonly azureClientId?: string;
  /** PEM certificates of the CA that issued the server's certificate (a corporate CA), trusted for this connection only. */
  readonly ca?: string;
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
 * id, as in ADO.NET. Strings the Function App cannot use (Windows authentication; a named instance for the
 * ERP) are refused here too, since one read from Key Vault was never seen by the start-up validation.
 *
 * TLS: encrypted, and the server certificate is validated against the trusted roots (or `ca`), unless the
 * string itself says `TrustServerCertificate=True`.
 */
export function mssqlConfig(setting: string, connectionString: string, options: MssqlConfigOptions = {}): sql.config {
  const problems = sqlServerConnectionProblems(setting, connectionString);
  if (problems.length > 0) throw new ConnectionStringError(setting, problems.join('; '));
  const words = connectionKeywords(connectionString);
  const config = sql.ConnectionPool.parseConnectionString(connectionString);
  const credential = poolCredential(
    (words.get('authentication') ?? '').toLowerCase(),
    words.get('user id') ?? words.get('uid') ?? options.azureClientId,
  );
  if (credential) {
    delete config.user;
    delete config.password;
    config.authentication = { type: 'token-credential', options: { credential } };
  }
  config.options = { encrypt: true, trustServerCertificate: false, ...config.options, useUTC: true, enableArithAbort: true };
  if (options.ca) config.options.cryptoCredentialsDetails = { ca: options.ca };
  config.pool = { max: 10, min: 0, idleTimeoutMillis: 30_000, ...config.pool };
  config.requestTimeout ??= 120_000;
  return config;
}

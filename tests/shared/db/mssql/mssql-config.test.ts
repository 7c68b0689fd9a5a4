import { DefaultAzureCredential, ManagedIdentityCredential } from '@azure/identity';
import sql from 'mssql';
import { Connection, type ConnectionConfiguration } from 'tedious';
import { describe, expect, it } from 'vitest';
import { ConnectionStringError, mssqlConfig } from '../../../../shared/db/mssql/mssql-config';

const azureSql = 'Server=tcp:portal-sql.database.windows.net,1433;Database=mirror;Encrypt=true';

/** What the pool hands tedious for each physical connection (mssql's `_poolCreate` calls `_config()` every time). */
function tediousConfigOf(pool: sql.ConnectionPool): ConnectionConfiguration {
  return (pool as unknown as { _config(): ConnectionConfiguration })._config();
}

/** The credential a real tedious Connection built from that config will ask for tokens. */
function credentialOf(connection: Connection): unknown {
  const { authentication } = (connection as unknown as { config: { authentication: { type: string; options: { credential?: unknown } } } }).config;
  expect(authentication.type).toBe('token-credential');
  return authentication.options.credential;
}

describe('mssqlConfig', () => {
  it('uses SQL authentication for the ERP over a static port', () => {
    const config = mssqlConfig('ERP_CONNECTION', 'Server=tcp:erp-sql.corp.local,1433;Database=epds01;User Id=portal;Password=s3cret;');
    expect(config).toMatchObject({ server: 'erp-sql.corp.local', port: 1433, database: 'epds01', user: 'portal', password: 's3cret' });
    expect(config.authentication).toBeUndefined();
    expect(config.options?.useUTC).toBe(true);
  });

  it('signs in to Azure SQL with one ManagedIdentityCredential shared by every connection of the pool', () => {
    const config = mssqlConfig('MIRROR_CONNECTION', `${azureSql};Authentication=Active Directory Managed Identity`);
    expect(config.password).toBeUndefined();
    expect(config.user).toBeUndefined();
    const pool = new sql.ConnectionPool(config);
    const first = new Connection(tediousConfigOf(pool));
    const second = new Connection(tediousConfigOf(pool));
    const credential = credentialOf(first);
    expect(credential).toBeInstanceOf(ManagedIdentityCredential);
    expect(credentialOf(second)).toBe(credential);
  });

  it('keeps Active Directory Default (a developer az login works) as one shared DefaultAzureCredential', () => {
    const pool = new sql.ConnectionPool(mssqlConfig('MIRROR_CONNECTION', `${azureSql};Authentication=Active Directory Default`));
    const credential = credentialOf(new Connection(tediousConfigOf(pool)));
    expect(credential).toBeInstanceOf(DefaultAzureCredential);
    expect(credentialOf(new Connection(tediousConfigOf(pool)))).toBe(credential);
  });

  it('passes a user-assigned identity client id to the credential', () => {
    // `clientId` is a plain field of @azure/identity's ManagedIdentityCredential (4.x).
    const clientIdOf = (config: sql.config) =>
      (config.authentication?.options as { credential: { clientId?: string } }).credential.clientId;
    const fromString = mssqlConfig(
      'MIRROR_CONNECTION',
      'Server=tcp:s.database.windows.net;Database=m;Authentication=Active Directory Managed Identity;User Id=1111-2222',
    );
    expect(clientIdOf(fromString)).toBe('1111-2222');
    const fromSetting = mssqlConfig('MIRROR_CONNECTION', 'Server=s;Database=m;Authentication=Active Directory MSI', { azureClientId: 'abcd' });
    expect(clientIdOf(fromSetting)).toBe('abcd');
    expect(clientIdOf(mssqlConfig('MIRROR_CONNECTION', 'Server=s;Database=m;Authentication=Active Directory MSI'))).toBeUndefined();
  });

  it('refuses Windows authentication, which cannot work from Azure', () => {
    expect(() => mssqlConfig('ERP_CONNECTION', 'Server=erp;Database=epds01;Integrated Security=SSPI')).toThrow(ConnectionStringError);
    expect(() => mssqlConfig('ERP_CONNECTION', 'Server=erp;Database=epds01;Trusted_Connection=yes')).toThrow(/ERP_CONNECTION/);
  });

  it('refuses a named ERP instance, which mssql would look up over UDP the Hybrid Connection cannot carry', () => {
    for (const server of ['ERP01\\SQLEXPRESS', 'tcp:ERP01\\INST,1433']) {
      expect(() => mssqlConfig('ERP_CONNECTION', `Server=${server};Database=epds01;User Id=p;Password=x`)).toThrow(/SQL Server Browser/);
    }
    // The mirror never goes through the relay.
    expect(mssqlConfig('MIRROR_CONNECTION', 'Server=.\\SQLEXPRESS;Database=mirror;User Id=p;Password=x').options?.instanceName).toBe('SQLEXPRESS');
  });

  it('encrypts and validates the server certificate by default', () => {
    const { options } = mssqlConfig('ERP_CONNECTION', 'Server=tcp:erp,1433;Database=epds01;User Id=p;Password=x');
    expect(options).toMatchObject({ encrypt: true, trustServerCertificate: false });
    expect(options?.cryptoCredentialsDetails).toBeUndefined();
  });

  it('honours TrustServerCertificate=True from the connection string', () => {
    const { options } = mssqlConfig('ERP_CONNECTION', 'Server=tcp:erp,1433;Database=epds01;User Id=p;Password=x;TrustServerCertificate=True');
    expect(options).toMatchObject({ encrypt: true, trustServerCertificate: true });
  });

  it('validates against a corporate CA when one is given', () => {
    const ca = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const { options } = mssqlConfig('ERP_CONNECTION', 'Server=tcp:erp,1433;Database=epds01;User Id=p;Password=x', { ca });
    expect(options).toMatchObject({ encrypt: true, trustServerCertificate: false, cryptoCredentialsDetails: { ca } });
  });
});

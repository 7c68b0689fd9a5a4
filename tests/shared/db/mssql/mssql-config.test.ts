import { describe, expect, it } from 'vitest';
import { ConnectionStringError, mssqlConfig } from '../../../../shared/db/mssql/mssql-config';

describe('mssqlConfig', () => {
  it('uses SQL authentication for the ERP over a static port', () => {
    const config = mssqlConfig('ERP_CONNECTION', 'Server=tcp:erp-sql.corp.local,1433;Database=epds01;User Id=portal;Password=s3cret;');
    expect(config).toMatchObject({ server: 'erp-sql.corp.local', port: 1433, database: 'epds01', user: 'portal', password: 's3cret' });
    expect(config.authentication).toBeUndefined();
    expect(config.options?.useUTC).toBe(true);
  });

  it('uses managed identity without a password for Azure SQL', () => {
    const config = mssqlConfig(
      'MIRROR_CONNECTION',
      'Server=tcp:portal-sql.database.windows.net,1433;Database=mirror;Authentication=Active Directory Default;Encrypt=true',
    );
    expect(config.authentication).toEqual({ type: 'azure-active-directory-default', options: {} });
    expect(config.password).toBeUndefined();
  });

  it('passes a user-assigned identity client id', () => {
    const fromString = mssqlConfig(
      'MIRROR_CONNECTION',
      'Server=tcp:s.database.windows.net;Database=m;Authentication=Active Directory Managed Identity;User Id=1111-2222',
    );
    expect(fromString.authentication).toEqual({ type: 'azure-active-directory-default', options: { clientId: '1111-2222' } });
    const fromSetting = mssqlConfig('MIRROR_CONNECTION', 'Server=s;Database=m;Authentication=Active Directory Default', 'abcd');
    expect(fromSetting.authentication?.options).toEqual({ clientId: 'abcd' });
  });

  it('refuses Windows authentication, which cannot work from Azure', () => {
    expect(() => mssqlConfig('ERP_CONNECTION', 'Server=erp;Database=epds01;Integrated Security=SSPI')).toThrow(ConnectionStringError);
    expect(() => mssqlConfig('ERP_CONNECTION', 'Server=erp;Database=epds01;Trusted_Connection=yes')).toThrow(/ERP_CONNECTION/);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadSettings, settingWarnings } from '../../../shared/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadSettings(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.map((p) => p.setting);
  }
  throw new Error('expected a ConfigError');
}

describe('loadSettings', () => {
  it('applies the embedded defaults when nothing is configured', () => {
    const settings = loadSettings({});
    expect(settings.ERP_CONNECTION).toBe('pglite:.data/erp');
    expect(settings.MIRROR_CONNECTION).toBe('pglite:.data/mirror');
    expect(settings.SYNC_BATCH_SIZE).toBe(5000);
    expect(settings.SYNC_ORDER_DAYS).toBe(365);
    expect(settings.SYNC_SCHEDULE).toBe('0 */15 * * * *');
    expect(settings.LINK_SYNC_SCHEDULE).toBe('0 5,20,35,50 * * * *');
    expect(settings.CATALOG_SYNC_SCHEDULE).toBe('0 10 * * * *');
    expect(settings.QUOTE_ORDER_TYPES).toEqual(['Q']);
    expect(settings.PORTAL_API_KEYS).toEqual([]);
  });

  it('treats blank settings as unset and splits lists', () => {
    const settings = loadSettings({ SYNC_BATCH_SIZE: ' ', PORTAL_API_KEYS: 'old-key-0123456789abcdef0123456789, new-key-0123456789abcdef0123456789 ,', QUOTE_ORDER_TYPES: 'Q,E' });
    expect(settings.SYNC_BATCH_SIZE).toBe(5000);
    expect(settings.PORTAL_API_KEYS).toEqual(['old-key-0123456789abcdef0123456789', 'new-key-0123456789abcdef0123456789']);
    expect(settings.QUOTE_ORDER_TYPES).toEqual(['Q', 'E']);
  });

  it('lists every bad setting by name in one error', () => {
    const problems = problemsOf({
      SYNC_BATCH_SIZE: 'lots',
      SYNC_ORDER_DAYS: '0',
      MIRROR_CONNECTION: 'mirror.db',
      CORS_ALLOWED_ORIGINS: 'not a url',
      SYNC_CHANGE_TRACKING: 'sometimes',
      KEY_VAULT_URL: 'http://vault.example',
    });
    expect(problems.sort()).toEqual(
      ['CORS_ALLOWED_ORIGINS', 'KEY_VAULT_URL', 'MIRROR_CONNECTION', 'SYNC_BATCH_SIZE', 'SYNC_CHANGE_TRACKING', 'SYNC_ORDER_DAYS'].sort(),
    );
  });

  it('names the setting holding an unresolved Key Vault reference', () => {
    const error = (() => {
      try {
        loadSettings({ BC_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/bc-client-secret/)' });
      } catch (e) {
        return e as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.problems).toEqual([{ setting: 'BC_CLIENT_SECRET', message: expect.stringContaining('Key Vault reference') }]);
    expect(error.message).toContain('BC_CLIENT_SECRET');
    expect(error.message).not.toContain('kv.vault.azure.net');
  });

  it('accepts an SQL Server connection string', () => {
    const settings = loadSettings({ ERP_CONNECTION: 'Server=tcp:erp.corp,1433;Database=epds01;User Id=portal;Password=x' });
    expect(settings.ERP_CONNECTION).toContain('epds01');
  });

  it('refuses a named ERP instance and Windows authentication at start-up, in one error with the reasons', () => {
    let error: ConfigError | undefined;
    try {
      loadSettings({
        ERP_CONNECTION: 'Server=ERP01\\SQLEXPRESS;Database=epds01;User Id=portal;Password=x',
        MIRROR_CONNECTION: 'Server=tcp:m,1433;Database=mirror;Integrated Security=SSPI',
        SYNC_BATCH_SIZE: 'lots',
      });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.problems.map((p) => p.setting).sort()).toEqual(['ERP_CONNECTION', 'MIRROR_CONNECTION', 'SYNC_BATCH_SIZE']);
    expect(error?.message).toMatch(/ERP_CONNECTION: names an instance .*UDP 1434.*Hybrid Connection/);
    expect(error?.message).toMatch(/MIRROR_CONNECTION: Integrated Security/);
    expect(error?.message).not.toContain('Password=x');
  });

  it('accepts a readable PEM file as the ERP CA and refuses a missing or non-PEM one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'erp-ca-'));
    const pem = join(dir, 'corp-ca.pem');
    writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const notPem = join(dir, 'notes.txt');
    writeFileSync(notPem, 'hello');
    expect(loadSettings({ ERP_TLS_CA_FILE: pem }).ERP_TLS_CA_FILE).toBe(pem);
    expect(problemsOf({ ERP_TLS_CA_FILE: join(dir, 'missing.pem') })).toEqual(['ERP_TLS_CA_FILE']);
    expect(problemsOf({ ERP_TLS_CA_FILE: notPem })).toEqual(['ERP_TLS_CA_FILE']);
  });

  it('refuses API and admin keys shorter than 32 characters in one error naming the settings, never the values', () => {
    const long = 'k'.repeat(32);
    let error: ConfigError | undefined;
    try {
      loadSettings({ PORTAL_API_KEYS: `${long},k1`, PORTAL_ADMIN_KEYS: 'admin-short' });
    } catch (caught) {
      error = caught as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.problems).toEqual([
      { setting: 'PORTAL_API_KEYS', message: 'every key must be at least 32 characters (key 2 of 2 is shorter)' },
      { setting: 'PORTAL_ADMIN_KEYS', message: 'every key must be at least 32 characters (key 1 of 1 is shorter)' },
    ]);
    expect(error?.message).not.toMatch(/k1|admin-short/);
    expect(loadSettings({ PORTAL_API_KEYS: long }).PORTAL_API_KEYS).toEqual([long]);
  });

  it('warns on a short BigCommerce client secret and on a dev host reachable beyond this machine', () => {
    expect(settingWarnings(loadSettings({ BC_CLIENT_SECRET: 's'.repeat(32) }))).toEqual([]);
    expect(settingWarnings(loadSettings({ BC_CLIENT_SECRET: 'short-secret', HOST: '0.0.0.0' }))).toEqual([
      expect.stringContaining('BC_CLIENT_SECRET is shorter than 32 characters'),
      expect.stringContaining('HOST=0.0.0.0'),
    ]);
  });

  it('accepts a Front Door ID only as a GUID', () => {
    expect(loadSettings({ FRONT_DOOR_ID: '11111111-2222-3333-4444-555555555555' }).FRONT_DOOR_ID).toBe('11111111-2222-3333-4444-555555555555');
    expect(problemsOf({ FRONT_DOOR_ID: 'my-front-door' })).toEqual(['FRONT_DOOR_ID']);
  });
});

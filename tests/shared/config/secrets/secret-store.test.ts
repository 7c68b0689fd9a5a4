import { describe, expect, it } from 'vitest';
import { createSecretStore, loadSettings, SecretInvalidError, SecretStore, SecretUnavailableError } from '../../../../shared/config';
import { FakeSecretClient } from './fake-secret-client';

function setup(secrets: Record<string, string>, environment = {}) {
  const client = new FakeSecretClient(new Map(Object.entries(secrets)));
  let now = 1_000;
  const failures: Array<{ setting: string; servedStale: boolean; error: unknown }> = [];
  const store = new SecretStore({ environment, reader: client, ttlMs: 60_000, now: () => now, onReadFailure: (f) => failures.push(f) });
  return { client, store, failures, advance: (ms: number) => (now += ms) };
}

describe('SecretStore', () => {
  it('reads a Key Vault secret by its kebab-case name and caches it', async () => {
    const { client, store } = setup({ 'bc-client-secret': 'kv-secret' });
    expect(await store.get('BC_CLIENT_SECRET')).toBe('kv-secret');
    expect(await store.get('BC_CLIENT_SECRET')).toBe('kv-secret');
    expect(client.calls).toEqual(['bc-client-secret']);
  });

  it('prefers the environment, where resolved Key Vault references land', async () => {
    const { client, store } = setup({ 'bc-client-secret': 'kv-secret' }, { BC_CLIENT_SECRET: 'from-env' });
    expect(await store.get('BC_CLIENT_SECRET')).toBe('from-env');
    expect(client.calls).toEqual([]);
  });

  it('treats a missing secret as unset and remembers that for the TTL', async () => {
    const { client, store } = setup({});
    expect(await store.get('BC_API_TOKEN')).toBeUndefined();
    expect(await store.get('BC_API_TOKEN')).toBeUndefined();
    expect(client.calls).toHaveLength(1);
  });

  it('picks up a rotated secret after the TTL expires', async () => {
    const [old, next] = ['old-key-0123456789abcdef0123456789', 'new-key-0123456789abcdef0123456789'];
    const { client, store, advance } = setup({ 'portal-api-keys': old });
    expect(await store.list('PORTAL_API_KEYS')).toEqual([old]);
    client.secrets.set('portal-api-keys', `${old},${next}`);
    advance(30_000);
    expect(await store.list('PORTAL_API_KEYS')).toEqual([old]);
    advance(30_001);
    expect(await store.list('PORTAL_API_KEYS')).toEqual([old, next]);
  });

  it('fails with a named error when Key Vault is unreachable and nothing is cached', async () => {
    const { client, store } = setup({ 'erp-connection': 'Server=x' });
    client.failure = Object.assign(new Error('connect ETIMEDOUT'), { statusCode: undefined });
    await expect(store.get('ERP_CONNECTION')).rejects.toThrow(SecretUnavailableError);
    await expect(store.get('ERP_CONNECTION')).rejects.toThrow(/ERP_CONNECTION/);
  });

  it('keeps serving the last value when Key Vault fails after expiry', async () => {
    const admin = 'admin-key-0123456789abcdef0123456789';
    const { client, store, advance } = setup({ 'portal-admin-keys': admin });
    expect(await store.get('PORTAL_ADMIN_KEYS')).toBe(admin);
    client.failure = new Error('503');
    advance(120_000);
    expect(await store.get('PORTAL_ADMIN_KEYS')).toBe(admin);
  });

  it('reports every failed read, stale-covered or not, and never a missing secret', async () => {
    const admin = 'admin-key-0123456789abcdef0123456789';
    const { client, store, failures, advance } = setup({ 'portal-admin-keys': admin });
    expect(await store.get('BC_API_TOKEN')).toBeUndefined();
    expect(await store.get('PORTAL_ADMIN_KEYS')).toBe(admin);
    expect(failures).toEqual([]);
    const outage = new Error('connect ETIMEDOUT');
    client.failure = outage;
    advance(120_000);
    expect(await store.get('PORTAL_ADMIN_KEYS')).toBe(admin);
    await expect(store.get('PORTAL_API_KEYS')).rejects.toThrow(SecretUnavailableError);
    expect(failures).toEqual([
      { setting: 'PORTAL_ADMIN_KEYS', servedStale: true, error: outage },
      { setting: 'PORTAL_API_KEYS', servedStale: false, error: outage },
    ]);
  });

  it('shares one request between concurrent readers', async () => {
    const { client, store } = setup({ 'bc-api-token': 'token' });
    const values = await Promise.all([store.get('BC_API_TOKEN'), store.get('BC_API_TOKEN'), store.get('BC_API_TOKEN')]);
    expect(values).toEqual(['token', 'token', 'token']);
    expect(client.calls).toHaveLength(1);
  });

  it('knows every secret value it has seen, list items included, for redaction', async () => {
    const [one, two] = ['key-one-0123456789abcdef0123456789', 'key-two-0123456789abcdef0123456789'];
    const { store } = setup({ 'portal-api-keys': `${one},${two}` }, { BC_CLIENT_SECRET: 'env-secret' });
    await store.get('PORTAL_API_KEYS');
    expect([...store.knownValues()]).toEqual(['env-secret', `${one},${two}`, one, two]);
  });

  it('holds Key Vault values to the rules the environment is held to, naming the key by position only', async () => {
    const { store } = setup({ 'portal-api-keys': 'abc', 'portal-admin-keys': `${'a'.repeat(32)},x` });
    await expect(store.get('PORTAL_API_KEYS')).rejects.toThrow(SecretInvalidError);
    const refused = await store.get('PORTAL_ADMIN_KEYS').catch((error: Error) => error.message);
    expect(refused).toBe(
      'PORTAL_ADMIN_KEYS from Key Vault (secret portal-admin-keys) is refused: every key must be at least 32 characters (key 2 of 2 is shorter)',
    );
    // The same rule as loadSettings for the same value from the environment.
    expect(() => loadSettings({ PORTAL_ADMIN_KEYS: `${'a'.repeat(32)},x` })).toThrow(/key 2 of 2 is shorter/);
  });

  it('applies the rules to environment values it is given too', async () => {
    const store = new SecretStore({ environment: { PORTAL_API_KEYS: 'short' }, ttlMs: 0 });
    await expect(store.get('PORTAL_API_KEYS')).rejects.toThrow(/PORTAL_API_KEYS from the environment is refused/);
  });
});

describe('createSecretStore', () => {
  it('takes secrets from the settings, lists joined for rotation', async () => {
    const store = createSecretStore(loadSettings({ PORTAL_API_KEYS: 'a-key-1-0123456789abcdef0123456789,b-key-2-0123456789abcdef0123456789', BC_CLIENT_SECRET: 'shh-secret' }));
    expect(await store.list('PORTAL_API_KEYS')).toEqual(['a-key-1-0123456789abcdef0123456789', 'b-key-2-0123456789abcdef0123456789']);
    expect(await store.get('BC_CLIENT_SECRET')).toBe('shh-secret');
    expect(await store.get('BC_API_TOKEN')).toBeUndefined();
  });

  it('lets Key Vault supply the ERP connection when only the embedded default is set', async () => {
    const withVault = createSecretStore(loadSettings({ KEY_VAULT_URL: 'https://kv.vault.azure.net' }));
    expect([...withVault.knownValues()]).toEqual([]);
    const withoutVault = createSecretStore(loadSettings({}));
    expect(await withoutVault.get('ERP_CONNECTION')).toBe('pglite:.data/erp');
  });
});

import './helpers/record-routes-only';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthGet } from '../../functions/health-get';
import { ordersList } from '../../functions/orders-list';
import { syncStatus } from '../../functions/sync-status';
import { SecretStore } from '../../shared/config';
import type { PortalDatabase } from '../../shared/db/portal-database';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { createTestMirror } from '../helpers/databases';
import { FakeTelemetryClient } from '../shared/telemetry/fake-telemetry-client';
import { FakeSecretClient } from '../shared/config/secrets/fake-secret-client';
import { customerToken, invoke, useTestApi, withKey, withToken } from './helpers/invoke';
import { links, loadPortalFixture } from './helpers/portal-fixture';

let mirror: PortalDatabase<MirrorDatabase>;

beforeAll(async () => {
  mirror = await createTestMirror();
  await loadPortalFixture(mirror.db);
});

afterAll(async () => {
  await mirror.close();
});

/** The penetration test's setting: the keys live only in Key Vault (as the Bicep deploys them). */
function vaultApp(vault: Record<string, string>) {
  const client = new FakeSecretClient(new Map(Object.entries(vault)));
  const telemetry = new FakeTelemetryClient();
  const logged: string[] = [];
  const secrets = new SecretStore({ environment: {}, reader: client, ttlMs: 60_000, onWarning: (_s, line) => logged.push(line) });
  useTestApi(mirror, {
    env: { PORTAL_API_KEYS: '', PORTAL_ADMIN_KEYS: '', BC_CLIENT_SECRET: '' },
    overrides: { secrets, telemetryClient: telemetry },
  });
  return { telemetry, logged };
}

const goodKey = 'vault-key-0123456789abcdef0123456789';
const goodAdmin = 'vault-admin-0123456789abcdef01234567';
const secret = 'test-secret-0123456789abcdef0123456789abcdef';

describe('secrets read from Key Vault are held to the same rules as the environment', () => {
  it('serves with valid keys from Key Vault', async () => {
    vaultApp({ 'portal-api-keys': goodKey, 'portal-admin-keys': goodAdmin, 'bc-client-secret': secret });
    expect((await invoke(ordersList, 'v1/orders?customer=C00001', { headers: withKey(goodKey) })).status).toBe(200);
    expect((await invoke(syncStatus, 'v1/sync/status', { headers: withKey(goodAdmin) })).status).toBe(200);
    const health = await invoke(healthGet, 'v1/health');
    expect(health.status).toBe(200);
    expect(health.json.data).toMatchObject({ status: 'ok', credentials: 'usable' });
  });

  it('refuses a 3-character data key and a 1-character admin key: 503, a named log line, never the value', async () => {
    const { telemetry } = vaultApp({ 'portal-api-keys': 'abc', 'portal-admin-keys': 'z', 'bc-client-secret': secret });
    for (const [endpoint, path, key] of [
      [ordersList, 'v1/orders?customer=C00001', 'abc'],
      [syncStatus, 'v1/sync/status', 'z'],
    ] as const) {
      const log: string[] = [];
      const answer = await invoke(endpoint, path, { headers: withKey(key), log });
      expect(answer.status, path).toBe(503);
      expect(answer.json.error.code).toBe('UNAVAILABLE');
      expect(answer.body).not.toContain(key === 'abc' ? 'abc' : '"z"');
      expect(log.join('\n')).toMatch(/^SecretUnusable: PORTAL_(API|ADMIN)_KEYS from Key Vault \(secret portal-(api|admin)-keys\) is refused: every key must be at least 32 characters \(key 1 of 1 is shorter\)/);
    }
    // Storefront tokens need only the client secret, which is fine: the storefront keeps working.
    expect((await invoke(ordersList, 'v1/orders', { headers: withToken(await customerToken(links.C00001 as number)) })).status).toBe(200);
    expect(telemetry.named('event', 'SecretUnusable').map((event) => event.properties)).toContainEqual(
      expect.objectContaining({ setting: 'PORTAL_API_KEYS', reason: 'invalid' }),
    );
  });

  it('/health reports unusable credentials (503) and logs the reason without the value', async () => {
    vaultApp({ 'portal-api-keys': `${goodKey},short-key`, 'portal-admin-keys': goodAdmin, 'bc-client-secret': secret });
    const log: string[] = [];
    const health = await invoke(healthGet, 'v1/health', { log });
    expect(health.status).toBe(503);
    expect(health.json.data).toMatchObject({ status: 'unavailable', mirror: 'reachable', credentials: 'unusable' });
    expect(log.join('\n')).toContain('SecretUnusable: PORTAL_API_KEYS from Key Vault (secret portal-api-keys) is refused: every key must be at least 32 characters (key 2 of 2 is shorter)');
    expect(log.join('\n')).not.toContain('short-key');
  });

  it('/health reports a Key Vault it cannot read', async () => {
    vaultApp({});
    const log: string[] = [];
    const failing = new FakeSecretClient(new Map());
    failing.failure = new Error('connect ETIMEDOUT');
    useTestApi(mirror, {
      env: { PORTAL_API_KEYS: '', PORTAL_ADMIN_KEYS: '', BC_CLIENT_SECRET: '' },
      overrides: { secrets: new SecretStore({ environment: {}, reader: failing, ttlMs: 60_000 }) },
    });
    const health = await invoke(healthGet, 'v1/health', { log });
    expect(health.json.data.credentials).toBe('unusable');
    expect(log.join('\n')).toContain('SecretUnusable: Secret for PORTAL_API_KEYS could not be read from Key Vault');
  });

  it('warns once of a short client secret from Key Vault, as start-up does for the environment', async () => {
    const { logged } = vaultApp({ 'portal-api-keys': goodKey, 'portal-admin-keys': goodAdmin, 'bc-client-secret': 'short' });
    await invoke(healthGet, 'v1/health');
    await invoke(healthGet, 'v1/health');
    expect(logged).toEqual([
      "BC_CLIENT_SECRET from Key Vault (secret bc-client-secret) is shorter than 32 characters: check it is the app's whole client secret.",
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../../shared/config';
import { createApp } from '../../../shared/composition/create-app';
import { devHostSettings } from '../../../shared/dev-host/demo-mode';
import type { PortalDatabase } from '../../../shared/db/portal-database';
import type { MirrorDatabase } from '../../../shared/db/schema/mirror-tables';
import { describeDevHost } from '../../../shared/dev-host/describe-dev-host';
import { startDevHost, type DevHost } from '../../../shared/dev-host/dev-host';
import { createTestMirror } from '../../helpers/databases';
import { loadPortalFixture } from '../../functions/helpers/portal-fixture';

let mirror: PortalDatabase<MirrorDatabase>;
let host: DevHost;

beforeAll(async () => {
  mirror = await createTestMirror();
  const app = createApp(devHostSettings(loadSettings({ DEMO_MODE: 'on' })), {
    mirror,
    erp: () => Promise.reject(new Error('no ERP in this test')),
  });
  await loadPortalFixture(mirror.db);
  host = await startDevHost({ port: 0, app });
});

afterAll(async () => {
  await host?.close();
  await mirror?.close();
});

describe('dev host (demo mode) over real HTTP', () => {
  it('serves /api/v1/orders with the generated demo key', async () => {
    const apiKey = host.settings.PORTAL_API_KEYS[0] as string;
    expect(apiKey).toMatch(/^demo-/);
    const response = await fetch(`${host.url}/api/v1/orders?customer=C00001&pageSize=5`, { headers: { 'x-api-key': apiKey } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { success: boolean; data: { orders: unknown[]; pagination: unknown } };
    expect(body.success).toBe(true);
    expect(body.data.orders).toHaveLength(5);
    expect(body.data.pagination).toEqual({ page: 1, pageSize: 5, total: 25 });
    expect(describeDevHost(host)).toContain(`x-api-key: ${apiKey}`);
  });

  it('routes parameters, literals before parameters, and 404s the rest in the envelope', async () => {
    const headers = { 'x-api-key': host.settings.PORTAL_API_KEYS[0] as string };
    const detail = await fetch(`${host.url}/api/v1/orders/1001`, { headers });
    expect(((await detail.json()) as { data: { orderId: number } }).data.orderId).toBe(1001);
    const openapi = await fetch(`${host.url}/api/v1/openapi.json`);
    expect(((await openapi.json()) as { openapi: string }).openapi).toBe('3.1.0');
    for (const [method, path] of [['GET', '/api/v1/nope/deeper'], ['DELETE', '/api/v1/orders'], ['GET', '/elsewhere']]) {
      const response = await fetch(`${host.url}${path}`, { method, headers });
      expect(response.status, path).toBe(404);
      expect(await response.json()).toEqual({ success: false, error: { code: 'NOT_FOUND', message: 'Resource not found.' } });
    }
  });

  it('mints BigCommerce-shaped current-customer JWTs for the demo login', async () => {
    const clientId = host.settings.BC_CLIENT_ID as string;
    const anonymous = await fetch(`${host.url}/customer/current.jwt?app_client_id=${clientId}`);
    expect(anonymous.status).toBe(404);
    const login = await fetch(`${host.url}/demo/login?erp=C00002`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const jwt = await fetch(`${host.url}/customer/current.jwt?app_client_id=${clientId}`, { headers: { cookie } });
    expect(jwt.status).toBe(200);
    const token = await jwt.text();
    const claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: 'bc/apps', aud: clientId, operation: 'current_customer', store_hash: 'demostore', customer: { id: 1002 } });
    expect((claims.exp as number) - (claims.iat as number)).toBe(900);
    const me = await fetch(`${host.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await me.json()) as { data: { erpId: string } }).data.erpId).toBe('C00002');
    const byParam = await fetch(`${host.url}/customer/current.jwt?app_client_id=${clientId}&erp=C00003`);
    const other = await fetch(`${host.url}/api/v1/orders?customer=C00002`, { headers: { authorization: `Bearer ${await byParam.text()}` } });
    expect(other.status).toBe(404);
  });
});

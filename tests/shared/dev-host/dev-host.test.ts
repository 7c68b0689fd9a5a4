import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../../shared/config';
import { createApp } from '../../../shared/composition/create-app';
import type { PortalDatabase } from '../../../shared/db/portal-database';
import type { MirrorDatabase } from '../../../shared/db/schema/mirror-tables';
import { describeDevHost } from '../../../shared/dev-host/describe-dev-host';
import { DemoModeRefused, demoSellerName, devHostSettings } from '../../../shared/dev-host/demo-mode';
import { startDevHost, type DevHost } from '../../../shared/dev-host/dev-host';
import { createTestMirror } from '../../helpers/databases';
import { loadPortalFixture } from '../../functions/helpers/portal-fixture';

let mirror: PortalDatabase<MirrorDatabase>;
let host: DevHost;
/** The dev host's app over the test mirror, from settings as `npm start` prepares them. */
const testApp = (env: Record<string, string>, log?: (line: string) => void) =>
  createApp(devHostSettings(loadSettings(env), log), { mirror, erp: () => Promise.reject(new Error('no ERP in this test')) });

beforeAll(async () => {
  mirror = await createTestMirror();
  await loadPortalFixture(mirror.db);
  host = await startDevHost({ port: 0, app: testApp({ DEMO_MODE: 'on', BC_CLIENT_ID: 'real-store-client' }) });
});

/** A raw request with any Host header (fetch does not let a caller choose it). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { port } = new URL(host.url);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

afterAll(async () => {
  await host?.close();
  await mirror?.close();
});

describe('dev host (demo mode) over real HTTP', () => {
  it('names one seller on the PDFs, the demo storefront and the demo cart page', async () => {
    const seen: string[] = [];
    const demo = await startDevHost({
      port: 0,
      app: testApp({ DEMO_MODE: 'on' }),
      storefront: (options) => {
        seen.push(options.sellerName);
        return async () => undefined;
      },
    });
    try {
      expect(demo.settings.DOCUMENT_SELLER_NAME).toBe(demoSellerName);
      expect(seen).toEqual([demoSellerName]);
      expect(await (await fetch(`${demo.url}/cart.php`)).text()).toContain(`<title>Your Cart · ${demoSellerName}</title>`);
    } finally {
      await demo.close();
    }
  });

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
    const detail = await fetch(`${host.url}/api/v1/orders/1001?customer=C00001`, { headers });
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

describe('dev host hardening', () => {
  it('listens on 127.0.0.1 and generates its own BigCommerce credentials, ignoring configured ones', () => {
    expect(host.listenAddress).toBe('127.0.0.1');
    expect(host.settings.BC_CLIENT_ID).toMatch(/^demo-client-/);
    expect(host.settings.BC_CLIENT_SECRET).toMatch(/^[0-9a-f]{64}$/);
  });

  it('in demo mode answers only loopback Host headers (DNS rebinding)', async () => {
    const { port } = new URL(host.url);
    const path = '/api/v1/openapi.json';
    for (const name of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST']) {
      expect((await rawGet(path, { host: name })).status, name).toBe(200);
    }
    for (const name of [`attacker.example:${port}`, 'localhost.attacker.example', '127.0.0.2']) {
      const answer = await rawGet(path, { host: name });
      expect(answer.status, name).toBe(421);
      expect(JSON.parse(answer.body)).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('answers 400, not 500, to a malformed Host header or demo cookie', async () => {
    const clientId = host.settings.BC_CLIENT_ID as string;
    for (const hostHeader of ['exa mple', 'localhost:99999']) {
      const answer = await rawGet('/api/v1/openapi.json', { host: hostHeader });
      expect(answer.status, hostHeader).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    const cookie = await rawGet(`/customer/current.jwt?app_client_id=${clientId}`, { host: 'localhost', cookie: 'demo_customer=%E0%A4%A' });
    expect(cookie.status).toBe(400);
  });

  it('turns auto demo mode off beside a BigCommerce secret and says why; DEMO_MODE=on refuses, naming the settings', async () => {
    const lines: string[] = [];
    const secret = { BC_CLIENT_SECRET: 's'.repeat(40), BC_API_TOKEN: 't'.repeat(30) };
    const configured = await startDevHost({ port: 0, app: testApp(secret, (line) => lines.push(line)) });
    try {
      expect(configured.demo).toBe(false);
      expect(lines).toEqual(['Demo mode is off: BC_CLIENT_SECRET, BC_API_TOKEN are set (demo mode never runs beside real credentials).']);
      expect((await fetch(`${configured.url}/customer/current.jwt?app_client_id=x`)).status).toBe(404);
    } finally {
      await configured.close();
    }
    const refusedBeside: Record<string, string>[] = [secret, { KEY_VAULT_URL: 'https://vault.example.net' }, { MIRROR_CONNECTION: 'Server=tcp:sql.example,1433;Database=mirror' }];
    for (const env of refusedBeside) {
      const refused = () => testApp({ ...env, DEMO_MODE: 'on' });
      expect(refused).toThrow(DemoModeRefused);
      expect(refused).toThrow(Object.keys(env).join(', '));
    }
  });
});

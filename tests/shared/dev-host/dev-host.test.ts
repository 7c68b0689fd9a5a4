import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../../shared/config';
import { createApp } from '../../../shared/composition/create-app';
import type { PortalDatabase } from '../../../shared/db/portal-database';
import type { MirrorDatabase } from '../../../shared/db/schema/mirror-tables';
import { describeDevHost } from '../../../shared/dev-host/describe-dev-host';
import { DemoModeRefused, demoMode, demoSellerName, devHostSettings } from '../../../shared/dev-host/demo-mode';
import { startDevHost, type DemoStorefrontFactory, type DevHost } from '../../../shared/dev-host/dev-host';
import { createTestMirror } from '../../helpers/databases';
import { rawExchange, rawStatusBeforeBody } from './raw-http';
import { loadPortalFixture } from '../../functions/helpers/portal-fixture';
import { customerRow, orderRows } from './showcase-fixture';

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
    const login = await fetch(`${host.url}/demo/login?erp=C00002`, { redirect: 'manual' });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/storefront/');
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

  it('reads the request target as a path only: `//localhost/…` or an absolute URL cannot stand in for the Host header', async () => {
    const clientId = host.settings.BC_CLIENT_ID as string;
    const login = await fetch(`${host.url}/demo/login?erp=C00002`, { redirect: 'manual' });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const apiKey = host.settings.PORTAL_API_KEYS[0] as string;
    const mint = `/customer/current.jwt?app_client_id=${clientId}`;
    for (const target of [`//localhost${mint}`, `//127.0.0.1/api/v1/me`, `//localhost/api/v1/orders?customer=C00001`]) {
      const answer = await rawExchange(host.url, `GET ${target} HTTP/1.1\r\nHost: evil.example\r\nCookie: ${cookie}\r\nx-api-key: ${apiKey}`);
      expect(answer.status, target).toBe(421);
      expect(answer.text).not.toMatch(/eyJ|"orders"/);
    }
    for (const target of [`http://localhost${mint}`, `http://localhost:1/api/v1/openapi.json`]) {
      const answer = await rawExchange(host.url, `GET ${target} HTTP/1.1\r\nHost: evil.example\r\nCookie: ${cookie}`);
      expect(answer.status, target).toBe(400);
      expect(answer.text).not.toContain('eyJ');
    }
    const allowed = await rawExchange(host.url, `GET ${mint} HTTP/1.1\r\nHost: localhost\r\nCookie: ${cookie}`);
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain('eyJ');
  });

  it('sends X-Content-Type-Options: nosniff on every answer, errors and preflights included', async () => {
    const key = { 'x-api-key': host.settings.PORTAL_API_KEYS[0] as string };
    const requests: [string, RequestInit][] = [
      ['/api/v1/orders?customer=C00001', { headers: key }],
      ['/api/v1/orders?customer=C00001&format=csv', { headers: key }],
      ['/api/v1/orders/1001/pdf?customer=C00001', { headers: key }],
      ['/api/v1/orders', {}],
      ['/api/v1/orders?customer=%00', { headers: key }],
      ['/api/v1/orders', { method: 'OPTIONS', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' } }],
      ['/api/v1/health', {}],
      ['/api/v1/nope', {}],
      ['/elsewhere', {}],
      ['/demo/login?erp=C00001', { redirect: 'manual' }],
    ];
    for (const [path, init] of requests) {
      const response = await fetch(`${host.url}${path}`, init);
      expect(response.headers.get('x-content-type-options'), `${init.method ?? 'GET'} ${path} (${response.status})`).toBe('nosniff');
      await response.arrayBuffer();
    }
    expect((await rawExchange(host.url, 'GET /api/v1/health HTTP/1.1\r\nHost: evil.example')).text).toMatch(/^X-Content-Type-Options: nosniff\r$/im);
  });

  it('prints only keys it generated: a configured API or admin key stays a placeholder', () => {
    const configuredKey = 'configured-key-0123456789abcdef0123456789';
    const configuredAdmin = 'configured-admin-0123456789abcdef012345';
    const env = { PORTAL_API_KEYS: configuredKey, PORTAL_ADMIN_KEYS: configuredAdmin };
    for (const settings of [devHostSettings(loadSettings({ ...env, DEMO_MODE: 'on' }), () => undefined), devHostSettings(loadSettings({ ...env, DEMO_MODE: 'off' }), () => undefined)]) {
      const text = describeDevHost({ ...host, settings, demo: settings.DEMO_MODE === 'on' });
      expect(text).not.toContain(configuredKey);
      expect(text).not.toContain(configuredAdmin);
      expect(text).toContain('x-api-key: <one of PORTAL_API_KEYS>');
    }
    expect(describeDevHost(host)).toContain(`Demo admin key:    ${host.settings.PORTAL_ADMIN_KEYS[0] as string}`);
  });

  it('answers a huge body without reading it first: 401 unauthenticated, 413 naming the limit once authenticated', async () => {
    const declared = 300 * 1024 * 1024;
    const post = (headers: string) => `POST /api/v1/sync/run HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${declared}${headers}`;
    expect((await rawStatusBeforeBody(host.url, post(''), '{"x":')).status).toBe(401);
    expect((await rawStatusBeforeBody(host.url, post(`\r\nx-api-key: ${host.settings.PORTAL_API_KEYS[0] as string}`), '{"x":')).status).toBe(403);
    const admin = `\r\nx-api-key: ${host.settings.PORTAL_ADMIN_KEYS[0] as string}`;
    expect((await rawStatusBeforeBody(host.url, post(admin), '{"x":')).status).toBe(413);
    // Chunked, no declared length: read until one byte past the limit, then refused.
    const chunk = 'x'.repeat(16 * 1024);
    const chunked = `POST /api/v1/sync/run HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked${admin}`;
    const body = `${(16 * 1024).toString(16)}\r\n${chunk}\r\n`.repeat(5);
    const refused = await rawStatusBeforeBody(host.url, chunked, body);
    expect(refused.status).toBe(413);
    const after = await fetch(`${host.url}/api/v1/openapi.json`);
    expect(after.status).toBe(200);
  });

  it('answers 400, not 500, to a malformed Host header or demo cookie', async () => {
    const clientId = host.settings.BC_CLIENT_ID as string;
    for (const hostHeader of ['exa mple', 'localhost:99999', 'localhost/evil', 'user@localhost']) {
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
    const refusedBeside: Record<string, string>[] = [
      secret,
      { KEY_VAULT_URL: 'https://vault.example.net' },
      { MIRROR_CONNECTION: 'Server=tcp:sql.example,1433;Database=mirror' },
      // A real queue: a demo POST /sync/run would send a signed message to it.
      { AzureWebJobsStorage: 'DefaultEndpointsProtocol=https;AccountName=prodstore;AccountKey=a2V5;EndpointSuffix=core.windows.net' },
      { AzureWebJobsStorage__accountName: 'prodstore' },
      { AzureWebJobsStorage__queueServiceUri: 'https://prodstore.queue.core.windows.net' },
      { APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/' },
    ];
    for (const env of refusedBeside) {
      const refused = () => testApp({ ...env, DEMO_MODE: 'on' });
      expect(refused).toThrow(DemoModeRefused);
      expect(refused).toThrow(Object.keys(env).join(', '));
    }
    // Azurite is local: the shortcut and its documented devstoreaccount1 account leave demo mode on.
    for (const AzureWebJobsStorage of ['UseDevelopmentStorage=true', 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;']) {
      expect(demoMode(loadSettings({ AzureWebJobsStorage, DEMO_MODE: 'on' })).demo).toBe(true);
    }
  });
});

describe('the first screen of npm start (demo mode)', () => {
  it('prints examples for a customer with orders, invoices and quotes, offers it first in the storefront, and logs in onto /storefront/', async () => {
    // C00001–C00009 have one order each and no quote; C00010 has invoices and a quote and sorts after
    // the eight login choices the demo page would otherwise take by BigCommerce id.
    const showcase = await createTestMirror();
    const numbers = Array.from({ length: 10 }, (_, i) => `C${String(i + 1).padStart(5, '0')}`);
    await showcase.db.insertInto('customer').values(numbers.map((n) => customerRow(n, true))).execute();
    await showcase.db
      .insertInto('ord_hedr')
      .values([...numbers.slice(0, 9).flatMap((n, i) => orderRows(n, 1000 * (i + 1), { orders: 1, invoiced: 1, quotes: 0 })), ...orderRows('C00010', 10_000, { orders: 3, invoiced: 2, quotes: 1 })])
      .execute();
    let offered: Parameters<DemoStorefrontFactory>[0] | undefined;
    const storefront: DemoStorefrontFactory = (options) => {
      offered = options;
      return async () => undefined;
    };
    const app = createApp(devHostSettings(loadSettings({ DEMO_MODE: 'on' }), () => undefined), { mirror: showcase, erp: () => Promise.reject(new Error('no ERP in this test')) });
    const demoHost = await startDevHost({ port: 0, app, storefront });
    try {
      expect(demoHost.exampleCustomer).toBe('C00010');
      const printed = describeDevHost(demoHost);
      expect(printed).toContain('/api/v1/orders?customer=C00010"');
      expect(printed).toContain('/demo/login?erp=C00010');
      const choices = await offered!.customers();
      expect(choices.map((c) => c.custNo)).toEqual(['C00010', ...numbers.slice(0, 7)]);
      const login = await fetch(`${demoHost.url}/demo/login?erp=C00010`);
      expect(login.url).toBe(`${demoHost.url}/storefront/`);
    } finally {
      await demoHost.close();
      await showcase.close();
    }
  });
});


import './helpers/record-routes-only';
import type { AppEndpoint } from '../../shared/composition/app-routes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerGet } from '../../functions/customer-get';
import { invoiceGet } from '../../functions/invoice-get';
import { invoicePdf } from '../../functions/invoice-pdf';
import { invoicesList } from '../../functions/invoices-list';
import { orderGet } from '../../functions/order-get';
import { orderPdf } from '../../functions/order-pdf';
import { ordersList } from '../../functions/orders-list';
import { productsList } from '../../functions/products-list';
import { quoteGet } from '../../functions/quote-get';
import { quotePdf } from '../../functions/quote-pdf';
import { quotesList } from '../../functions/quotes-list';
import { shipmentsList } from '../../functions/shipments-list';
import { syncRun } from '../../functions/sync-run';
import { syncStatus } from '../../functions/sync-status';
import type { PortalDatabase } from '../../shared/db/portal-database';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import type { SyncRequestMessage } from '../../shared/sync/sync-requests';
import { createTestMirror } from '../helpers/databases';
import { adminKey, customerToken, secondApiKey, invoke, useTestApi, withKey, withToken, type Answer } from './helpers/invoke';
import { invoiceOf, links } from './helpers/portal-fixture';
import { loadPortalFixture } from './helpers/portal-fixture';

let mirror: PortalDatabase<MirrorDatabase>;
/** The queue port, recording: the request service and sync_run are the real ones. */
const queued: SyncRequestMessage[] = [];
const syncQueue = { send: async (message: SyncRequestMessage) => void queued.push(message) };

beforeAll(async () => {
  mirror = await createTestMirror();
  await loadPortalFixture(mirror.db);
  useTestApi(mirror, { overrides: { syncQueue } });
});

afterAll(async () => {
  await mirror.close();
});

/** Each customer's quote in the fixture (portal-fixture.ts). */
const quoteOf: Readonly<Record<string, number>> = { C00001: 1101, C00002: 2004, C00003: 3004 };

/** Every way a token holder could name another customer's data. */
function probes(victim: string, orderNo: number): [string, AppEndpoint, string, Record<string, string>][] {
  const invoice = String(invoiceOf(orderNo));
  const quote = String(quoteOf[victim] ?? 999_999);
  return [
    ['customer record', customerGet, `v1/customers/${victim}`, { erpId: victim }],
    ['orders list', ordersList, `v1/orders?customer=${victim}`, {}],
    ['order detail', orderGet, `v1/orders/${orderNo}`, { orderId: String(orderNo) }],
    ['order detail naming the owner', orderGet, `v1/orders/${orderNo}?customer=${victim}`, { orderId: String(orderNo) }],
    ['invoices list', invoicesList, `v1/invoices?customer=${victim}`, {}],
    ['invoice detail', invoiceGet, `v1/invoices/${invoice}`, { invoiceNo: invoice }],
    ['shipments list', shipmentsList, `v1/shipments?customer=${victim}`, {}],
    ['quotes list', quotesList, `v1/quotes?customer=${victim}`, {}],
    ['csv export', ordersList, `v1/orders?customer=${victim}&format=csv`, {}],
    ['orders by item', ordersList, `v1/orders?customer=${victim}&item=WIDGET-1`, {}],
    ['products list', productsList, `v1/products?customer=${victim}`, {}],
    ['products search', productsList, `v1/products?customer=${victim}&q=widget`, {}],
    ['products csv', productsList, `v1/products?customer=${victim}&format=csv`, {}],
    ['order pdf', orderPdf, `v1/orders/${orderNo}/pdf`, { orderId: String(orderNo) }],
    ['order pdf naming the owner', orderPdf, `v1/orders/${orderNo}/pdf?customer=${victim}`, { orderId: String(orderNo) }],
    ['invoice pdf', invoicePdf, `v1/invoices/${invoice}/pdf`, { invoiceNo: invoice }],
    ['quote detail', quoteGet, `v1/quotes/${quote}`, { quoteNo: quote }],
    ['quote detail naming the owner', quoteGet, `v1/quotes/${quote}?customer=${victim}`, { quoteNo: quote }],
    ['quote pdf', quotePdf, `v1/quotes/${quote}/pdf`, { quoteNo: quote }],
    ['quote pdf naming the owner', quotePdf, `v1/quotes/${quote}/pdf?customer=${victim}`, { quoteNo: quote }],
  ];
}

const notFoundShape = (answer: Answer) => ({ status: answer.status, code: answer.json?.error?.code, keys: Object.keys(answer.json ?? {}) });

describe('customer isolation', () => {
  const pairs: [string, string, number][] = [
    ['C00001', 'C00002', 2001],
    ['C00002', 'C00001', 1001],
    ['C00003', 'C00002', 2002],
    ['C00002', 'C00003', 3001],
  ];

  it.each(pairs)('a token for %s never reads %s', async (holder, victim, orderNo) => {
    const token = await customerToken(links[holder] as number);
    for (const [what, handler, path, params] of probes(victim, orderNo)) {
      const answer = await invoke(handler, path, { headers: withToken(token), params });
      expect(answer.status, what).toBe(404);
      expect(answer.body, what).not.toContain(victim);
      expect(answer.json.data, what).toBeUndefined();
      // Identical to a resource that does not exist at all.
      const [, , missingPath, missingParams] = probes('ZZ9999', 999_999).find(([w]) => w === what) ?? [];
      const missing = await invoke(handler, (missingPath as string).replace('ZZ9999', 'Q99999'), { headers: withToken(token), params: missingParams as Record<string, string> });
      expect(notFoundShape(answer), what).toEqual(notFoundShape(missing));
      expect(answer.json.error.message, what).toBe(missing.json.error.message);
    }
  });

  it('the same token reads its own data (case-insensitive customer parameter)', async () => {
    const token = await customerToken(links.C00002 as number);
    const own = await invoke(ordersList, 'v1/orders?customer=c00002', { headers: withToken(token) });
    expect(own.status).toBe(200);
    expect(own.json.data.pagination.total).toBe(3);
    const detail = await invoke(orderGet, 'v1/orders/2001', { headers: withToken(token), params: { orderId: '2001' } });
    expect(detail.status).toBe(200);
  });
});

describe('storefront JWT verification', () => {
  const bcId = links.C00001 as number;
  const cases: [string, () => Promise<string>][] = [
    ['wrong secret', () => customerToken(bcId, { secret: 'another-secret-0123456789abcdef0123' })],
    ['wrong audience', () => customerToken(bcId, { claims: { aud: 'other-client' } })],
    ['wrong issuer', () => customerToken(bcId, { claims: { iss: 'someone' } })],
    ['wrong store', () => customerToken(bcId, { claims: { store_hash: 'store2' } })],
    ['wrong operation', () => customerToken(bcId, { claims: { operation: 'something_else' } })],
    ['expired', () => customerToken(bcId, { expiresIn: -120 })],
    ['not yet valid', () => customerToken(bcId, { notBefore: 600 })],
    // BigCommerce's tokens live 15 minutes: an older `iat` means a lifetime BigCommerce never issues.
    ['issued 20 minutes ago, still unexpired', () => customerToken(bcId, { issuedAt: -20 * 60, expiresIn: 600 })],
    ['issued in the future beyond the skew', () => customerToken(bcId, { issuedAt: 300 })],
    ['no customer id', () => customerToken(bcId, { claims: { customer: { email: 'x@example.com' } } })],
    // Signed with the right secret, but an id customer_link's int column cannot hold (was a 500).
    ['customer id beyond int32', () => customerToken(bcId, { claims: { customer: { id: 2 ** 31 } } })],
    [
      'alg none',
      async () => {
        const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const now = Math.floor(Date.now() / 1000);
        const payload = { iss: 'bc/apps', aud: 'client-abc', operation: 'current_customer', store_hash: 'store1', customer: { id: bcId }, iat: now, exp: now + 600 };
        return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
      },
    ],
    ['malformed', async () => 'abc.def.ghi'],
  ];

  it.each(cases)('%s → 401', async (_name, token) => {
    const answer = await invoke(ordersList, 'v1/orders', { headers: withToken(await token()) });
    expect(answer.status).toBe(401);
    expect(answer.json.error.code).toBe('UNAUTHORIZED');
  });

  it('accepts HS512, a slightly expired token and a 15-minute-old one within the clock skew', async () => {
    const tokens = [
      await customerToken(bcId, { alg: 'HS512' }),
      await customerToken(bcId, { expiresIn: -10 }),
      await customerToken(bcId, { issuedAt: -15 * 60, expiresIn: 0 }),
    ];
    for (const token of tokens) {
      expect((await invoke(ordersList, 'v1/orders', { headers: withToken(token) })).status).toBe(200);
    }
  });
});

describe('admin sync endpoints', () => {
  it('status and run need an admin key', async () => {
    const token = await customerToken(links.C00001 as number);
    for (const handler of [syncStatus, syncRun]) {
      const method = handler === syncRun ? 'POST' : 'GET';
      expect((await invoke(handler, 'v1/sync/status', { method })).status).toBe(401);
      expect((await invoke(handler, 'v1/sync/status', { method, headers: withKey() })).status).toBe(403);
      expect((await invoke(handler, 'v1/sync/status', { method, headers: withToken(token) })).status).toBe(403);
    }
    const status = await invoke(syncStatus, 'v1/sync/status', { headers: withKey(adminKey) });
    expect(status.json).toEqual({ success: true, data: { lastSuccessAt: null, runs: [], checkpoints: [] } });
  });

  it('run queues a request (202 with its id); a second POST coalesces onto it while it waits', async () => {
    const first = await invoke(syncRun, 'v1/sync/run', { method: 'POST', headers: withKey(adminKey) });
    expect(first.status).toBe(202);
    expect(first.json.data).toEqual({ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'queued', coalesced: false });
    const requestId = first.json.data.requestId as string;
    expect(queued).toEqual([{ requestId }]);
    const second = await invoke(syncRun, 'v1/sync/run', { method: 'POST', headers: withKey(adminKey) });
    expect(second.status).toBe(202);
    expect(second.json.data).toEqual({ requestId, status: 'queued', coalesced: true });
    expect(queued).toHaveLength(1);
    const status = await invoke(syncStatus, 'v1/sync/status', { headers: withKey(adminKey) });
    expect(status.json.data.runs).toEqual([expect.objectContaining({ runId: requestId, trigger: 'api', status: 'queued', finishedAt: null })]);
  });
});

describe('rate limiting', () => {
  it('429 with Retry-After once the caller’s bucket is empty', async () => {
    const now = 1_000_000;
    useTestApi(mirror, { env: { RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_MINUTE: '60' }, now: () => now });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await invoke(ordersList, 'v1/orders?customer=C00001', { headers: withKey() })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await invoke(ordersList, 'v1/orders?customer=C00001', { headers: withKey() });
      expect(limited.headers.get('retry-after')).toBe('1');
      expect(limited.json.error.code).toBe('RATE_LIMITED');
      // Another caller has its own bucket.
      expect((await invoke(ordersList, 'v1/orders?customer=C00001', { headers: withKey(secondApiKey) })).status).toBe(200);
    } finally {
      useTestApi(mirror, { overrides: { syncQueue } });
    }
  });
});

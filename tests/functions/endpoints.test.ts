import './helpers/record-routes-only';
import type { AppEndpoint } from '../../shared/composition/app-routes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerGet } from '../../functions/customer-get';
import { healthGet } from '../../functions/health-get';
import { invoiceGet } from '../../functions/invoice-get';
import { invoicesList } from '../../functions/invoices-list';
import { meGet } from '../../functions/me-get';
import { notFoundHandler } from '../../functions/zz-not-found';
import { openapiGet } from '../../functions/openapi-get';
import { orderGet } from '../../functions/order-get';
import { ordersList } from '../../functions/orders-list';
import { productsList } from '../../functions/products-list';
import { quotesList } from '../../functions/quotes-list';
import { shipmentsList } from '../../functions/shipments-list';
import type { PortalDatabase } from '../../shared/db/portal-database';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { createTestMirror } from '../helpers/databases';
import { adminKey, allowedOrigin, customerToken, invoke, useTestApi, withKey, withToken } from './helpers/invoke';
import { invoiceOf, links, loadPortalFixture, unlinkedBcId } from './helpers/portal-fixture';

let mirror: PortalDatabase<MirrorDatabase>;

beforeAll(async () => {
  mirror = await createTestMirror();
  await loadPortalFixture(mirror.db);
  await mirror.db
    .insertInto('sync_run')
    .values({ run_id: 'r1', triggered_by: 'timer', status: 'succeeded', started_at: new Date(Date.now() - 120_000), finished_at: new Date(Date.now() - 60_000), summary: null, error: null })
    .execute();
  useTestApi(mirror);
});

afterAll(async () => {
  await mirror.close();
});

const key = { headers: withKey() };

describe('GET /v1/orders', () => {
  it('answers the first page in the envelope, newest first, camelCase and trimmed', async () => {
    const answer = await invoke(ordersList, 'v1/orders?customer=C00001', key);
    expect(answer.status).toBe(200);
    expect(answer.json.success).toBe(true);
    expect(answer.json.data.pagination).toEqual({ page: 1, pageSize: 20, total: 25 });
    const orders = answer.json.data.orders;
    expect(orders).toHaveLength(20);
    expect(orders[0].orderId).toBe(1025);
    expect(orders.map((o: { orderId: number }) => o.orderId)).not.toContain(1101);
    const first = orders.find((o: { orderId: number }) => o.orderId === 1021);
    expect(first).toMatchObject({ customerId: 'C00001', buyer: 'Pat Buyer', shipVia: 'UPS', status: 'Open', statusCode: 'O', subtotal: '21.19', freight: '5.00', tax: '1.10', total: '27.29', lineCount: 2 });
    expect(first.orderDate).toBe('2025-05-21T00:00:00.000Z');
    expect(orders.find((o: { orderId: number }) => o.orderId === 1024).status).toBe('X');
    expect(orders.find((o: { orderId: number }) => o.orderId === 1023).status).toBe('Void');
  });

  it('pages: last partial page and a page beyond the end', async () => {
    const last = await invoke(ordersList, 'v1/orders?customer=C00001&page=3&pageSize=10', key);
    expect(last.json.data.orders).toHaveLength(5);
    expect(last.json.data.pagination).toEqual({ page: 3, pageSize: 10, total: 25 });
    const beyond = await invoke(ordersList, 'v1/orders?customer=C00001&page=9', key);
    expect(beyond.status).toBe(200);
    expect(beyond.json.data).toEqual({ orders: [], pagination: { page: 9, pageSize: 20, total: 25 } });
  });

  it.each([
    ['pageSize=0', 'pageSize'],
    ['pageSize=101', 'pageSize'],
    ['pageSize=abc', 'pageSize'],
    ['page=0', 'page'],
    ['page=1.5', 'page'],
    ['from=2025-13-01', 'from'],
    ['from=2025-03-01&to=2025-02-01', 'to'],
    ['status=open-ish', 'status'],
    ['format=xml', 'format'],
  ])('rejects %s naming %s', async (query, field) => {
    const answer = await invoke(ordersList, `v1/orders?customer=C00001&${query}`, key);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ success: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining(field) } });
  });

  it('refuses control characters in customer numbers and PO text with 400, not a database error', async () => {
    const cases: [AppEndpoint, string, Record<string, string>, string][] = [
      [ordersList, 'v1/orders?customer=C%000001', {}, 'customer: must be an ERP customer number'],
      [ordersList, 'v1/orders?customer=C00001&po=PO%00', {}, 'po: must not contain control characters'],
      [orderGet, 'v1/orders/1001?customer=%00', { orderId: '1001' }, 'customer: must be an ERP customer number'],
      [customerGet, 'v1/customers/C%0001', { erpId: 'C\u000001' }, 'erpId: must be an ERP customer number'],
    ];
    for (const [handler, path, params, message] of cases) {
      const answer = await invoke(handler, path, { ...key, params });
      expect(answer.status, path).toBe(400);
      expect(answer.json.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringContaining(message) });
    }
  });

  it('treats dates beyond what a datetime column holds as no bound (or the range edge), not a database error', async () => {
    const all = await invoke(ordersList, 'v1/orders?customer=C00001', key);
    for (const range of ['from=0000-01-01', 'to=9999-12-31', 'from=0001-01-01&to=9999-12-31']) {
      const answer = await invoke(ordersList, `v1/orders?customer=C00001&${range}`, key);
      expect(answer.status, range).toBe(200);
      expect(answer.json.data.pagination, range).toEqual(all.json.data.pagination);
    }
    const before = await invoke(shipmentsList, 'v1/shipments?customer=C00001&to=0000-06-01', key);
    expect(before.status).toBe(200);
    expect(before.json.data.pagination.total).toBe(0);
  });

  it.each([
    ['orders', 'status=X', 'status', ordersList],
    ['orders', 'status=x', 'status', ordersList],
    ['quotes', 'status=H', 'status', quotesList],
    ['orders', 'format=xml', 'format', ordersList],
    ['quotes', 'format=pdf', 'format', quotesList],
    ['shipments', 'format=xml', 'format', shipmentsList],
    ['invoices', 'format=xml', 'format', invoicesList],
    ['products', 'format=xml', 'format', productsList],
  ] as const)('GET /v1/%s refuses the unknown enum value %s, naming %s', async (list, query, field, handler) => {
    const answer = await invoke(handler, `v1/${list}?customer=C00001&${query}`, key);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringContaining(`${field}: must be one of`) });
  });

  it.each([
    ['orders', ordersList],
    ['quotes', quotesList],
    ['shipments', shipmentsList],
    ['invoices', invoicesList],
    ['products', productsList],
  ] as const)('GET /v1/%s refuses a repeated scope (customer=A&customer=B) rather than take the first', async (list, handler) => {
    for (const query of ['customer=C00001&customer=C00002', 'customer=C00001&customer=C00001', 'customer=C00001&page=1&page=2']) {
      const answer = await invoke(handler, `v1/${list}?${query}`, key);
      expect(answer.status, query).toBe(400);
      const field = query.includes('page=2') ? 'page' : 'customer';
      expect(answer.json.error, query).toEqual({ code: 'VALIDATION_FAILED', message: `Invalid parameters: ${field}: must be given once.` });
    }
  });

  it('ignores a parameter the endpoint does not take, however often it comes', async () => {
    const answer = await invoke(ordersList, 'v1/orders?customer=C00001&sort=a&sort=b', key);
    expect(answer.status).toBe(200);
  });

  it('refuses a repeated customer on the detail endpoints too', async () => {
    const answer = await invoke(orderGet, 'v1/orders/1001?customer=C00001&customer=C00002', { ...key, params: { orderId: '1001' } });
    expect(answer.status).toBe(400);
    expect(answer.json.error.message).toBe('Invalid parameters: customer: must be given once.');
  });

  it('needs a customer with an API key', async () => {
    const answer = await invoke(ordersList, 'v1/orders', key);
    expect(answer.status).toBe(400);
    expect(answer.json.error.message).toContain('customer');
  });

  it('filters by status (code or label), date range and PO', async () => {
    const open = await invoke(ordersList, 'v1/orders?customer=C00001&status=open', key);
    expect(open.json.data.pagination.total).toBe(7);
    expect(open.json.data.orders.every((o: { statusCode: string }) => o.statusCode === 'O')).toBe(true);
    const ranged = await invoke(ordersList, 'v1/orders?customer=C00001&from=2025-01-08&to=2025-01-15', key);
    expect(ranged.json.data.orders.map((o: { orderId: number }) => o.orderId)).toEqual([1003, 1002]);
    const po = await invoke(ordersList, 'v1/orders?customer=C00001&po=po-101', key);
    expect(po.json.data.orders.map((o: { orderId: number }) => o.orderId).sort()).toEqual([1011, 1012, 1013, 1014, 1015, 1016, 1017, 1018, 1019, 1020]);
    const wildcard = await invoke(ordersList, 'v1/orders?customer=C00001&po=%25', key);
    expect(wildcard.json.data.pagination.total).toBe(0);
  });

  it('answers CSV for Accept: text/csv and format=csv, escaped and formula-safe', async () => {
    for (const request of [{ headers: { ...withKey(), accept: 'text/csv' } }, { headers: withKey(), query: '&format=csv' }]) {
      const answer = await invoke(ordersList, `v1/orders?customer=C00001${request.query ?? ''}`, { headers: request.headers });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toContain('text/csv');
      expect(answer.headers.get('content-disposition')).toBe('attachment; filename="orders-C00001.csv"');
      const rows = answer.body.trimEnd().split('\r\n');
      expect(rows).toHaveLength(26);
      expect(rows[0]).toMatch(/^orderId,orderType,orderDate,/);
      expect(answer.body).toContain(`"'=HYPERLINK(""x"")"`);
      expect(answer.body).toContain('"po, ""quoted"""');
    }
  });

  it('ETag and If-None-Match give 304 with Cache-Control: private', async () => {
    const first = await invoke(ordersList, 'v1/orders?customer=C00002', key);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(first.headers.get('cache-control')).toBe('private');
    const again = await invoke(ordersList, 'v1/orders?customer=C00002', { headers: { ...withKey(), 'if-none-match': etag as string } });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('401 without credentials, with an unknown key, or a malformed Authorization', async () => {
    for (const headers of [{}, withKey('nope'), { authorization: 'Basic abc' }, withToken('not.a.jwt')]) {
      const answer = await invoke(ordersList, 'v1/orders?customer=C00001', { headers });
      expect(answer.status).toBe(401);
      expect(answer.json.error.code).toBe('UNAUTHORIZED');
    }
  });

  it('403 for an admin key and for a token with no linked ERP account', async () => {
    const admin = await invoke(ordersList, 'v1/orders?customer=C00001', { headers: withKey(adminKey) });
    expect(admin.status).toBe(403);
    const unlinked = await invoke(ordersList, 'v1/orders', { headers: withToken(await customerToken(unlinkedBcId)) });
    expect(unlinked.status).toBe(403);
    expect(unlinked.json.error).toEqual({ code: 'FORBIDDEN', message: expect.stringContaining('No ERP account linked') });
  });

  it('a storefront token defaults to its own customer', async () => {
    const answer = await invoke(ordersList, 'v1/orders', { headers: withToken(await customerToken(links.C00002 as number)) });
    expect(answer.json.data.orders.map((o: { orderId: number }) => o.orderId)).toEqual([2003, 2002, 2001]);
  });
});

describe('CORS', () => {
  it('allows a preflight from an allowed origin', async () => {
    const answer = await invoke(ordersList, 'v1/orders', {
      method: 'OPTIONS',
      headers: { origin: allowedOrigin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
    expect(answer.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(answer.headers.get('vary')).toContain('Origin');
  });

  it('denies a preflight from another origin', async () => {
    const answer = await invoke(ordersList, 'v1/orders', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('echoes only allowed origins on responses', async () => {
    const allowed = await invoke(ordersList, 'v1/orders?customer=C00003', { headers: { ...withKey(), origin: allowedOrigin } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
    expect(allowed.headers.get('vary')).toContain('Origin');
    const other = await invoke(ordersList, 'v1/orders?customer=C00003', { headers: { ...withKey(), origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('detail and other lists', () => {
  it('GET /v1/orders/{orderId}: lines and totals; quotes and unknown ids are 404', async () => {
    const answer = await invoke(orderGet, 'v1/orders/1004?customer=C00001', { ...key, params: { orderId: '1004' } });
    expect(answer.status).toBe(200);
    expect(answer.json.data).toMatchObject({ orderId: 1004, subtotal: '21.19', shippedValue: '20.53', total: '27.29' });
    expect(answer.json.data.lines).toEqual([
      expect.objectContaining({ lineNo: 1, itemNo: 'WIDGET-1', description: 'Widget', quantityOrdered: 2, quantityShipped: 2, unitPrice: '10.1000' }),
      expect.objectContaining({ lineNo: 2, itemNo: 'BOLT-7', description: 'Bolt, 7mm', quantityShipped: 1 }),
    ]);
    for (const id of ['1101', '999999']) {
      const missing = await invoke(orderGet, `v1/orders/${id}?customer=C00001`, { ...key, params: { orderId: id } });
      expect(missing.status).toBe(404);
      expect(missing.json).toEqual({ success: false, error: { code: 'NOT_FOUND', message: 'Order not found.' } });
    }
    const bad = await invoke(orderGet, 'v1/orders/abc?customer=C00001', { ...key, params: { orderId: 'abc' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('orderId');
  });

  it('GET /v1/customers/{erpId}', async () => {
    const answer = await invoke(customerGet, 'v1/customers/C00001', { ...key, params: { erpId: 'C00001' } });
    expect(answer.json.data).toEqual({ erpId: 'C00001', name: 'Customer 1', address1: '1 Main St', city: 'Springfield', state: 'IL', zip: '62701', phone: null, active: true });
    const missing = await invoke(customerGet, 'v1/customers/ZZZ', { ...key, params: { erpId: 'ZZZ' } });
    expect(missing.status).toBe(404);
  });

  it('GET /v1/shipments: shipped orders with quantities, ship-date filter', async () => {
    const answer = await invoke(shipmentsList, 'v1/shipments?customer=C00001&pageSize=100', key);
    expect(answer.json.data.pagination.total).toBe(9);
    expect(answer.json.data.shipments[0]).toMatchObject({ orderId: 1025, quantityOrdered: 5, quantityShipped: 3, shippedValue: '20.53', complete: false });
    const ranged = await invoke(shipmentsList, 'v1/shipments?customer=C00001&from=2025-01-03&to=2025-01-03', key);
    expect(ranged.json.data.shipments.map((s: { orderId: number }) => s.orderId)).toEqual([1001]);
  });

  it('GET /v1/invoices and /v1/invoices/{invoiceNo}', async () => {
    const list = await invoke(invoicesList, 'v1/invoices?customer=C00001', key);
    expect(list.json.data.pagination.total).toBe(5);
    expect(list.json.data.invoices[0]).toMatchObject({ invoiceNo: invoiceOf(1021), orderId: 1021, total: '27.29' });
    const id = String(invoiceOf(1006));
    const detail = await invoke(invoiceGet, `v1/invoices/${id}?customer=C00001`, { ...key, params: { invoiceNo: id } });
    expect(detail.json.data).toMatchObject({ invoiceNo: invoiceOf(1006), customerId: 'C00001', totals: { subtotal: '21.19', freight: '5.00', tax: '1.10', total: '27.29' } });
    expect(detail.json.data.lines).toHaveLength(2);
    const quoteInvoice = String(invoiceOf(1101));
    const quote = await invoke(invoiceGet, `v1/invoices/${quoteInvoice}?customer=C00001`, { ...key, params: { invoiceNo: quoteInvoice } });
    expect(quote.status).toBe(404);
  });

  it('GET /v1/quotes lists only quotes; status filter applies', async () => {
    const answer = await invoke(quotesList, 'v1/quotes?customer=C00001', key);
    expect(answer.json.data.quotes.map((q: { orderId: number }) => q.orderId)).toEqual([1103, 1102, 1101]);
    const none = await invoke(quotesList, 'v1/quotes?customer=C00001&status=C', key);
    expect(none.json.data.pagination.total).toBe(0);
    const csv = await invoke(quotesList, 'v1/quotes?customer=C00001&format=csv', key);
    expect(csv.body.trimEnd().split('\r\n')).toHaveLength(4);
  });

  it('GET /v1/me: the token’s customer; API keys are refused', async () => {
    const me = await invoke(meGet, 'v1/me', { headers: withToken(await customerToken(links.C00003 as number)) });
    expect(me.json.data).toMatchObject({ erpId: 'C00003', bcCustomerId: 503 });
    const withApiKey = await invoke(meGet, 'v1/me', key);
    expect(withApiKey.status).toBe(403);
  });
});

describe('public endpoints', () => {
  it('GET /v1/health: mirror reachable and last sync age, nothing else', async () => {
    const answer = await invoke(healthGet, 'v1/health');
    expect(answer.status).toBe(200);
    expect(answer.json.data).toEqual({ status: 'ok', mirror: 'reachable', credentials: 'usable', lastSyncAgeSeconds: expect.any(Number) });
    expect(answer.json.data.lastSyncAgeSeconds).toBeGreaterThanOrEqual(59);
  });

  it('GET /v1/openapi.json is generated from the schemas', async () => {
    const answer = await invoke(openapiGet, 'v1/openapi.json');
    expect(answer.json.openapi).toBe('3.1.0');
    const orders = answer.json.paths['/v1/orders'].get;
    expect(orders.parameters.map((p: { name: string }) => p.name)).toEqual(['customer', 'page', 'pageSize', 'from', 'to', 'format', 'status', 'po', 'item']);
    expect(orders.parameters.find((p: { name: string }) => p.name === 'pageSize').schema).toMatchObject({ minimum: 1, maximum: 100, default: 20 });
    expect(Object.keys(answer.json.paths)).toEqual(expect.arrayContaining(['/v1/orders/{orderId}', '/v1/invoices/{invoiceNo}', '/v1/sync/run']));
  });

  it('unknown routes answer 404 in the envelope', async () => {
    const answer = await invoke(notFoundHandler, 'v1/nope', { params: { rest: 'nope' } });
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ success: false, error: { code: 'NOT_FOUND', message: 'Resource not found.' } });
  });
});

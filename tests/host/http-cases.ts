import { expect } from 'vitest';
import { customerToken, withKey, withToken } from '../functions/helpers/invoke';
import { pdfPages } from '../helpers/pdf-text';
import type { FakeBigCommerce } from '../shared/bigcommerce/fake-bigcommerce';
import { credentials, type MirrorFacts } from '../worker/worker-app';

export interface HttpCall {
  readonly method?: string;
  /** Path and query under the host's `api` prefix, e.g. `v1/orders?customer=C00001`. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The body's bytes as they arrived (a PDF must come through unchanged). */
  readonly bytes: Buffer;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly json: any;
}

/** An answer's body as text and, where it parses, as JSON. */
export function decodeBody(bytes: Buffer): { readonly body: string; readonly json: unknown } {
  const body = bytes.toString('utf8');
  try {
    return { body, json: body ? JSON.parse(body) : undefined };
  } catch {
    return { body, json: undefined };
  }
}

export interface SuiteContext {
  readonly facts: MirrorFacts;
  readonly bigCommerce: FakeBigCommerce;
  /** Sends the request meant for the named HTTP function, and checks that function answered it. */
  http(name: string, call: HttpCall): Promise<HttpAnswer>;
}

export interface HttpCase {
  readonly function: string;
  readonly kind: 'success' | 'refusal';
  readonly title: string;
  check(context: SuiteContext): Promise<void>;
}

const key = () => withKey(credentials.apiKey);
const admin = () => withKey(credentials.adminKey);
const shop = 'https://shop.example.com';
const preflight = (origin: string) => ({ method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } });

function expectError(answer: HttpAnswer, status: number, code: string, mentions = ''): void {
  expect(answer.status, answer.body).toBe(status);
  expect(answer.json).toEqual({ success: false, error: { code, message: expect.stringContaining(mentions) } });
}

function expectData(answer: HttpAnswer, status = 200) {
  expect(answer.status, answer.body).toBe(status);
  expect(answer.json.success, answer.body).toBe(true);
  return answer.json.data;
}

/** A whole PDF: the worker must pass binary bodies through unchanged (a UTF-8 round trip would break the xref offsets). */
function expectPdf(answer: HttpAnswer, filename: string): void {
  expect(answer.status, answer.body.slice(0, 300)).toBe(200);
  expect(answer.headers['content-type']).toBe('application/pdf');
  expect(answer.headers['content-disposition']).toContain(filename);
  expect(answer.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(answer.bytes.subarray(-6).toString('latin1')).toContain('%%EOF');
}

const success = (fn: string, title: string, check: HttpCase['check']): HttpCase => ({ function: fn, kind: 'success', title, check });
const refusal = (fn: string, title: string, check: HttpCase['check']): HttpCase => ({ function: fn, kind: 'refusal', title, check });

/** At least one success and one refusal per HTTP function, with the handler tests' expectations; sent through the real host. */
export const httpCases: readonly HttpCase[] = [
  success('health-get', 'mirror reachable, last sync age', async ({ http }) => {
    expect(expectData(await http('health-get', { path: 'v1/health' }))).toEqual({ status: 'ok', mirror: 'reachable', credentials: 'usable', lastSyncAgeSeconds: expect.any(Number) });
  }),
  refusal('health-get', 'preflight from another origin is 403', async ({ http }) => {
    expect((await http('health-get', { path: 'v1/health', ...preflight('https://evil.example') })).status).toBe(403);
  }),
  success('health-live', 'alive, without the mirror', async ({ http }) => {
    const answer = await http('health-live', { path: 'v1/health/live' });
    expect(answer.status, answer.body).toBe(200);
    expect(answer.json).toEqual({ success: true, data: { status: 'alive' } });
  }),
  refusal('health-live', 'preflight from another origin is 403', async ({ http }) => {
    expect((await http('health-live', { path: 'v1/health/live', ...preflight('https://evil.example') })).status).toBe(403);
  }),
  success('openapi-get', 'the generated document', async ({ http }) => {
    const answer = await http('openapi-get', { path: 'v1/openapi.json' });
    expect(answer.status).toBe(200);
    expect(answer.json.openapi).toBe('3.1.0');
  }),
  refusal('openapi-get', 'preflight from another origin is 403', async ({ http }) => {
    expect((await http('openapi-get', { path: 'v1/openapi.json', ...preflight('https://evil.example') })).status).toBe(403);
  }),
  success('zz-not-found', 'preflight from the storefront is allowed', async ({ http }) => {
    const answer = await http('zz-not-found', { path: 'v1/anything', ...preflight(shop) });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(shop);
  }),
  refusal('zz-not-found', 'unknown routes are 404 in the envelope', async ({ http }) => {
    expectError(await http('zz-not-found', { path: 'v1/nope' }), 404, 'NOT_FOUND', 'Resource not found.');
  }),
  success('customer-get', 'the customer record', async ({ http, facts }) => {
    expect(expectData(await http('customer-get', { path: `v1/customers/${facts.custNo}`, headers: key() }))).toMatchObject({ erpId: facts.custNo });
  }),
  refusal('customer-get', '401 without credentials', async ({ http, facts }) => {
    expectError(await http('customer-get', { path: `v1/customers/${facts.custNo}` }), 401, 'UNAUTHORIZED');
  }),
  success('orders-list', 'first page in the envelope', async ({ http, facts }) => {
    const data = expectData(await http('orders-list', { path: `v1/orders?customer=${facts.custNo}`, headers: key() }));
    expect(data.pagination).toMatchObject({ page: 1, pageSize: 20, total: expect.any(Number) });
    expect(data.orders.length).toBeGreaterThan(0);
  }),
  refusal('orders-list', 'pageSize=0 is 400 naming pageSize', async ({ http, facts }) => {
    expectError(await http('orders-list', { path: `v1/orders?customer=${facts.custNo}&pageSize=0`, headers: key() }), 400, 'VALIDATION_FAILED', 'pageSize');
  }),
  refusal('orders-list', 'an admin key is 403', async ({ http, facts }) => {
    expectError(await http('orders-list', { path: `v1/orders?customer=${facts.custNo}`, headers: admin() }), 403, 'FORBIDDEN');
  }),
  success('order-get', 'lines and totals', async ({ http, facts }) => {
    const data = expectData(await http('order-get', { path: `v1/orders/${facts.orderNo}?customer=${facts.custNo}`, headers: key() }));
    expect(data).toMatchObject({ orderId: facts.orderNo, lines: expect.any(Array), total: expect.any(String) });
  }),
  refusal('order-get', 'an unknown order is 404', async ({ http, facts }) => {
    expectError(await http('order-get', { path: `v1/orders/999999999?customer=${facts.custNo}`, headers: key() }), 404, 'NOT_FOUND', 'Order not found.');
  }),
  success('shipments-list', 'a page of shipments', async ({ http, facts }) => {
    expect(expectData(await http('shipments-list', { path: `v1/shipments?customer=${facts.custNo}`, headers: key() })).shipments).toEqual(expect.any(Array));
  }),
  refusal('shipments-list', 'an unknown key is 401', async ({ http, facts }) => {
    expectError(await http('shipments-list', { path: `v1/shipments?customer=${facts.custNo}`, headers: withKey('x'.repeat(40)) }), 401, 'UNAUTHORIZED');
  }),
  success('invoices-list', 'the linked customer’s invoices by storefront token', async ({ http, facts }) => {
    const data = expectData(await http('invoices-list', { path: 'v1/invoices?pageSize=100', headers: withToken(await customerToken(facts.bcCustomerId)) }));
    expect(data.invoices.map((i: { invoiceNo: number }) => i.invoiceNo)).toContain(facts.invoiceNo);
  }),
  refusal('invoices-list', 'a token with no linked ERP account is 403', async ({ http }) => {
    expectError(await http('invoices-list', { path: 'v1/invoices', headers: withToken(await customerToken(1)) }), 403, 'FORBIDDEN', 'No ERP account linked');
  }),
  success('invoice-get', 'one invoice with totals', async ({ http, facts }) => {
    const data = expectData(await http('invoice-get', { path: `v1/invoices/${facts.invoiceNo}?customer=${facts.custNo}`, headers: key() }));
    expect(data).toMatchObject({ invoiceNo: facts.invoiceNo, customerId: facts.custNo, totals: expect.any(Object) });
  }),
  refusal('invoice-get', 'a non-numeric invoice number is 400', async ({ http, facts }) => {
    expectError(await http('invoice-get', { path: `v1/invoices/abc?customer=${facts.custNo}`, headers: key() }), 400, 'VALIDATION_FAILED', 'invoiceNo');
  }),
  success('invoice-pdf', 'the invoice as a PDF whose bytes come through the worker intact', async ({ http, facts }) => {
    const answer = await http('invoice-pdf', { path: `v1/invoices/${facts.invoiceNo}/pdf?customer=${facts.custNo}`, headers: key() });
    expectPdf(answer, `invoice-${facts.invoiceNo}.pdf`);
    expect((await pdfPages(Uint8Array.from(answer.bytes))).flat().flat().join(' ')).toContain(String(facts.invoiceNo));
  }),
  refusal('invoice-pdf', 'an unknown invoice is 404 as on the detail endpoint', async ({ http, facts }) => {
    expectError(await http('invoice-pdf', { path: `v1/invoices/999999999/pdf?customer=${facts.custNo}`, headers: key() }), 404, 'NOT_FOUND');
  }),
  success('order-pdf', 'the order acknowledgement as a PDF', async ({ http, facts }) => {
    const answer = await http('order-pdf', { path: `v1/orders/${facts.orderNo}/pdf?customer=${facts.custNo}`, headers: key() });
    expectPdf(answer, `order-${facts.orderNo}.pdf`);
    expect((await pdfPages(Uint8Array.from(answer.bytes))).flat().flat().join(' ')).toContain(String(facts.orderNo));
  }),
  refusal('order-pdf', 'no credentials is 401', async ({ http, facts }) => {
    expectError(await http('order-pdf', { path: `v1/orders/${facts.orderNo}/pdf` }), 401, 'UNAUTHORIZED');
  }),
  success('quotes-list', 'a page of quotes', async ({ http, facts }) => {
    expect(expectData(await http('quotes-list', { path: `v1/quotes?customer=${facts.custNo}`, headers: key() })).quotes).toEqual(expect.any(Array));
  }),
  refusal('quotes-list', 'pageSize=101 is 400', async ({ http, facts }) => {
    expectError(await http('quotes-list', { path: `v1/quotes?customer=${facts.custNo}&pageSize=101`, headers: key() }), 400, 'VALIDATION_FAILED', 'pageSize');
  }),
  success('quote-get', 'one quote with its lines and quoted prices', async ({ http, facts }) => {
    const { quoteNo, custNo } = facts.quote;
    const data = expectData(await http('quote-get', { path: `v1/quotes/${quoteNo}?customer=${custNo}`, headers: key() }));
    expect(data).toMatchObject({ quoteNo, customerId: custNo, lines: expect.any(Array), total: expect.any(String) });
  }),
  refusal('quote-get', 'an order number is not a quote: 404', async ({ http, facts }) => {
    expectError(await http('quote-get', { path: `v1/quotes/${facts.orderNo}?customer=${facts.custNo}`, headers: key() }), 404, 'NOT_FOUND', 'Quote');
  }),
  success('quote-pdf', 'the quotation as a PDF whose bytes come through the worker intact', async ({ http, facts }) => {
    const { quoteNo, custNo } = facts.quote;
    const answer = await http('quote-pdf', { path: `v1/quotes/${quoteNo}/pdf?customer=${custNo}`, headers: key() });
    expectPdf(answer, `quote-${quoteNo}.pdf`);
    const words = (await pdfPages(Uint8Array.from(answer.bytes))).flat().flat().join(' ');
    expect(words).toContain('QUOTATION');
    expect(words).toContain(String(quoteNo));
  }),
  refusal('quote-pdf', 'no credentials is 401', async ({ http, facts }) => {
    expectError(await http('quote-pdf', { path: `v1/quotes/${facts.quote.quoteNo}/pdf` }), 401, 'UNAUTHORIZED');
  }),
  success('products-list', 'the customer’s purchased items, each naming its last order', async ({ http, facts }) => {
    const data = expectData(await http('products-list', { path: `v1/products?customer=${facts.custNo}`, headers: key() }));
    expect(data.products).toEqual(expect.any(Array));
    expect(data.pagination).toMatchObject({ page: 1, pageSize: 20 });
  }),
  refusal('products-list', 'a q longer than 30 is 400 naming q', async ({ http, facts }) => {
    expectError(await http('products-list', { path: `v1/products?customer=${facts.custNo}&q=${'x'.repeat(31)}`, headers: key() }), 400, 'VALIDATION_FAILED', 'q:');
  }),
  success('me-get', 'the token’s ERP customer', async ({ http, facts }) => {
    const data = expectData(await http('me-get', { path: 'v1/me', headers: withToken(await customerToken(facts.bcCustomerId)) }));
    expect(data).toMatchObject({ erpId: facts.custNo, bcCustomerId: facts.bcCustomerId });
  }),
  refusal('me-get', 'an API key is 403', async ({ http }) => {
    expectError(await http('me-get', { path: 'v1/me', headers: key() }), 403, 'FORBIDDEN');
  }),
  success('sync-status', 'the admin key reads the engine state', async ({ http }) => {
    const data = expectData(await http('sync-status', { path: 'v1/sync/status', headers: admin() }));
    expect(data.runs).toContainEqual(expect.objectContaining({ status: 'succeeded' }));
    expect(data.lastSuccessAt).toEqual(expect.any(String));
  }),
  refusal('sync-status', 'an API key is 403', async ({ http }) => {
    expectError(await http('sync-status', { path: 'v1/sync/status', headers: key() }), 403, 'FORBIDDEN');
  }),
  success('sync-run', 'the admin key records a queued run and answers its id', async ({ http }) => {
    const answer = await http('sync-run', { method: 'POST', path: 'v1/sync/run', headers: admin() });
    expect(answer.status, answer.body).toBe(202);
    const { requestId } = answer.json.data as { requestId: string };
    expect(answer.json.data).toMatchObject({ requestId: expect.any(String), status: 'queued' });
    const status = expectData(await http('sync-status', { path: 'v1/sync/status', headers: admin() }));
    expect(status.runs).toContainEqual(expect.objectContaining({ runId: requestId, trigger: 'api' }));
  }),
  refusal('sync-run', '401 without credentials', async ({ http }) => {
    expectError(await http('sync-run', { method: 'POST', path: 'v1/sync/run' }), 401, 'UNAUTHORIZED');
  }),
];

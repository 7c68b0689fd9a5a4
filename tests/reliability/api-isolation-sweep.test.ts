import '../functions/helpers/record-routes-only';
import type { AppEndpoint } from '../../shared/composition/app-routes';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerGet } from '../../functions/customer-get';
import { invoiceGet } from '../../functions/invoice-get';
import { invoicePdf } from '../../functions/invoice-pdf';
import { invoicesList } from '../../functions/invoices-list';
import { meGet } from '../../functions/me-get';
import { orderGet } from '../../functions/order-get';
import { orderPdf } from '../../functions/order-pdf';
import { ordersList } from '../../functions/orders-list';
import { productsList } from '../../functions/products-list';
import { quoteGet } from '../../functions/quote-get';
import { quotePdf } from '../../functions/quote-pdf';
import { quotesList } from '../../functions/quotes-list';
import { shipmentsList } from '../../functions/shipments-list';
import { invoke, useTestApi, withToken, type Answer } from '../functions/helpers/invoke';
import { createDemoPortal, type DemoCustomer, type DemoPortal } from './helpers/api-demo-portal';
import { validToken } from './helpers/api-tokens';
import { reportFigures } from './helpers/figures';

const pairCount = 240;

interface Probe {
  readonly what: string;
  readonly handler: AppEndpoint;
  readonly path: string;
  readonly params?: Record<string, string>;
  /** The same request for something that does not exist: the answer must be indistinguishable. */
  readonly missing: { readonly path: string; readonly params?: Record<string, string> };
  /** 404, or 400 for a spelling no ERP key can hold (the same 400 a missing number's spelling gets). */
  readonly status?: number;
}

/** Unicode look-alikes of a customer number: fullwidth characters, Cyrillic С, a dotless ı in front. */
const lookAlikes: readonly (readonly [string, (custNo: string) => string])[] = [
  ['fullwidth', (custNo) => custNo.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
  ['Cyrillic С', (custNo) => `\u0421${custNo.slice(1)}`],
  ['dotless ı', (custNo) => `\u0131${custNo.slice(1)}`],
];

let portal: DemoPortal;
let pairs: [DemoCustomer, DemoCustomer][];
const tokens = new Map<number, string>();
const tokenOf = async (c: DemoCustomer) => tokens.get(c.bcCustomerId) ?? tokens.set(c.bcCustomerId, await validToken(c.bcCustomerId)).get(c.bcCustomerId) as string;

beforeAll(async () => {
  portal = await createDemoPortal({ customers: 300, sharedInvoices: 20 });
  useTestApi(portal.mirror, { env: { RATE_LIMIT_BURST: '1000000' } });
  // B must own an order with an item and an invoice that bills nobody else; A is any other linked customer.
  const victims = portal.customers.filter((c) => c.orders.length > 0 && c.items.length > 0 && c.invoices.some((i) => portal.ownersOfInvoice.get(i)?.size === 1));
  const seen = new Set<string>();
  pairs = fc
    .sample(fc.tuple(fc.nat(portal.customers.length - 1), fc.nat(victims.length - 1)), { seed: 5_2025, numRuns: pairCount * 3 })
    .map(([a, b]) => [portal.customers[a], victims[b]] as [DemoCustomer, DemoCustomer])
    .filter(([a, b]) => a.custNo !== b.custNo && !seen.has(`${a.custNo}>${b.custNo}`) && seen.add(`${a.custNo}>${b.custNo}`))
    .slice(0, pairCount);
});

afterAll(() => portal.close());

/** Every way the API lets a caller name another customer or one of their resources. */
function probes(a: DemoCustomer, b: DemoCustomer, withLookAlikes: boolean): Probe[] {
  const order = String(b.orders[0]);
  const invoice = String(b.invoices.find((i) => portal.ownersOfInvoice.get(i)?.size === 1));
  const item = b.items[0] ?? 'NO-ITEM';
  const detail = (handler: AppEndpoint, route: string, name: string, id: string, query = '') => ({
    handler,
    path: `v1/${route}/${id}${query}`,
    params: { [name]: id },
    missing: { path: `v1/${route}/2000000000${query.replace(b.custNo, 'Q99999')}`, params: { [name]: '2000000000' } },
  });
  /** The same detail probe against its printable document (`…/{id}/pdf`). */
  const printed = (probe: ReturnType<typeof detail>) => {
    const pdfPath = (path: string) => path.replace(/(\?|$)/, '/pdf$1');
    return { ...probe, path: pdfPath(probe.path), missing: { ...probe.missing, path: pdfPath(probe.missing.path) } };
  };
  const list = (handler: AppEndpoint, route: string, customer: string, extra = '') => ({
    handler,
    path: `v1/${route}?customer=${encodeURIComponent(customer)}${extra}`,
    missing: { path: `v1/${route}?customer=Q99999${extra}` },
  });
  const probes: Probe[] = [
    { what: 'customer record', handler: customerGet, path: `v1/customers/${b.custNo}`, params: { erpId: b.custNo }, missing: { path: 'v1/customers/Q99999', params: { erpId: 'Q99999' } } },
    { what: 'customer record, lower case', handler: customerGet, path: `v1/customers/${b.custNo.toLowerCase()}`, params: { erpId: b.custNo.toLowerCase() }, missing: { path: 'v1/customers/Q99999', params: { erpId: 'Q99999' } } },
    { what: 'orders list', ...list(ordersList, 'orders', b.custNo) },
    { what: 'orders list, padded lower case', ...list(ordersList, 'orders', ` ${b.custNo.toLowerCase()} `) },
    { what: 'orders CSV', ...list(ordersList, 'orders', b.custNo, '&format=csv') },
    { what: 'order detail', ...detail(orderGet, 'orders', 'orderId', order) },
    { what: 'order detail naming B', ...detail(orderGet, 'orders', 'orderId', order, `?customer=${b.custNo}`) },
    { what: 'order detail naming A', ...detail(orderGet, 'orders', 'orderId', order, `?customer=${a.custNo}`) },
    { what: 'invoices list', ...list(invoicesList, 'invoices', b.custNo) },
    { what: 'invoices CSV', ...list(invoicesList, 'invoices', b.custNo, '&format=csv') },
    { what: 'invoice detail', ...detail(invoiceGet, 'invoices', 'invoiceNo', invoice) },
    { what: 'invoice detail naming B', ...detail(invoiceGet, 'invoices', 'invoiceNo', invoice, `?customer=${b.custNo}`) },
    { what: 'order PDF', ...printed(detail(orderPdf, 'orders', 'orderId', order)) },
    { what: 'order PDF naming B', ...printed(detail(orderPdf, 'orders', 'orderId', order, `?customer=${b.custNo}`)) },
    { what: 'invoice PDF', ...printed(detail(invoicePdf, 'invoices', 'invoiceNo', invoice)) },
    { what: 'shipments list', ...list(shipmentsList, 'shipments', b.custNo) },
    { what: 'quotes list', ...list(quotesList, 'quotes', b.custNo) },
    { what: 'orders by B’s item', ...list(ordersList, 'orders', b.custNo, `&item=${encodeURIComponent(item)}`) },
    { what: 'products list', ...list(productsList, 'products', b.custNo) },
    { what: 'products search for B’s item', ...list(productsList, 'products', b.custNo, `&q=${encodeURIComponent(item)}`) },
    { what: 'products CSV', ...list(productsList, 'products', b.custNo, '&format=csv') },
  ];
  // The look-alike answer depends on no pair, so every eighth pair is enough to show it never differs.
  for (const [name, spell] of withLookAlikes ? lookAlikes : []) {
    probes.push(
      { what: `customer record, ${name}`, handler: customerGet, path: `v1/customers/${encodeURIComponent(spell(b.custNo))}`, params: { erpId: spell(b.custNo) }, missing: { path: `v1/customers/${encodeURIComponent(spell('Q99999'))}`, params: { erpId: spell('Q99999') } }, status: 400 },
      { what: `orders list, ${name}`, handler: ordersList, path: `v1/orders?customer=${encodeURIComponent(spell(b.custNo))}`, missing: { path: `v1/orders?customer=${encodeURIComponent(spell('Q99999'))}` }, status: 400 },
    );
  }
  const owners = (invoiceNo: number) => portal.ownersOfInvoice.get(invoiceNo) ?? new Set<string>();
  const shared =
    portal.sharedInvoices.find((i) => owners(i).has(b.custNo) && !owners(i).has(a.custNo)) ??
    portal.sharedInvoices.find((i) => !owners(i).has(a.custNo));
  if (shared !== undefined) {
    probes.push(
      { what: 'invoice number shared by two other customers', ...detail(invoiceGet, 'invoices', 'invoiceNo', String(shared)) },
      { what: 'invoice PDF of a number shared by two other customers', ...printed(detail(invoicePdf, 'invoices', 'invoiceNo', String(shared))) },
    );
  }
  const ownOrder = a.orders[0];
  if (ownOrder !== undefined) probes.push({ what: 'A’s order naming B', ...detail(orderGet, 'orders', 'orderId', String(ownOrder), `?customer=${b.custNo}`) });
  const quote = b.quotes[0];
  if (quote !== undefined) {
    probes.push(
      { what: 'B’s quote as an order', ...detail(orderGet, 'orders', 'orderId', String(quote)) },
      { what: 'quote detail', ...detail(quoteGet, 'quotes', 'quoteNo', String(quote)) },
      { what: 'quote detail naming B', ...detail(quoteGet, 'quotes', 'quoteNo', String(quote), `?customer=${b.custNo}`) },
      { what: 'quote PDF', ...printed(detail(quotePdf, 'quotes', 'quoteNo', String(quote))) },
    );
  }
  // A quote number is never an order's: B's order asked for as a quote reads like a missing quote.
  probes.push({ what: 'B’s order as a quote', ...detail(quoteGet, 'quotes', 'quoteNo', order) });
  const ownQuote = a.quotes[0];
  if (ownQuote !== undefined) probes.push({ what: 'A’s quote naming B', ...detail(quoteGet, 'quotes', 'quoteNo', String(ownQuote), `?customer=${b.custNo}`) });
  return probes;
}

/** B's data in an answer: success, B's number, or the number of one of B's orders or invoices. */
function leaks(answer: Answer, b: DemoCustomer): boolean {
  if (answer.status >= 200 && answer.status < 300) return true;
  const numbers = [b.custNo, ...b.orders, ...b.quotes, ...b.invoices].map(String);
  return numbers.some((n) => answer.body.includes(n));
}

describe('isolation sweep: A’s storefront token against B’s resources', () => {
  it(`${pairCount} sampled pairs of linked demo customers: every probe answers exactly as for a missing resource`, async () => {
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let requests = 0;
    let leaked = 0;
    let controls = 0;
    for (const [index, [a, b]] of pairs.entries()) {
      const headers = withToken(await tokenOf(a));
      for (const probe of probes(a, b, index % 8 === 0)) {
        const answer = await invoke(probe.handler, probe.path, { headers, params: probe.params ?? {} });
        const missing = await invoke(probe.handler, probe.missing.path, { headers, params: probe.missing.params ?? {} });
        requests++;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (leaks(answer, b)) leaked++;
        if (answer.status !== (probe.status ?? 404) || answer.body !== missing.body) failures.push(`${a.custNo}→${b.custNo} ${probe.what}: ${answer.status} ${answer.body.slice(0, 100)} vs missing ${missing.body.slice(0, 80)}`);
      }
      // A's own lists, searched for B's item, hold only A's orders.
      const item = encodeURIComponent(b.items[0] ?? 'NO-ITEM');
      const byItem = await invoke(ordersList, `v1/orders?item=${item}&pageSize=100`, { headers });
      const searched = await invoke(productsList, `v1/products?q=${item}&pageSize=100`, { headers });
      controls += 2;
      const foreign = [...(byItem.json?.data?.orders ?? []).map((o: { orderId: number }) => o.orderId), ...(searched.json?.data?.products ?? []).map((p: { lastOrderId: number }) => p.lastOrderId)].filter((id: number) => portal.ownerOfOrder.get(id) !== a.custNo);
      if (byItem.status !== 200 || searched.status !== 200 || foreign.length > 0) failures.push(`${a.custNo}→${b.custNo} own lists by B’s item: ${byItem.status} ${searched.status}, foreign ${foreign.join(',')}`);
      leaked += foreign.length;
      // Controls: the resources exist (B reads its order), A's token works, and /me ignores a customer parameter.
      const own = await invoke(orderGet, `v1/orders/${b.orders[0]}`, { headers: withToken(await tokenOf(b)), params: { orderId: String(b.orders[0]) } });
      const me = await invoke(meGet, `v1/me?customer=${b.custNo}`, { headers });
      controls += 2;
      if (own.status !== 200 || me.json?.data?.erpId !== a.custNo) failures.push(`${a.custNo}→${b.custNo} controls: order ${own.status}, /me ${me.json?.data?.erpId}`);
      if (me.body.includes(b.custNo)) leaked++;
    }
    const histogram = [...statuses].sort(([x], [y]) => x - y).map(([status, n]) => `${status}×${n}`).join(' ');
    reportFigures('api-isolation-sweep', { pairs: pairs.length, requests, controls, leaks: leaked, statuses: histogram, failures: failures.length });

    expect(pairs.length).toBe(pairCount);
    expect(leaked).toBe(0);
    expect(failures.slice(0, 5)).toEqual([]);
  }, 900_000);

  it('a shared invoice number shows each owner only its own orders, under its own customer number', async () => {
    expect(portal.sharedInvoices.length).toBeGreaterThanOrEqual(10);
    const failures: string[] = [];
    for (const invoiceNo of portal.sharedInvoices) {
      for (const custNo of portal.ownersOfInvoice.get(invoiceNo) ?? []) {
        const owner = portal.byCustNo.get(custNo);
        if (!owner) continue;
        const answer = await invoke(invoiceGet, `v1/invoices/${invoiceNo}`, { headers: withToken(await tokenOf(owner)), params: { invoiceNo: String(invoiceNo) } });
        const orders: { orderId: number }[] = answer.json?.data?.orders ?? [];
        if (answer.json?.data?.customerId !== custNo || orders.length === 0 || orders.some((o) => portal.ownerOfOrder.get(o.orderId) !== custNo)) {
          failures.push(`${custNo} invoice ${invoiceNo}: ${answer.status} ${answer.body.slice(0, 120)}`);
        }
      }
    }
    reportFigures('api-isolation-sweep shared invoices', { invoices: portal.sharedInvoices.length, failures: failures.length });
    expect(failures.slice(0, 5)).toEqual([]);
  });
});

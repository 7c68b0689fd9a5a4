import '../functions/helpers/record-routes-only';
import type { AppEndpoint } from '../../shared/composition/app-routes';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerGet } from '../../functions/customer-get';
import { invoiceGet } from '../../functions/invoice-get';
import { invoicesList } from '../../functions/invoices-list';
import { meGet } from '../../functions/me-get';
import { orderGet } from '../../functions/order-get';
import { ordersList } from '../../functions/orders-list';
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
}

let portal: DemoPortal;
let pairs: [DemoCustomer, DemoCustomer][];
const tokens = new Map<number, string>();
const tokenOf = async (c: DemoCustomer) => tokens.get(c.bcCustomerId) ?? tokens.set(c.bcCustomerId, await validToken(c.bcCustomerId)).get(c.bcCustomerId) as string;

beforeAll(async () => {
  portal = await createDemoPortal({ customers: 300 });
  useTestApi(portal.mirror, { env: { RATE_LIMIT_BURST: '1000000' } });
  // B must own an order and an invoice that bills nobody else; A is any other linked customer.
  const victims = portal.customers.filter((c) => c.orders.length > 0 && c.invoices.some((i) => portal.ownersOfInvoice.get(i)?.size === 1));
  const seen = new Set<string>();
  pairs = fc
    .sample(fc.tuple(fc.nat(portal.customers.length - 1), fc.nat(victims.length - 1)), { seed: 5_2025, numRuns: pairCount * 3 })
    .map(([a, b]) => [portal.customers[a], victims[b]] as [DemoCustomer, DemoCustomer])
    .filter(([a, b]) => a.custNo !== b.custNo && !seen.has(`${a.custNo}>${b.custNo}`) && seen.add(`${a.custNo}>${b.custNo}`))
    .slice(0, pairCount);
});

afterAll(() => portal.close());

/** Every way the API lets a caller name another customer or one of their resources. */
function probes(a: DemoCustomer, b: DemoCustomer): Probe[] {
  const order = String(b.orders[0]);
  const invoice = String(b.invoices.find((i) => portal.ownersOfInvoice.get(i)?.size === 1));
  const detail = (handler: AppEndpoint, route: string, name: string, id: string, query = '') => ({
    handler,
    path: `v1/${route}/${id}${query}`,
    params: { [name]: id },
    missing: { path: `v1/${route}/2000000000${query.replace(b.custNo, 'Q99999')}`, params: { [name]: '2000000000' } },
  });
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
    { what: 'shipments list', ...list(shipmentsList, 'shipments', b.custNo) },
    { what: 'quotes list', ...list(quotesList, 'quotes', b.custNo) },
  ];
  const ownOrder = a.orders[0];
  if (ownOrder !== undefined) probes.push({ what: 'A’s order naming B', ...detail(orderGet, 'orders', 'orderId', String(ownOrder), `?customer=${b.custNo}`) });
  const quote = b.quotes[0];
  if (quote !== undefined) probes.push({ what: 'B’s quote as an order', ...detail(orderGet, 'orders', 'orderId', String(quote)) });
  return probes;
}

/** B's data in an answer: success, B's number, or the number of one of B's orders or invoices. */
function leaks(answer: Answer, b: DemoCustomer): boolean {
  if (answer.status >= 200 && answer.status < 300) return true;
  const numbers = [b.custNo, ...b.orders, ...b.quotes, ...b.invoices].map(String);
  return numbers.some((n) => answer.body.includes(n));
}

describe('isolation sweep: A’s storefront token against B’s resources', () => {
  it(`${pairCount} sampled pairs of linked demo customers: every probe is the same 404 as a missing resource`, async () => {
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let requests = 0;
    let leaked = 0;
    let controls = 0;
    for (const [a, b] of pairs) {
      const headers = withToken(await tokenOf(a));
      for (const probe of probes(a, b)) {
        const answer = await invoke(probe.handler, probe.path, { headers, params: probe.params ?? {} });
        const missing = await invoke(probe.handler, probe.missing.path, { headers, params: probe.missing.params ?? {} });
        requests++;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (leaks(answer, b)) leaked++;
        if (answer.status !== 404 || answer.body !== missing.body) failures.push(`${a.custNo}→${b.custNo} ${probe.what}: ${answer.status} ${answer.body.slice(0, 100)} vs missing ${missing.body.slice(0, 80)}`);
      }
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
  });
});

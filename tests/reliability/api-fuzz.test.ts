import '../functions/helpers/record-routes-only';
import type { AppEndpoint } from '../../shared/composition/app-routes';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerGet } from '../../functions/customer-get';
import { healthGet } from '../../functions/health-get';
import { invoiceGet } from '../../functions/invoice-get';
import { invoicePdf } from '../../functions/invoice-pdf';
import { invoicesList } from '../../functions/invoices-list';
import { meGet } from '../../functions/me-get';
import { notFoundHandler } from '../../functions/zz-not-found';
import { openapiGet } from '../../functions/openapi-get';
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
import { operations, type Operation } from '../../shared/http/operations';
import { invoke, useTestApi } from '../functions/helpers/invoke';
import { createDemoPortal, type DemoCustomer, type DemoPortal } from './helpers/api-demo-portal';
import { credentialSpec, resolveCredential, type CredentialSpec } from './helpers/api-fuzz-credentials';
import { bodyText, customerValue, extraHeaders, invoiceNoValue, nastyText, orderIdValue, queryPairs, quoteNoValue, type CustomerVariant, type Ref } from './helpers/api-fuzz-inputs';
import { violationsOf } from './helpers/api-fuzz-oracle';
import { forgedTokens, validToken, type TokenCase } from './helpers/api-tokens';
import { reportFigures } from './helpers/figures';

/** Cases per endpoint; the seed makes a failure reproducible (API_FUZZ_SEED explores other inputs). */
const numRuns = 1_000;
/** Customers whose tokens act, and whose data the others' requests aim at. */
const actorCount = 8;
const seed = Number(process.env.API_FUZZ_SEED ?? 8_2025);

interface Endpoint {
  readonly handler: AppEndpoint;
  readonly operation: Operation;
  readonly path?: Readonly<Record<string, fc.Arbitrary<Ref>>>;
}

const endpoints: readonly Endpoint[] = [
  { handler: customerGet, operation: operations.customer, path: { erpId: customerValue } },
  { handler: meGet, operation: operations.me },
  { handler: ordersList, operation: operations.ordersList },
  { handler: orderGet, operation: operations.orderDetail, path: { orderId: orderIdValue } },
  { handler: shipmentsList, operation: operations.shipmentsList },
  { handler: invoicesList, operation: operations.invoicesList },
  { handler: invoiceGet, operation: operations.invoiceDetail, path: { invoiceNo: invoiceNoValue } },
  { handler: quotesList, operation: operations.quotesList },
  { handler: productsList, operation: operations.productsList },
  { handler: healthGet, operation: operations.health },
  { handler: openapiGet, operation: operations.openapi },
  { handler: syncStatus, operation: operations.syncStatus },
  { handler: syncRun, operation: operations.syncRun },
  { handler: notFoundHandler, operation: operations.notFound, path: { rest: nastyText.map((text): Ref => ({ ref: 'text', text })) } },
  // Last, so the endpoints above keep their seeds (seed + index).
  { handler: orderPdf, operation: operations.orderPdf, path: { orderId: orderIdValue } },
  { handler: invoicePdf, operation: operations.invoicePdf, path: { invoiceNo: invoiceNoValue } },
  { handler: quoteGet, operation: operations.quoteDetail, path: { quoteNo: quoteNoValue } },
  { handler: quotePdf, operation: operations.quotePdf, path: { quoteNo: quoteNoValue } },
];

interface Actor {
  readonly customer: DemoCustomer;
  /** Index 0 is the customer's valid token; the rest are forgeries and oddities around it. */
  readonly tokens: readonly TokenCase[];
}

interface Case {
  readonly actor: number;
  readonly other: number;
  readonly method: string;
  readonly credential: CredentialSpec;
  readonly headers: Record<string, string>;
  readonly query: [string, Ref][];
  readonly path: Record<string, Ref>;
  readonly body: string | null;
}

let portal: DemoPortal;
let chosen: DemoCustomer[];
const totals = { endpoints: 0, cases: 0, status5xx: 0, violations: 0 };

beforeAll(async () => {
  portal = await createDemoPortal({ customers: 300, sharedInvoices: 20 });
  // Limits far above the run's request count: throttling is the overload check's subject, not this one's.
  // Queued requests go to a queue nobody consumes: the fuzz checks the answers, not the runs.
  useTestApi(portal.mirror, { env: { RATE_LIMIT_BURST: '1000000' }, overrides: { syncQueue: { send: async () => undefined } } });
  // The richest customers (many orders, quotes, invoices), plus a few with little, act and are targeted.
  const ranked = [...portal.customers].sort((a, b) => b.orders.length - a.orders.length);
  chosen = [...ranked.slice(0, actorCount - 3), ...ranked.slice(40, 43)];
});

/**
 * "Expired within the clock skew" (exp 5 s ago, 30 s allowed) stays valid for 25 s after signing,
 * so the tokens are signed again whenever they are older than this, however slowly the cases run.
 */
const resignAfterMs = 5_000;
let actors: Actor[] = [];
let signedAt = Number.NEGATIVE_INFINITY;

async function currentActors(): Promise<readonly Actor[]> {
  if (performance.now() - signedAt <= resignAfterMs) return actors;
  signedAt = performance.now();
  const unlinked = Math.max(...portal.customers.map((c) => c.bcCustomerId)) + 50;
  actors = await Promise.all(
    chosen.map(async (customer, i) => {
      const other = chosen[(i + 1) % chosen.length] as DemoCustomer;
      return { customer, tokens: [{ label: 'valid', token: await validToken(customer.bcCustomerId), acceptedAs: customer.bcCustomerId }, ...(await forgedTokens(customer.bcCustomerId, other.bcCustomerId, unlinked))] };
    }),
  );
  return actors;
}

afterAll(async () => {
  reportFigures('api-fuzz total', totals);
  await portal.close();
});

const pick = (list: readonly number[], index: number) => String(list.length > 0 ? list[index % list.length] : 2_000_000_000);

function resolve(ref: Ref, own: DemoCustomer, other: DemoCustomer): string {
  if (ref.ref === 'text') return ref.text;
  if (ref.ref === 'shared-invoice') return pick(portal.sharedInvoices, ref.index);
  if ('variant' in ref) return spelling((ref.ref === 'own-customer' ? own : other).custNo, ref.variant);
  const customer = ref.ref.startsWith('own-') ? own : other;
  if (ref.ref.endsWith('-item')) return customer.items.length > 0 ? (customer.items[ref.index % customer.items.length] as string) : 'NO-ITEM';
  const list = ref.ref.endsWith('-order') ? customer.orders : ref.ref.endsWith('-quote') ? customer.quotes : customer.invoices;
  return pick(list, ref.index);
}

const fullwidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function spelling(custNo: string, variant: CustomerVariant): string {
  const variants: Record<CustomerVariant, string> = {
    exact: custNo,
    lower: custNo.toLowerCase(),
    mixed: custNo.replace(/[A-Z]/g, (c, i: number) => (i % 2 === 0 ? c.toLowerCase() : c)),
    padded: ` ${custNo}  `,
    suffixed: `${custNo}0`,
    prefix: custNo.slice(0, 4),
    fullwidth: fullwidth(custNo),
    cyrillic: custNo.replace(/C/g, '\u0421'),
    dotless: `\u0131${custNo.slice(1)}`,
  };
  return variants[variant];
}

function requestOf(endpoint: Endpoint): fc.Arbitrary<Case> {
  const known = Object.keys((endpoint.operation.query as { shape?: object } | undefined)?.shape ?? {});
  const methods = endpoint.operation.methods;
  return fc.record({
    actor: fc.nat(actorCount - 1),
    other: fc.nat(actorCount - 1),
    method: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...methods) }, { weight: 1, arbitrary: fc.constant('OPTIONS') }),
    credential: credentialSpec,
    headers: extraHeaders,
    query: queryPairs(known, endpoint.operation.listKey !== undefined),
    path: fc.record({ ...endpoint.path }) as fc.Arbitrary<Record<string, Ref>>,
    body: methods.some((m) => m !== 'GET' && m !== 'HEAD') ? fc.option(bodyText) : fc.constant(null),
  });
}

async function exchange(endpoint: Endpoint, c: Case) {
  const signed = await currentActors();
  const actor = signed[c.actor % signed.length] as Actor;
  const other = (signed[(c.actor + 1 + (c.other % (signed.length - 1))) % signed.length] as Actor).customer;
  const { headers: credentials, identity } = resolveCredential(c.credential, actor.tokens);
  const headers = { ...c.headers, ...credentials };
  const params = Object.fromEntries(Object.entries(c.path).map(([name, ref]) => [name, resolve(ref, actor.customer, other)]));
  const query = c.query.map(([name, ref]): [string, string] => [name, resolve(ref, actor.customer, other)]);
  const route = endpoint.operation.route.replace(/\{\*?(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = new URLSearchParams(query).toString();
  const answer = await invoke(endpoint.handler, `${route}${search ? `?${search}` : ''}`, {
    method: c.method,
    headers,
    params,
    ...(c.body !== null ? { body: c.body } : {}),
  });
  const namedCustomer = query.find(([name, value]) => name === 'customer' && value !== '')?.[1];
  const searched = query.find(([name, value]) => (name === 'q' || name === 'item') && value !== '')?.[1];
  const request = { method: c.method, route, query, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.slice(0, 60)])) };
  return { operation: endpoint.operation, method: c.method, params, headers, namedCustomer, searched, identity, answer, request };
}

describe('fuzzing every endpoint (fast-check, seeded)', () => {
  it.each(endpoints.map((e, i) => [e.operation.name, e, i] as const))('%s: no 5xx, envelope on every error, never another customer’s data', async (name, endpoint, index) => {
    const statuses = new Map<number, number>();
    const violations: string[] = [];
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(requestOf(endpoint), async (c) => {
        cases++;
        const x = await exchange(endpoint, c);
        statuses.set(x.answer.status, (statuses.get(x.answer.status) ?? 0) + 1);
        const found = violationsOf(x, portal);
        if (found.length > 0) violations.push(`${found.join('; ')} ← ${JSON.stringify(x.request).slice(0, 400)}`);
      }),
      { seed: seed + index, numRuns },
    );
    const histogram = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
    reportFigures(`api-fuzz ${name}`, { cases, statuses: histogram, violations: violations.length, seed: seed + index });
    totals.endpoints++;
    totals.cases += cases;
    totals.status5xx += [...statuses].reduce((sum, [status, n]) => sum + (status >= 500 ? n : 0), 0);
    totals.violations += violations.length;
    expect(cases).toBe(numRuns);
    expect(violations.slice(0, 8)).toEqual([]);
  });
});

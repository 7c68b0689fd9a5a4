import type { Operation } from '../../../shared/http/operations';
import { allowedOrigin, type Answer } from '../../functions/helpers/invoke';
import type { Identity } from './api-fuzz-credentials';
import type { DemoPortal } from './api-demo-portal';

/** ARCHITECTURE.md §5 codes and the status each must come with. */
const statusOfCode: Readonly<Record<string, number>> = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export interface Exchange {
  readonly operation: Operation;
  readonly method: string;
  readonly params: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  /** The `customer` query value as the API reads it (first non-empty one), if any. */
  readonly namedCustomer: string | undefined;
  /** The `q` or `item` query value as the API reads it, if any. */
  readonly searched: string | undefined;
  readonly identity: Identity;
  readonly answer: Answer;
}

/**
 * The ERP customer-number rule, written here independently of the app: trimmed, 1–6 printable
 * ASCII characters, letters folded in ASCII only. Anything else names no customer at all.
 */
function erpNumber(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  if (trimmed === undefined || !/^[\x20-\x7e]{1,6}$/.test(trimmed)) return undefined;
  return trimmed.replace(/[a-z]/g, (c) => c.toUpperCase());
}

const same = (a: string | null | undefined, b: string | null | undefined) => {
  const left = erpNumber(a);
  return left !== undefined && left === erpNumber(b);
};

/** RFC 4180 rows, CRLF-terminated (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

const shapeOf = (schema: Operation['query']): Record<string, unknown> => (schema as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};

function checkError(x: Exchange, fail: (why: string) => void): void {
  const { status, json } = x.answer;
  const error = json?.error;
  const keys = Object.keys(json ?? {}).sort().join(',');
  if (json?.success !== false || keys !== 'error,success' || typeof error?.message !== 'string' || Object.keys(error).length !== 2) {
    return fail(`status ${status} without the error envelope: ${x.answer.body.slice(0, 120)}`);
  }
  if (statusOfCode[error.code] !== status) fail(`code ${error.code} answered with status ${status}`);
  if (error.code !== 'VALIDATION_FAILED') return;
  // "Invalid parameters: page: …; to: …." or "format: …": every clause starts with the parameter it is about.
  const clauses = (error.message as string).replace(/^Invalid parameters: /, '').split('; ');
  const named = clauses.map((clause) => /^([A-Za-z][\w.]*): /.exec(clause)?.[1] ?? '(none)');
  const parameters = new Set([...Object.keys(shapeOf(x.operation.query)), ...Object.keys(shapeOf(x.operation.params))]);
  if (named.some((name) => !parameters.has(name.split('.')[0] as string))) {
    fail(`validation error names no parameter of the endpoint: ${error.message}`);
  }
}


/** Rows of a list answer, from JSON or CSV, as records. */
function listItems(x: Exchange): Record<string, unknown>[] {
  if ((x.answer.headers.get('content-type') ?? '').startsWith('text/csv')) {
    const [columns = [], ...rows] = parseCsv(x.answer.body);
    return rows.map((cells) => Object.fromEntries(columns.map((c, i) => [c, c === 'orderId' || c === 'lastOrderId' ? Number(cells[i]) : cells[i]])));
  }
  return x.answer.json?.data?.[x.operation.listKey ?? ''] ?? [];
}

/**
 * Whose data the caller may see: a customer token its own; a data key the customer it names, or
 * anyone's single resources when it names none.
 */
function scopeOf(x: Exchange, portal: DemoPortal): string | undefined {
  if (x.identity.kind === 'customer') {
    const bcId = x.identity.bcCustomerId;
    return portal.customers.find((c) => c.bcCustomerId === bcId)?.custNo ?? `(unlinked ${bcId})`;
  }
  return x.namedCustomer === undefined ? undefined : (erpNumber(x.namedCustomer) ?? `(not an ERP number: ${x.namedCustomer})`);
}

function checkOwnership(x: Exchange, portal: DemoPortal, fail: (why: string) => void): void {
  const scope = scopeOf(x, portal);
  const data = x.answer.json?.data;
  const owner = (orderId: unknown) => portal.ownerOfOrder.get(Number(orderId));
  const readsCustomer = 'customer' in shapeOf(x.operation.query);
  if (readsCustomer && x.namedCustomer !== undefined && erpNumber(x.namedCustomer) === undefined) fail(`customer=${JSON.stringify(x.namedCustomer)} accepted`);
  if (['order-get', 'invoice-get', 'quote-get'].includes(x.operation.name) && scope === undefined) fail('detail answered without a customer scope');
  const mustOwn = (orderId: unknown, what: string) => {
    if (scope !== undefined && !same(owner(orderId), scope)) fail(`${what} ${String(orderId)} of ${owner(orderId)} returned to ${scope}`);
  };
  switch (x.operation.name) {
    case 'customer-get':
      if (erpNumber(x.params.erpId) === undefined) fail(`erpId=${JSON.stringify(x.params.erpId)} accepted`);
      if (!same(data?.erpId, x.params.erpId)) fail(`customer ${data?.erpId} returned for ${x.params.erpId}`);
      if (x.identity.kind === 'customer' && !same(data?.erpId, scope)) fail(`customer ${data?.erpId} returned to ${scope}`);
      return;
    case 'openapi-get':
      if (x.answer.json?.openapi !== '3.1.0') fail('openapi.json is not an OpenAPI 3.1 document');
      return;
    case 'me-get':
      if (!same(data?.erpId, scope)) fail(`/me answered ${data?.erpId} for ${scope}`);
      if (x.identity.kind === 'customer' && data?.bcCustomerId !== x.identity.bcCustomerId) fail(`/me answered BigCommerce id ${data?.bcCustomerId}`);
      return;
    case 'order-get':
      mustOwn(data?.orderId, 'order');
      if (!same(data?.customerId, owner(data?.orderId))) fail(`order ${data?.orderId} claims customer ${data?.customerId}`);
      if ((data?.lines ?? []).some((l: { orderId: number }) => l.orderId !== data?.orderId)) fail(`order ${data?.orderId} carries other orders' lines`);
      return;
    case 'quote-get':
      mustOwn(data?.quoteNo, 'quote');
      if (!portal.byCustNo.get(owner(data?.quoteNo) ?? '')?.quotes.includes(data?.quoteNo)) fail(`order ${data?.quoteNo} served as a quote`);
      if (!same(data?.customerId, owner(data?.quoteNo))) fail(`quote ${data?.quoteNo} claims customer ${data?.customerId}`);
      if ((data?.lines ?? []).some((l: { orderId: number }) => l.orderId !== data?.quoteNo)) fail(`quote ${data?.quoteNo} carries other headers' lines`);
      return;
    case 'invoice-get':
      for (const order of data?.orders ?? []) mustOwn(order.orderId, 'invoiced order');
      if (scope !== undefined && !same(data?.customerId, scope)) fail(`invoice of ${data?.customerId} returned to ${scope}`);
      return;
    // A document answers bytes, not the envelope: it must be a PDF of something the scope owns.
    case 'order-pdf':
    case 'quote-pdf':
    case 'invoice-pdf': {
      if (!x.answer.body.startsWith('%PDF-')) fail('2xx document that is not a PDF');
      if (scope === undefined) return fail('document answered without a customer scope');
      if (x.operation.name === 'order-pdf') return mustOwn(x.params.orderId, 'order PDF');
      if (x.operation.name === 'quote-pdf') {
        if (!portal.byCustNo.get(owner(x.params.quoteNo) ?? '')?.quotes.includes(Number(x.params.quoteNo))) fail(`order ${String(x.params.quoteNo)} printed as a quote`);
        return mustOwn(x.params.quoteNo, 'quote PDF');
      }
      const owners = [...(portal.ownersOfInvoice.get(Number(x.params.invoiceNo)) ?? [])];
      if (!owners.some((custNo) => same(custNo, scope))) fail(`invoice PDF ${x.params.invoiceNo} of ${owners.join('/')} returned to ${scope}`);
      return;
    }
  }
  if (!x.operation.listKey) return;
  if (scope === undefined) return fail('list answered without a customer scope');
  for (const item of listItems(x)) {
    // A purchased item is the customer's through the order it was last bought on.
    mustOwn(x.operation.listKey === 'products' ? item.lastOrderId : item.orderId, `${x.operation.listKey} item`);
    if ('customerId' in item && !same(String(item.customerId), scope)) fail(`item claims customer ${String(item.customerId)}`);
  }
}

/**
 * `q` and `item` fold ASCII letters only: text whose Unicode upper case is ASCII (ß → SS, ﬀ → FF,
 * ı → I) but that holds no ASCII letter or digit itself can match no ERP item (they are ASCII).
 */
function checkLookAlikes(x: Exchange, fail: (why: string) => void): void {
  const { searched } = x;
  if (searched === undefined || /[A-Za-z0-9]/.test(searched) || !/[A-Z0-9]/.test(searched.toUpperCase())) return;
  const total = (x.answer.json?.data as { pagination?: { total?: number } } | undefined)?.pagination?.total;
  if (total !== undefined && total > 0) fail(`look-alike ${JSON.stringify(searched)} matched ${total} rows`);
}

/** What the contract requires of one answer; each broken rule is one violation. */
export function violationsOf(x: Exchange, portal: DemoPortal): string[] {
  const violations: string[] = [];
  const fail = (why: string) => violations.push(why);
  const { status } = x.answer;
  if (status >= 500) fail(`status ${status}: ${x.answer.body.slice(0, 160)}`);
  if (x.answer.headers.get('x-content-type-options') !== 'nosniff') fail(`status ${status} without X-Content-Type-Options: nosniff`);
  if (x.operation.name === 'zz-not-found' && x.method !== 'OPTIONS' && status !== 404) fail(`unknown path answered ${status}`);
  const ok = status >= 200 && status < 300;
  const entitled =
    x.operation.access === 'public' ||
    (x.operation.access === 'admin' ? x.identity.kind === 'admin-key' : x.identity.kind === 'data-key' || x.identity.kind === 'customer');
  if (x.method === 'OPTIONS') {
    if (status === 204 && x.headers.origin?.trim() !== allowedOrigin) fail(`preflight allowed for origin ${x.headers.origin}`);
    if (status !== 204) checkError(x, fail);
    return violations;
  }
  if ((ok || status === 304) && !entitled) fail(`status ${status} for ${x.identity.kind} credentials on a ${x.operation.access} endpoint`);
  if (!entitled && ![401, 403].includes(status)) fail(`refused credentials answered ${status}, not 401/403`);
  if (entitled && status === 401) fail(`valid ${x.identity.kind} credentials answered 401`);
  if (status === 304) {
    if (x.headers['if-none-match'] === undefined) fail('304 without If-None-Match');
    return violations;
  }
  if (!ok) {
    checkError(x, fail);
    return violations;
  }
  const csv = (x.answer.headers.get('content-type') ?? '').startsWith('text/csv');
  if (!csv && x.operation.data) {
    if (x.answer.json?.success !== true) fail('2xx without the success envelope');
    const parsed = x.operation.data.safeParse(x.answer.json?.data);
    if (!parsed.success) fail(`data does not match the documented schema: ${parsed.error.issues[0]?.message}`);
  }
  checkOwnership(x, portal, fail);
  checkLookAlikes(x, fail);
  return violations;
}

import { z } from 'zod';
import {
  customerDto,
  invoiceDetailDto,
  invoiceDto,
  orderDetailDto,
  orderSummaryDto,
  paginationDto,
  productDto,
  quoteDetailDto,
  shipmentDto,
} from '../portal/dto-schemas';
import type { Access } from './caller';
import {
  customerParams,
  invoiceParams,
  listQuery,
  orderParams,
  ordersQuery,
  productsQuery,
  quoteParams,
  quotesQuery,
  scopedQuery,
} from './request-schemas';

/** Items key (and route) of a list endpoint. */
export type ListKey = 'orders' | 'shipments' | 'invoices' | 'quotes' | 'products';

export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

/** One API operation: route, access and the schemas that validate it and document it. */
export interface Operation {
  readonly name: string;
  /** Functions route template under the `api` prefix. */
  readonly route: string;
  readonly methods: readonly RouteMethod[];
  readonly access: Access;
  readonly summary: string;
  readonly query?: z.ZodType;
  readonly params?: z.ZodType;
  /** Schema of `data` in the success envelope; absent for raw documents. */
  readonly data?: z.ZodType;
  /** Items key of a list endpoint (also answers CSV). */
  readonly listKey?: ListKey;
  /** Item schema of a list endpoint: its keys are the CSV columns (objects flattened, csv-columns.ts). */
  readonly item?: z.ZodObject;
  /** Media type of an operation that answers a file rather than the envelope. */
  readonly file?: 'application/pdf';
  /** Rate-limit tokens one request spends (default 1): a PDF render costs the CPU of many JSON pages. */
  readonly cost?: number;
}

/** What a PDF spends of its caller's bucket: with the default burst of 60, six at once, then one per five seconds. */
export const pdfCost = 10;

const page = <K extends string>(key: K, item: z.ZodType) =>
  z.object({ [key]: z.array(item), pagination: paginationDto } as Record<K, z.ZodType>);

/** A customer's list endpoint; literal types kept so function files' registrations are checked against it. */
const listOperation = <N extends string, K extends ListKey, Q extends z.ZodType>(
  name: N,
  listKey: K,
  item: z.ZodObject,
  query: Q,
  summary: string,
) =>
  ({
    name,
    route: `v1/${listKey}`,
    methods: ['GET'],
    access: 'customer-data',
    summary,
    query,
    listKey,
    item,
    data: page(listKey, item),
  }) as const;

export const operations = {
  customer: {
    name: 'customer-get',
    route: 'v1/customers/{erpId}',
    methods: ['GET'],
    access: 'customer-data',
    summary: 'One ERP customer.',
    params: customerParams,
    data: customerDto,
  },
  ordersList: listOperation('orders-list', 'orders', orderSummaryDto, ordersQuery, 'A customer’s orders, newest first (quotes excluded); item= keeps the orders with a line for that item.'),
  orderDetail: {
    name: 'order-get',
    route: 'v1/orders/{orderId}',
    methods: ['GET'],
    access: 'customer-data',
    summary: 'One order with its lines and totals.',
    params: orderParams,
    query: scopedQuery,
    data: orderDetailDto,
  },
  shipmentsList: listOperation('shipments-list', 'shipments', shipmentDto, listQuery, 'Shipped orders with quantities, newest shipment first; from/to filter on ship date.'),
  invoicesList: listOperation('invoices-list', 'invoices', invoiceDto, listQuery, 'Invoiced orders, newest invoice first; from/to filter on invoice date.'),
  invoiceDetail: {
    name: 'invoice-get',
    route: 'v1/invoices/{invoiceNo}',
    methods: ['GET'],
    access: 'customer-data',
    summary: 'One invoice: its orders, lines and totals.',
    params: invoiceParams,
    query: scopedQuery,
    data: invoiceDetailDto,
  },
  invoicePdf: {
    name: 'invoice-pdf',
    route: 'v1/invoices/{invoiceNo}/pdf',
    methods: ['GET'],
    access: 'customer-data',
    summary: 'The invoice as a printable PDF (attachment): the detail’s lines and totals, seller and remit-to from settings.',
    params: invoiceParams,
    query: scopedQuery,
    file: 'application/pdf',
    cost: pdfCost,
  },
  orderPdf: {
    name: 'order-pdf',
    route: 'v1/orders/{orderId}/pdf',
    methods: ['GET'],
    access: 'customer-data',
    summary: 'The order acknowledgement as a printable PDF (attachment): the detail’s lines and totals.',
    params: orderParams,
    query: scopedQuery,
    file: 'application/pdf',
    cost: pdfCost,
  },
  quotesList: listOperation('quotes-list', 'quotes', orderSummaryDto, quotesQuery, 'Quotes (ord_type in QUOTE_ORDER_TYPES), newest first.'),
  quoteDetail: {
    name: 'quote-get',
    route: 'v1/quotes/{quoteNo}',
    methods: ['GET'],
    access: 'customer-data',
    summary: 'One quote with its lines and quoted prices; an order number is not a quote (404), as a quote is not an order.',
    params: quoteParams,
    query: scopedQuery,
    data: quoteDetailDto,
  },
  quotePdf: {
    name: 'quote-pdf',
    route: 'v1/quotes/{quoteNo}/pdf',
    methods: ['GET'],
    access: 'customer-data',
    summary: 'The quotation as a printable PDF (attachment), in the invoice’s layout: the quote detail’s lines and totals.',
    params: quoteParams,
    query: scopedQuery,
    file: 'application/pdf',
  },
  productsList: listOperation(
    'products-list',
    'products',
    productDto,
    productsQuery,
    'Items the customer has bought, most recently ordered first. A purchase is an order line with an item number, ' +
      'on an order that is not a quote (QUOTE_ORDER_TYPES), where neither the order nor the line is void (status V). ' +
      'Lines are grouped by trimmed item number; the last order, date, unit price and description come from the most ' +
      'recent purchase (latest order date, then highest order number, then highest line number).',
  ),
  me: {
    name: 'me-get',
    route: 'v1/me',
    methods: ['GET'],
    access: 'customer-data',
    summary: 'The ERP customer linked to the caller’s storefront token.',
    data: customerDto.extend({ bcCustomerId: z.number().int() }),
  },
  openapi: {
    name: 'openapi-get',
    route: 'v1/openapi.json',
    methods: ['GET'],
    access: 'public',
    summary: 'This OpenAPI document.',
  },
  health: {
    name: 'health-get',
    route: 'v1/health',
    methods: ['GET'],
    access: 'public',
    summary: 'Mirror reachability, whether the credentials requests are checked against are usable, and the age of the last successful sync.',
    data: z.object({
      status: z.enum(['ok', 'unavailable']),
      mirror: z.enum(['reachable', 'unreachable']),
      credentials: z.enum(['usable', 'unusable']),
      lastSyncAgeSeconds: z.number().int().nullable(),
    }),
  },
  healthLive: {
    name: 'health-live',
    route: 'v1/health/live',
    methods: ['GET'],
    access: 'public',
    summary: 'Liveness for the platform health check: the app answers; no database is touched.',
    data: z.object({ status: z.literal('alive') }),
  },
  syncStatus: {
    name: 'sync-status',
    route: 'v1/sync/status',
    methods: ['GET'],
    access: 'admin',
    summary: 'Queued, running and recent sync runs and the checkpoints (admin key).',
    data: z.record(z.string(), z.unknown()),
  },
  syncRun: {
    name: 'sync-run',
    route: 'v1/sync/run',
    methods: ['POST'],
    access: 'admin',
    summary: 'Queues a sync run (admin key): 202 with the request id; a request still waiting is answered instead of queuing another.',
    data: z.object({ requestId: z.string(), status: z.literal('queued'), coalesced: z.boolean() }),
  },
  notFound: {
    name: 'zz-not-found',
    route: 'v1/{*rest}',
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'],
    access: 'public',
    summary: 'Any other path under /api/v1: 404 in the error envelope.',
  },
} as const satisfies Record<string, Operation>;

export const allOperations: readonly Operation[] = Object.values(operations);

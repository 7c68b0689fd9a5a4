import type { InvoiceDto, OrderSummaryDto, ProductDto, ShipmentDto } from './api-types';
import { buyAgainView, type BuyAgainView } from './buy-again';
import { productRows } from './buy-again-rows';
import { formatDate, formatMoney, formatQuantity, formatUnitPrice } from './format';
import type { MessageKey, Messages } from './messages';
import { h, type VNode } from './vnode';

export type TabKey = 'orders' | 'shipments' | 'invoices' | 'quotes' | 'products';
export type FilterKey = 'status' | 'from' | 'to' | 'po' | 'q' | 'item';
export type DetailRef = { readonly kind: 'order' | 'invoice' | 'quote'; readonly id: number };

export interface Column<T> {
  readonly label: MessageKey;
  cell(row: T, messages: Messages): VNode;
  /** Right-aligned figures. */
  readonly numeric?: boolean;
}

export interface TabDefinition<T> {
  readonly key: TabKey;
  readonly caption: MessageKey;
  /** What an unfiltered, empty list says: "No invoices yet." */
  readonly none: MessageKey;
  /** Filters the API's list endpoint accepts for this tab. */
  readonly filters: readonly FilterKey[];
  readonly columns: readonly Column<T>[];
  /** The detail a row opens: its first column links there. */
  detail?(row: T): DetailRef;
  /** The item number whose orders a row links to (the Orders tab filtered by `item`). */
  itemOrders?(row: T): string;
  /** Buy again per row (a column and the result above the table), for one page of rows. */
  buyAgain?(rows: readonly T[], messages: Messages): BuyAgainView<T>;
}

export const detailHash = (ref: DetailRef) => `#${ref.kind}-${ref.id}`;

export function parseDetailHash(hash: string): DetailRef | undefined {
  const match = /^#(order|invoice|quote)-(\d{1,10})$/.exec(hash);
  return match ? { kind: match[1] as DetailRef['kind'], id: Number(match[2]) } : undefined;
}

/** Cornerstone's order status badge. */
export const statusLabel = (status: string | null): VNode =>
  status ? h('span', { class: 'account-orderStatus-label' }, status) : '';

const money = (value: string | null) => formatMoney(value);

const orderColumns = (numberLabel: MessageKey): Column<OrderSummaryDto>[] => [
  { label: numberLabel, cell: (row) => String(row.orderId) },
  { label: 'date', cell: (row) => formatDate(row.orderDate) },
  { label: 'po', cell: (row) => row.customerPo ?? '' },
  { label: 'status', cell: (row) => statusLabel(row.status) },
  { label: 'total', cell: (row) => money(row.total), numeric: true },
];

const orders: TabDefinition<OrderSummaryDto> = {
  key: 'orders',
  caption: 'ordersCaption',
  none: 'noOrders',
  filters: ['status', 'from', 'to', 'po', 'item'],
  columns: orderColumns('order'),
  detail: (row) => ({ kind: 'order', id: row.orderId }),
};

const quotes: TabDefinition<OrderSummaryDto> = {
  key: 'quotes',
  caption: 'quotesCaption',
  none: 'noQuotes',
  filters: ['status', 'from', 'to'],
  columns: orderColumns('quote'),
  detail: (row) => ({ kind: 'quote', id: row.orderId }),
};

const shipments: TabDefinition<ShipmentDto> = {
  key: 'shipments',
  caption: 'shipmentsCaption',
  none: 'noShipments',
  filters: ['from', 'to'],
  columns: [
    { label: 'order', cell: (row) => String(row.orderId) },
    { label: 'shipDate', cell: (row) => formatDate(row.shipDate) },
    { label: 'shipVia', cell: (row) => row.shipVia ?? '' },
    { label: 'po', cell: (row) => row.customerPo ?? '' },
    { label: 'shipped', cell: (row) => `${formatQuantity(row.quantityShipped)} / ${formatQuantity(row.quantityOrdered)}`, numeric: true },
    { label: 'status', cell: (row) => statusLabel(row.status) },
  ],
  detail: (row) => ({ kind: 'order', id: row.orderId }),
};

const invoices: TabDefinition<InvoiceDto> = {
  key: 'invoices',
  caption: 'invoicesCaption',
  none: 'noInvoices',
  filters: ['from', 'to'],
  columns: [
    { label: 'invoice', cell: (row) => String(row.invoiceNo) },
    { label: 'invoiceDate', cell: (row) => formatDate(row.invoiceDate) },
    { label: 'order', cell: (row) => String(row.orderId) },
    { label: 'po', cell: (row) => row.customerPo ?? '' },
    { label: 'total', cell: (row) => money(row.total), numeric: true },
  ],
  detail: (row) => ({ kind: 'invoice', id: row.invoiceNo }),
};

/** Items the customer has bought, searchable; the last order links to its detail; each can be bought again. */
const products: TabDefinition<ProductDto> = {
  key: 'products',
  caption: 'productsCaption',
  none: 'noProducts',
  filters: ['q'],
  columns: [
    { label: 'item', cell: (row) => row.itemNo },
    { label: 'description', cell: (row) => row.description ?? '' },
    { label: 'timesOrdered', cell: (row) => formatQuantity(row.timesOrdered), numeric: true },
    { label: 'totalQuantity', cell: (row) => formatQuantity(row.totalQuantity), numeric: true },
    { label: 'lastOrdered', cell: (row) => formatDate(row.lastOrderDate) },
    {
      label: 'lastOrder',
      cell: (row) => h('a', { href: detailHash({ kind: 'order', id: row.lastOrderId }), class: 'erp-portal-open' }, String(row.lastOrderId)),
    },
    { label: 'lastPrice', cell: (row) => formatUnitPrice(row.lastUnitPrice), numeric: true },
  ],
  itemOrders: (row) => row.itemNo,
  buyAgain: (rows, messages) => buyAgainView(rows, productRows, messages),
};

/** Rows are typed per tab; the view only hands a tab's rows back to its own definition. */
export const tabDefinitions: Readonly<Record<TabKey, TabDefinition<unknown>>> = { orders, quotes, shipments, invoices, products };

export const isTabKey = (value: string | undefined): value is TabKey =>
  value !== undefined && Object.prototype.hasOwnProperty.call(tabDefinitions, value);

import type { InvoiceDetailDto, OrderDetailDto, OrderLineDto, QuoteDetailDto } from './api-types';
import type { BuyAgainView } from './buy-again';
import { formatDate, formatMoney, formatQuantity, formatUnitPrice } from './format';
import { fill, type Messages } from './messages';
import { renderDataTable, type TableColumn, type TableTotals } from './render-table';
import { detailHash, statusLabel } from './tab-definitions';
import { h, type VElement, type VNode } from './vnode';

/** Focus target after a detail opens, so keyboard and screen-reader users land on its heading. */
export const focusAttribute = 'data-erp-focus';

function lineColumns(messages: Messages, withOrder: boolean, priceLabel = messages.unitPrice): TableColumn<OrderLineDto>[] {
  return [
    ...(withOrder ? [{ label: messages.order, cell: (line: OrderLineDto) => String(line.orderId) }] : []),
    { label: messages.item, cell: (line) => line.itemNo ?? '' },
    { label: messages.description, cell: (line) => line.description ?? '' },
    { label: messages.ordered, numeric: true, cell: (line) => formatQuantity(line.quantityOrdered) },
    { label: messages.shipped, numeric: true, cell: (line) => formatQuantity(line.quantityShipped) },
    { label: priceLabel, numeric: true, cell: (line) => formatUnitPrice(line.unitPrice) },
    // The API's amount: what the line bills, so the amounts shown add up to the subtotal.
    { label: messages.lineTotal, numeric: true, cell: (line) => (line.statusCode === 'V' ? messages.statusVoid : formatMoney(line.amount)) },
  ];
}

/** The Amount column is the last of the line columns: the totals stand under it. */
const totalsUnder = (lineColumns: readonly TableColumn<OrderLineDto>[], amounts: readonly Amount[]): TableTotals => ({
  column: lineColumns.length - 1,
  rows: amounts.map(([label, value]) => [label, formatMoney(value ?? '0.00')] as const),
});

/** Cornerstone's definition list of order facts; empty facts are left out. */
function facts(entries: ReadonlyArray<readonly [string, VNode]>): VElement {
  return h(
    'dl',
    { class: 'definitionList erp-portal-facts' },
    entries
      .filter(([, value]) => value !== '')
      .map(([key, value]) => [h('dt', { class: 'definitionList-key' }, key), h('dd', { class: 'definitionList-value' }, value)]),
  );
}

type Amount = readonly [label: string, value: string | null];

/** The lines with their totals in the table's foot, right under the Amount column; Buy again, if offered, last. */
function linesTable(lines: readonly OrderLineDto[], columns: TableColumn<OrderLineDto>[], buyAgain: BuyAgainView<OrderLineDto> | undefined, messages: Messages, amounts: readonly Amount[]): VElement {
  return renderDataTable(messages.linesCaption, [...columns, ...(buyAgain ? [buyAgain.column] : [])], lines, totalsUnder(columns, amounts));
}

/** Where the detail's back link leads: the list as it was left (its filters and page). */
export interface Back {
  readonly href: string;
  readonly label: string;
}

/** Saves the shown document as a PDF; gets its button to disable while the download runs. */
export type PdfDownload = (button: HTMLButtonElement) => void;

function header(back: Back, heading: string, download: PdfDownload, messages: Messages): VNode[] {
  return [
    h('p', { class: 'erp-portal-back' }, h('a', { href: back.href }, `‹ ${back.label}`)),
    h('h4', { class: 'account-heading', tabindex: -1, [focusAttribute]: '' }, heading),
    h(
      'p',
      { class: 'erp-portal-actions' },
      h('button', { type: 'button', class: 'button button--small erp-portal-download-pdf', 'on:click': (event) => download(event.currentTarget as HTMLButtonElement) }, messages.downloadPdf),
    ),
  ];
}

export function renderOrderDetail(order: OrderDetailDto, back: Back, messages: Messages, download: PdfDownload, buyAgain?: BuyAgainView<OrderLineDto>): VElement {
  return h(
    'section',
    { class: 'account-content erp-portal-detail' },
    header(back, fill(messages.orderHeading, { id: order.orderId }), download, messages),
    facts([
      [messages.date, formatDate(order.orderDate)],
      [messages.status, statusLabel(order.status)],
      [messages.po, order.customerPo ?? ''],
      [messages.buyer, order.buyer ?? ''],
      [messages.shipVia, order.shipVia ?? ''],
      [messages.shipDate, formatDate(order.shipDate)],
      [messages.invoice, order.invoiceNo === null ? '' : h('a', { href: detailHash({ kind: 'invoice', id: order.invoiceNo }) }, String(order.invoiceNo))],
    ]),
    buyAgain?.bar,
    linesTable(order.lines, lineColumns(messages, false), buyAgain, messages, [
      [messages.subtotal, order.subtotal],
      [messages.freight, order.freight],
      [messages.tax, order.tax],
      [messages.total, order.total],
    ]),
    h('p', { class: 'erp-portal-basis' }, messages.orderBasis),
  );
}

export function renderInvoiceDetail(invoice: InvoiceDetailDto, back: Back, messages: Messages, download: PdfDownload, buyAgain?: BuyAgainView<OrderLineDto>): VElement {
  const orderLinks = invoice.orders.flatMap((order, index) => [
    index > 0 ? ', ' : '',
    h('a', { href: detailHash({ kind: 'order', id: order.orderId }) }, String(order.orderId)),
  ]);
  return h(
    'section',
    { class: 'account-content erp-portal-detail' },
    header(back, fill(messages.invoiceHeading, { id: invoice.invoiceNo }), download, messages),
    facts([
      [messages.invoiceDate, formatDate(invoice.invoiceDate)],
      [messages.orders, h('span', {}, orderLinks)],
      [messages.po, [...new Set(invoice.orders.map((o) => o.customerPo).filter(Boolean))].join(', ')],
    ]),
    buyAgain?.bar,
    linesTable(invoice.lines, lineColumns(messages, invoice.orders.length > 1), buyAgain, messages, [
      [messages.subtotal, invoice.totals.subtotal],
      [messages.freight, invoice.totals.freight],
      [messages.tax, invoice.totals.tax],
      [messages.total, invoice.totals.total],
    ]),
    h('p', { class: 'erp-portal-basis' }, messages.invoiceBasis),
  );
}

/**
 * A quote: its facts, its lines at the quoted prices, and "Order this quote" (Buy again over every
 * line). The mirror knows no store prices, so the view says plainly that the cart's may differ; a
 * void quote shows why it cannot be ordered instead of the buttons.
 */
export function renderQuoteDetail(quote: QuoteDetailDto, back: Back, messages: Messages, download: PdfDownload, buyAgain?: BuyAgainView<OrderLineDto>): VElement {
  const order = quote.orderable ? buyAgain : undefined;
  return h(
    'section',
    { class: 'account-content erp-portal-detail erp-portal-quote' },
    header(back, fill(messages.quoteHeading, { id: quote.quoteNo }), download, messages),
    facts([
      [messages.quoteDate, formatDate(quote.quoteDate)],
      [messages.status, statusLabel(quote.status)],
      [messages.po, quote.customerPo ?? ''],
      [messages.buyer, quote.buyer ?? ''],
      [messages.shipVia, quote.shipVia ?? ''],
    ]),
    h('p', { class: 'erp-portal-quote-note' }, quote.orderable ? messages.quotePricesMayDiffer : messages.quoteNotOrderable),
    order?.bar,
    linesTable(quote.lines, lineColumns(messages, false, messages.quotedPrice), order, messages, [
      [messages.subtotal, quote.subtotal],
      [messages.freight, quote.freight],
      [messages.tax, quote.tax],
      [messages.total, quote.total],
    ]),
  );
}

import type { CustomerDto, InvoiceDetailDto, OrderDetailDto, OrderLineDto, QuoteDetailDto } from '../portal/dto-schemas';
import { formatDate, formatMoney, formatQuantity, formatUnitPrice } from './document-text';
import type { SellerDetails } from './seller-details';
import { printable } from './win-ansi';

export type Labelled = readonly [label: string, value: string];

/** One printed line: every cell already spelled as it appears on paper. */
export interface DocumentLine {
  readonly order: string;
  readonly item: string;
  readonly description: string;
  readonly ordered: string;
  readonly shipped: string;
  readonly unitPrice: string;
  readonly amount: string;
}

/** A printable invoice, order acknowledgement or quotation: what the page shows, nothing about how. */
export interface BusinessDocument {
  readonly title: string;
  /** "Invoice 700044": the running header of continuation pages and the footer. */
  readonly reference: string;
  readonly fileName: string;
  readonly seller: SellerDetails;
  readonly facts: readonly Labelled[];
  readonly billTo: readonly string[];
  /** Where payment goes: invoices only. */
  readonly remitTo: readonly string[];
  /** An invoice billing several orders says which order each line belongs to. */
  readonly orderColumn: boolean;
  readonly lines: readonly DocumentLine[];
  /** Subtotal, freight, tax, then the grand total. */
  readonly totals: readonly Labelled[];
  /** How the amounts were reached (which quantity bills, void lines), printed under the totals. */
  readonly notes: readonly string[];
}

/**
 * The billing rule, stated on the paper it applies to. The ERP invoices an order once, for what was
 * ordered, and its tax is on that: billing only what has shipped would print a subtotal the ERP's
 * tax and receivable do not match.
 */
export const invoiceNote =
  'Amounts bill the ordered quantity × unit price, rounded to the cent, as the order was invoiced; Shipped shows what has shipped so far. Void lines are listed but bill nothing. Subtotal is the sum of the amounts.';
export const orderNote = 'Amounts are the ordered quantity × unit price, rounded to the cent. Void lines are listed but count nothing. Subtotal is the sum of the amounts.';
export const quoteNote =
  'Amounts are the quoted quantity × quoted unit price, rounded to the cent. Void lines are listed but count nothing. Subtotal is the sum of the amounts. An order placed in the store is charged at its current prices.';

/** The mirrored customer's name and address; just its number when the mirror no longer has it. */
function billToLines(customerId: string | null, customer: CustomerDto | undefined): string[] {
  if (!customer) return [customerId ?? ''].filter(Boolean).map(printable);
  const place = [customer.city, [customer.state, customer.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [customer.name, customer.address1, place, customer.phone].filter((line): line is string => Boolean(line)).map(printable);
}

const toLine = (line: OrderLineDto): DocumentLine => ({
  order: String(line.orderId),
  item: printable(line.itemNo ?? ''),
  description: printable(line.description ?? ''),
  ordered: formatQuantity(line.quantityOrdered),
  shipped: formatQuantity(line.quantityShipped),
  unitPrice: formatUnitPrice(line.unitPrice),
  amount: line.statusCode === 'V' ? 'Void' : formatMoney(line.amount),
});

const present = (facts: readonly Labelled[]): Labelled[] =>
  facts.filter(([, value]) => value !== '').map(([label, value]) => [label, printable(value)]);

/** Totals exactly as the detail endpoint reports them; a missing freight or tax prints as zero, as on screen. */
const totals = (subtotal: string, freight: string | null, tax: string | null, total: string): Labelled[] => [
  ['Subtotal', formatMoney(subtotal)],
  ['Freight', formatMoney(freight ?? '0.00')],
  ['Tax', formatMoney(tax ?? '0.00')],
  ['Total', formatMoney(total)],
];

export function invoiceDocument(invoice: InvoiceDetailDto, customer: CustomerDto | undefined, seller: SellerDetails): BusinessDocument {
  const purchaseOrders = [...new Set(invoice.orders.map((o) => o.customerPo).filter(Boolean))].join(', ');
  return {
    title: 'Invoice',
    reference: `Invoice ${invoice.invoiceNo}`,
    fileName: `invoice-${invoice.invoiceNo}.pdf`,
    seller,
    facts: present([
      ['Invoice no.', String(invoice.invoiceNo)],
      ['Invoice date', formatDate(invoice.invoiceDate)],
      ['Customer no.', invoice.customerId ?? ''],
      [invoice.orders.length > 1 ? 'Orders' : 'Order', invoice.orders.map((o) => o.orderId).join(', ')],
      ['Customer PO', purchaseOrders],
    ]),
    billTo: billToLines(invoice.customerId, customer),
    remitTo: seller.remitTo,
    orderColumn: invoice.orders.length > 1,
    lines: invoice.lines.map(toLine),
    totals: totals(invoice.totals.subtotal, invoice.totals.freight, invoice.totals.tax, invoice.totals.total),
    notes: [invoiceNote],
  };
}

export function orderDocument(order: OrderDetailDto, customer: CustomerDto | undefined, seller: SellerDetails): BusinessDocument {
  return {
    title: 'Order acknowledgement',
    reference: `Order ${order.orderId}`,
    fileName: `order-${order.orderId}.pdf`,
    seller,
    facts: present([
      ['Order no.', String(order.orderId)],
      ['Order date', formatDate(order.orderDate)],
      ['Customer no.', order.customerId ?? ''],
      ['Customer PO', order.customerPo ?? ''],
      ['Buyer', order.buyer ?? ''],
      ['Ship via', order.shipVia ?? ''],
      ['Shipped', formatDate(order.shipDate)],
      ['Status', order.status ?? ''],
      ['Invoice no.', order.invoiceNo === null ? '' : String(order.invoiceNo)],
    ]),
    billTo: billToLines(order.customerId, customer),
    remitTo: [],
    orderColumn: false,
    lines: order.lines.map(toLine),
    totals: totals(order.subtotal, order.freight, order.tax, order.total),
    notes: [orderNote],
  };
}

/**
 * The quotation, laid out as the invoice: no remit-to (nothing is owed yet) and the quoted prices.
 * The ERP keeps no expiry date for quotes, so the status stands for validity.
 */
export function quoteDocument(quote: QuoteDetailDto, customer: CustomerDto | undefined, seller: SellerDetails): BusinessDocument {
  return {
    title: 'Quotation',
    reference: `Quote ${quote.quoteNo}`,
    fileName: `quote-${quote.quoteNo}.pdf`,
    seller,
    facts: present([
      ['Quote no.', String(quote.quoteNo)],
      ['Quote date', formatDate(quote.quoteDate)],
      ['Customer no.', quote.customerId ?? ''],
      ['Customer PO', quote.customerPo ?? ''],
      ['Buyer', quote.buyer ?? ''],
      ['Ship via', quote.shipVia ?? ''],
      ['Status', quote.status ?? ''],
    ]),
    billTo: billToLines(quote.customerId, customer),
    remitTo: [],
    orderColumn: false,
    lines: quote.lines.map(toLine),
    totals: totals(quote.subtotal, quote.freight, quote.tax, quote.total),
    notes: [quoteNote],
  };
}

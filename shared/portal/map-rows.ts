import type { ErpCustomerRow, ErpOrderHeaderRow } from '../db/schema/erp-tables';
import type { OrderLineRow } from '../mirror/queries/list-order-lines';
import type { OrderSummaryView } from '../db/schema/mirror-tables';
import type { CustomerDto, InvoiceDto, OrderLineDto, OrderSummaryDto } from './dto-schemas';
import { lineAmount } from './line-amount';
import { isoDate, statusLabel, trimmed } from './map-values';
import { toReorder } from './reorder-dto';

/** Totals of a header with no summary row (cannot happen through the view's left join, but stays total). */
const emptySummary = (orderNo: number): OrderSummaryView => ({
  order_no: orderNo,
  line_count: 0,
  subtotal: '0.00',
  shipped_value: '0.00',
  total: '0.00',
});

export const summaryOf = (summaries: ReadonlyMap<number, OrderSummaryView>, orderNo: number) =>
  summaries.get(orderNo) ?? emptySummary(orderNo);

/** Totals read beside a header by the list statement's outer join: null there when the view has no row. */
export type AppliedTotals = { readonly [K in Exclude<keyof OrderSummaryView, 'order_no'>]: OrderSummaryView[K] | null };

export const appliedSummary = (row: { readonly order_no: number } & AppliedTotals): OrderSummaryView =>
  row.line_count === null || row.subtotal === null || row.shipped_value === null || row.total === null
    ? emptySummary(row.order_no)
    : { order_no: row.order_no, line_count: row.line_count, subtotal: row.subtotal, shipped_value: row.shipped_value, total: row.total };

export function toCustomerDto(row: ErpCustomerRow): CustomerDto {
  return {
    erpId: row.cust_no.trimEnd(),
    name: trimmed(row.cust_name),
    address1: trimmed(row.cust_addr1),
    city: trimmed(row.cust_city),
    state: trimmed(row.cust_state),
    zip: trimmed(row.cust_zip),
    phone: trimmed(row.cust_phone),
    active: row.active,
  };
}

export function toOrderSummaryDto(row: ErpOrderHeaderRow, summary: OrderSummaryView): OrderSummaryDto {
  return {
    orderId: row.order_no,
    orderType: trimmed(row.ord_type),
    orderDate: isoDate(row.order_dt),
    customerId: trimmed(row.cust_no),
    customerPo: trimmed(row.cust_po),
    buyer: trimmed(row.buyer),
    shipVia: trimmed(row.ship_via),
    shipDate: isoDate(row.ship_date),
    invoiceNo: row.inv_no,
    invoiceDate: isoDate(row.inv_date),
    status: statusLabel(row.status),
    statusCode: trimmed(row.status),
    lineCount: Number(summary.line_count),
    subtotal: summary.subtotal,
    freight: row.freight,
    tax: row.tax_amt,
    total: summary.total,
  };
}

export function toOrderLineDto(row: OrderLineRow): OrderLineDto {
  return {
    orderId: row.order_no,
    lineNo: Number(row.lin_no),
    itemNo: trimmed(row.item_no),
    description: trimmed(row.item_desc),
    quantityOrdered: row.ord_qty,
    quantityShipped: row.qty_shipd,
    unitPrice: row.unit_price,
    amount: lineAmount(row),
    status: statusLabel(row.status),
    statusCode: trimmed(row.status),
    ...toReorder(row),
  };
}

export function toInvoiceDto(row: ErpOrderHeaderRow, summary: OrderSummaryView): InvoiceDto {
  return {
    invoiceNo: row.inv_no ?? 0,
    invoiceDate: isoDate(row.inv_date),
    orderId: row.order_no,
    orderDate: isoDate(row.order_dt),
    customerPo: trimmed(row.cust_po),
    status: statusLabel(row.status),
    statusCode: trimmed(row.status),
    subtotal: summary.subtotal,
    freight: row.freight,
    tax: row.tax_amt,
    total: summary.total,
  };
}

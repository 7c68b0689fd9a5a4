import { notFound } from './portal-error';
import { findCustomer } from '../mirror/queries/find-customer';
import { findInvoiceHeaders } from '../mirror/queries/find-invoice-headers';
import { findOrderHeader } from '../mirror/queries/find-order-header';
import { listOrderLines } from '../mirror/queries/list-order-lines';
import { orderSummaries } from '../mirror/queries/order-summaries';
import type { CustomerDto, InvoiceDetailDto, OrderDetailDto } from './dto-schemas';
import { summaryOf, toCustomerDto, toOrderLineDto, toOrderSummaryDto } from './map-rows';
import { isoDate, sumMoney, trimmed } from './map-values';
import { isQuoteType, type PortalContext } from './portal-context';

export async function getCustomer(context: PortalContext, custNo: string): Promise<CustomerDto> {
  const row = await findCustomer((await context.mirror()).db, custNo);
  if (!row) throw notFound('Customer');
  return toCustomerDto(row);
}

/** One of the customer's orders with lines and totals; quotes are not orders. */
export async function getOrder(context: PortalContext, orderNo: number, scope: string): Promise<OrderDetailDto> {
  const { db, dialect } = await context.mirror();
  const header = await findOrderHeader(db, orderNo, scope);
  if (!header || isQuoteType(context, header.ord_type)) throw notFound('Order');
  const [summaries, lines] = await Promise.all([orderSummaries(db, [orderNo]), listOrderLines(db, [orderNo], { dialect, skuMatch: context.skuMatch })]);
  const summary = summaryOf(summaries, orderNo);
  return {
    ...toOrderSummaryDto(header, summary),
    shippedValue: summary.shipped_value,
    lines: lines.map(toOrderLineDto),
  };
}

/**
 * One of the customer's invoices: the orders billed on it, their lines and the summed totals.
 * Always confined to one customer, because ERP invoice numbers are not unique across customers.
 */
export async function getInvoice(context: PortalContext, invoiceNo: number, scope: string): Promise<InvoiceDetailDto> {
  const { db, dialect } = await context.mirror();
  const headers = (await findInvoiceHeaders(db, invoiceNo, scope)).filter((h) => !isQuoteType(context, h.ord_type));
  const first = headers[0];
  if (!first) throw notFound('Invoice');
  const orderNos = headers.map((h) => h.order_no);
  const [summaries, lines] = await Promise.all([orderSummaries(db, orderNos), listOrderLines(db, orderNos, { dialect, skuMatch: context.skuMatch })]);
  const orders = headers.map((h) => toOrderSummaryDto(h, summaryOf(summaries, h.order_no)));
  return {
    invoiceNo,
    invoiceDate: isoDate(first.inv_date),
    customerId: trimmed(first.cust_no),
    orders,
    lines: lines.map(toOrderLineDto),
    totals: {
      subtotal: sumMoney(orders.map((o) => o.subtotal)),
      freight: sumMoney(orders.map((o) => o.freight)),
      tax: sumMoney(orders.map((o) => o.tax)),
      total: sumMoney(orders.map((o) => o.total)),
    },
  };
}

import { findOrderHeader } from '../mirror/queries/find-order-header';
import { listOrderLines } from '../mirror/queries/list-order-lines';
import { orderSummaries } from '../mirror/queries/order-summaries';
import type { QuoteDetailDto } from './dto-schemas';
import { summaryOf, toOrderLineDto, toOrderSummaryDto } from './map-rows';
import { isQuoteType, type PortalContext } from './portal-context';
import { notFound } from './portal-error';

/**
 * One of the customer's quotes with lines and totals. The mirror holds quotes and orders in one
 * table, so each endpoint keeps to its own kind: an order number here reads exactly like a missing
 * quote (and getOrder refuses quotes the same way).
 */
export async function getQuote(context: PortalContext, quoteNo: number, scope: string): Promise<QuoteDetailDto> {
  const { db, dialect } = await context.mirror();
  const header = await findOrderHeader(db, quoteNo, scope);
  if (!header || !isQuoteType(context, header.ord_type)) throw notFound('Quote');
  const [summaries, lines] = await Promise.all([orderSummaries(db, [quoteNo]), listOrderLines(db, [quoteNo], { dialect, skuMatch: context.skuMatch })]);
  const summary = toOrderSummaryDto(header, summaryOf(summaries, quoteNo));
  return {
    quoteNo,
    quoteDate: summary.orderDate,
    orderType: summary.orderType,
    customerId: summary.customerId,
    customerPo: summary.customerPo,
    buyer: summary.buyer,
    shipVia: summary.shipVia,
    status: summary.status,
    statusCode: summary.statusCode,
    orderable: summary.statusCode !== 'V',
    lineCount: summary.lineCount,
    subtotal: summary.subtotal,
    freight: summary.freight,
    tax: summary.tax,
    total: summary.total,
    lines: lines.map(toOrderLineDto),
  };
}

import { z } from 'zod';
import { reorderFields } from './reorder-dto';

/** Response shapes. Mappers produce these types and the OpenAPI document is generated from them. */
const money = z
  .string()
  .regex(/^-?\d+\.\d+$/)
  .describe('Decimal amount as a string with the column scale (e.g. "12.50"), never a float.');
const isoDate = z.iso.datetime().describe('ISO 8601 date-time (UTC).');
const text = z.string().describe('CHAR padding trimmed.');
const statusLabel = z
  .string()
  .describe('Status label: O = Open, C = Complete, V = Void; unknown codes are passed through unchanged.');

export const customerDto = z.object({
  erpId: text,
  name: text.nullable(),
  address1: text.nullable(),
  city: text.nullable(),
  state: text.nullable(),
  zip: text.nullable(),
  phone: text.nullable(),
  active: z.boolean().nullable(),
});

export const orderSummaryDto = z.object({
  orderId: z.number().int(),
  orderType: text.nullable(),
  orderDate: isoDate.nullable(),
  customerId: text.nullable(),
  customerPo: text.nullable(),
  buyer: text.nullable(),
  shipVia: text.nullable(),
  shipDate: isoDate.nullable(),
  invoiceNo: z.number().int().nullable(),
  invoiceDate: isoDate.nullable(),
  status: statusLabel.nullable(),
  statusCode: text.nullable(),
  lineCount: z.number().int(),
  subtotal: money.describe('The sum of the line amounts (void lines count 0).'),
  freight: money.nullable(),
  tax: money.nullable(),
  total: money.describe('subtotal + freight + tax.'),
});

export const orderLineDto = z.object({
  orderId: z.number().int(),
  lineNo: z.number().int(),
  itemNo: text.nullable(),
  description: text.nullable(),
  quantityOrdered: z.number().int().nullable(),
  quantityShipped: z.number().int().nullable(),
  unitPrice: money.nullable(),
  amount: money.describe(
    'What the line bills: ordered quantity × unit price, rounded half away from zero to cents; "0.00" for a void line (status V) or a line without quantity or price. The order\'s subtotal is the sum of these.',
  ),
  status: statusLabel.nullable(),
  statusCode: text.nullable(),
  ...reorderFields,
});

export const orderDetailDto = orderSummaryDto.extend({
  shippedValue: money,
  lines: z.array(orderLineDto),
});

/**
 * One quote. The ERP keeps no expiry date on ord_hedr, so validity is the quote's status: a void
 * quote (V) cannot be ordered; any other can, at the store's current prices.
 */
export const quoteDetailDto = orderSummaryDto.omit({ orderId: true, orderDate: true, shipDate: true, invoiceNo: true, invoiceDate: true }).extend({
  quoteNo: z.number().int().describe('The quote number (the ERP order number of a header whose ord_type is in QUOTE_ORDER_TYPES).'),
  quoteDate: isoDate.nullable(),
  orderable: z.boolean().describe('False for a void quote (status V). The ERP holds no expiry date for quotes.'),
  lines: z.array(orderLineDto),
});

export const shipmentDto = z.object({
  orderId: z.number().int(),
  orderDate: isoDate.nullable(),
  shipDate: isoDate.nullable(),
  shipVia: text.nullable(),
  customerPo: text.nullable(),
  status: statusLabel.nullable(),
  statusCode: text.nullable(),
  quantityOrdered: z.number().int(),
  quantityShipped: z.number().int(),
  shippedValue: money,
  complete: z.boolean().describe('Every ordered unit has shipped.'),
});

export const invoiceDto = z.object({
  invoiceNo: z.number().int(),
  invoiceDate: isoDate.nullable(),
  orderId: z.number().int(),
  orderDate: isoDate.nullable(),
  customerPo: text.nullable(),
  status: statusLabel.nullable(),
  statusCode: text.nullable(),
  subtotal: money,
  freight: money.nullable(),
  tax: money.nullable(),
  total: money,
});

export const invoiceDetailDto = z.object({
  invoiceNo: z.number().int(),
  invoiceDate: isoDate.nullable(),
  customerId: text.nullable(),
  orders: z.array(orderSummaryDto),
  lines: z.array(orderLineDto),
  totals: z.object({ subtotal: money, freight: money, tax: money, total: money }),
});

export const productDto = z.object({
  itemNo: text,
  description: text.nullable().describe('As on the most recent purchase; CHAR padding trimmed.'),
  timesOrdered: z.number().int().describe('Orders that contain the item.'),
  totalQuantity: z.number().int().describe('Units ordered over all those orders.'),
  lastOrderDate: isoDate.nullable(),
  lastOrderId: z.number().int().describe('The most recent order with the item (latest order date, then highest order number).'),
  lastUnitPrice: money.nullable().describe('Unit price on that order.'),
  lastQuantity: z.number().int().nullable().describe('Quantity ordered on that order (the line quantity; the storefront offers it for Buy again).'),
  ...reorderFields,
});

export const paginationDto = z.object({
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1).max(100),
  total: z.number().int().min(0),
});

export type CustomerDto = z.infer<typeof customerDto>;
export type OrderSummaryDto = z.infer<typeof orderSummaryDto>;
export type OrderLineDto = z.infer<typeof orderLineDto>;
export type OrderDetailDto = z.infer<typeof orderDetailDto>;
export type ShipmentDto = z.infer<typeof shipmentDto>;
export type InvoiceDto = z.infer<typeof invoiceDto>;
export type ProductDto = z.infer<typeof productDto>;
export type InvoiceDetailDto = z.infer<typeof invoiceDetailDto>;
export type QuoteDetailDto = z.infer<typeof quoteDetailDto>;

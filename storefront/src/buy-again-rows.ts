import type { OrderLineDto, ProductDto } from './api-types';
import type { BuyAgainRows } from './buy-again';

/** An order's or invoice's lines: the quantity ordered on the line. */
export const orderLineRows: BuyAgainRows<OrderLineDto> = {
  key: (line) => `${line.orderId}-${line.lineNo}`,
  label: (line) => line.itemNo ?? line.description ?? `#${line.lineNo}`,
  quantity: (line) => Math.max(1, line.quantityOrdered ?? 1),
  buyAll: true,
};

/** A quote's lines: the quoted quantity, all ordered at once with "Order this quote". */
export const quoteLineRows: BuyAgainRows<OrderLineDto> = { ...orderLineRows, buyAllLabel: 'orderQuote' };

/** The items bought (Products tab): the quantity of the latest purchase, as a buyer restocks what ran out. */
export const productRows: BuyAgainRows<ProductDto> = {
  key: (product) => product.itemNo,
  label: (product) => product.itemNo,
  quantity: (product) => Math.max(1, product.lastQuantity ?? 1),
  buyAll: false,
};

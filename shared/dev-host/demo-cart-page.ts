import type { ServerResponse } from 'node:http';
import { cartBody, type DemoCart } from './demo-cart-body';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

type CartBody = ReturnType<typeof cartBody>;

/** An amount of the cart's currency as its symbol and decimal places say ("$1,234.50"). */
const money = (amount: number, currency: CartBody['currency']) =>
  `${currency.symbol}${amount.toLocaleString('en-US', { minimumFractionDigits: currency.decimalPlaces, maximumFractionDigits: currency.decimalPlaces })}`;

/**
 * The cart as a store's cart page shows it, from the same body the Storefront Cart API stand-in
 * answers (reference/carts.sf.yml, "Get a Cart": each physical item's salePrice and
 * extendedSalePrice, the cart's baseAmount and cartAmount, in its currency).
 */
function cartTable(body: CartBody): string {
  const rows = body.lineItems.physicalItems
    .map(
      (item) =>
        `<tr><th scope="row">${escapeHtml(item.sku)}</th><td>${escapeHtml(item.name)}</td>` +
        `<td class="cart-price">${money(item.salePrice, body.currency)}</td><td class="cart-quantity">${item.quantity}</td>` +
        `<td class="cart-total">${money(item.extendedSalePrice, body.currency)}</td></tr>`,
    )
    .join('\n');
  const total = (label: string, amount: number, modifier = '') =>
    `<tr class="cart-summary${modifier}"><th scope="row" colspan="4">${label}</th><td class="cart-total">${money(amount, body.currency)}</td></tr>`;
  return (
    '<table class="cart"><thead><tr><th scope="col">Item</th><th scope="col">Description</th><th scope="col" class="cart-price">Price</th>' +
    '<th scope="col" class="cart-quantity"><abbr title="Quantity">Qty</abbr></th><th scope="col" class="cart-total">Total</th></tr></thead>' +
    `<tbody>\n${rows}\n</tbody><tfoot>${total('Subtotal', body.baseAmount)}${total('Grand total', body.cartAmount, ' cart-summary--grandTotal')}</tfoot></table>` +
    '<p class="cart-note">Shipping and tax are calculated at checkout.</p>'
  );
}

/** Demo only: `/cart.php`, where a store's cart page is; lists the browser's demo cart with its prices and totals. */
export function serveDemoCartPage(response: ServerResponse, cart: DemoCart | undefined, sellerName: string): void {
  const body = cart && cart.lines.length > 0 ? cartTable(cartBody(cart)) : '<p class="cart-empty">Your cart is empty.</p>';
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>Your Cart · ${escapeHtml(sellerName)}</title>` +
      `<link rel="stylesheet" href="/storefront/demo.css"></head><body><div class="container"><h1 class="page-heading">Your Cart</h1>\n${body}\n` +
      `<p><a href="/storefront/orders">Back to ERP orders</a></p></div></body></html>`,
  );
}

import type { ServerResponse } from 'node:http';
import type { DemoCart } from './demo-cart-body';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Demo only: `/cart.php`, where a store's cart page is; lists the browser's demo cart. */
export function serveDemoCartPage(response: ServerResponse, cart: DemoCart | undefined, sellerName: string): void {
  const rows = (cart?.lines ?? [])
    .map((line) => `<tr><th scope="row">${escapeHtml(line.item.itemNo)}</th><td>${escapeHtml(line.item.description)}</td><td class="cart-quantity">${line.quantity}</td></tr>`)
    .join('\n');
  const body = rows
    ? `<table class="cart"><thead><tr><th scope="col">Item</th><th scope="col">Description</th><th scope="col">Quantity</th></tr></thead><tbody>\n${rows}\n</tbody></table>`
    : '<p class="cart-empty">Your cart is empty.</p>';
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Your Cart · ${escapeHtml(sellerName)}</title>` +
      `<link rel="stylesheet" href="/storefront/demo.css"></head><body><div class="container"><h1 class="page-heading">Your Cart</h1>\n${body}\n` +
      `<p><a href="/storefront/orders">Back to ERP orders</a></p></div></body></html>`,
  );
}

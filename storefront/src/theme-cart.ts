/** The part of jQuery the theme's cart badge listens through. */
type JQueryLike = ((selector: string) => { trigger(event: string, data?: unknown): unknown }) & { fn?: { jquery?: unknown } };

const isJQuery = (value: unknown): value is JQueryLike =>
  typeof value === 'function' && typeof (value as JQueryLike).fn?.jquery === 'string';

/**
 * Tells the theme the cart's new item count. Cornerstone's header badge (cart-preview.js) listens
 * only for jQuery's `cart-quantity-update` on `body`, with the quantity as the handler's extra
 * argument, so a native DOM event would never reach it. jQuery keeps handlers per copy of itself,
 * so the event must go through the theme's own copy: Cornerstone's build exposes it as `window.$`
 * (expose-loader in its webpack.common.js), so `$` is asked first and `window.jQuery` (a theme or
 * script that sets it) second. A page with neither has no such badge to update.
 */
export function announceCartQuantity(quantity: number, page: { jQuery?: unknown; $?: unknown } = window as never): boolean {
  const jquery = isJQuery(page.$) ? page.$ : isJQuery(page.jQuery) ? page.jQuery : undefined;
  if (!jquery) return false;
  jquery('body').trigger('cart-quantity-update', quantity);
  return true;
}

/** The part of jQuery the theme's cart badge listens through. */
type JQueryLike = (selector: string) => { trigger(event: string, data?: unknown): unknown };

/**
 * Tells the theme the cart's new item count. Cornerstone's header badge (cart-preview.js) listens
 * only for jQuery's `cart-quantity-update` on `body`, with the quantity as the handler's extra
 * argument, so a native DOM event would never reach it: the event goes through the page's own
 * jQuery. A page without jQuery (another theme, the demo without it) has no such badge to update.
 */
export function announceCartQuantity(quantity: number, page: { jQuery?: unknown; $?: unknown } = window as never): boolean {
  const jquery = (typeof page.jQuery === 'function' ? page.jQuery : typeof page.$ === 'function' ? page.$ : undefined) as JQueryLike | undefined;
  if (!jquery) return false;
  jquery('body').trigger('cart-quantity-update', quantity);
  return true;
}

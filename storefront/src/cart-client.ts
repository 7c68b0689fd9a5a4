/** One line for the store's cart, as the Storefront Cart API's `lineItems` take it. */
export interface CartLine {
  readonly productId: number;
  readonly variantId: number;
  readonly quantity: number;
}

/**
 * What became of one line: added, or refused with the answer's status (which picks our own words,
 * cart-refusal.ts) and the store's own text (`title`, and `detail` when given) kept beside them.
 */
export type CartLineResult = { readonly added: true } | { readonly added: false; readonly status: number; readonly detail: string | null };

/** Every line's result, and the cart's item count after the last change (null when nothing changed). */
export interface CartOutcome {
  readonly lines: readonly CartLineResult[];
  readonly quantity: number | null;
}

type Fetch = typeof fetch;

/** The cart API lives on the storefront's own origin and keys the cart on the shopper's session cookie. */
const cartsPath = '/api/storefront/carts';

type CartItems = { quantity?: unknown }[] | undefined;
type CartBody = { id?: unknown; lineItems?: { physicalItems?: CartItems; digitalItems?: CartItems; customItems?: CartItems; giftCertificates?: unknown[] } };

/**
 * The number the header badge shows: every unit of every item, and one per gift certificate, as
 * Cornerstone counts the cart (stencil-utils' cart quantity).
 */
export function cartQuantity(cart: CartBody): number {
  const units = (items: CartItems) => (items ?? []).reduce((sum, item) => sum + (typeof item.quantity === 'number' ? item.quantity : 0), 0);
  const items = cart.lineItems ?? {};
  return units(items.physicalItems) + units(items.digitalItems) + units(items.customItems) + (items.giftCertificates?.length ?? 0);
}

const post = (doFetch: Fetch, path: string, line: CartLine) =>
  doFetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ lineItems: [line] }),
  });

/** The store's own text of a refusal: its `title`, with its `detail` when that adds something. */
async function storeDetail(response: Response): Promise<string | null> {
  const body = (await response.json().catch(() => null)) as { title?: unknown; detail?: unknown } | null;
  const parts = [body?.title, body?.detail].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return parts.length > 0 ? [...new Set(parts.map((part) => part.trim()))].join(' ') : null;
}

async function readCartId(doFetch: Fetch): Promise<string | undefined> {
  const read = await doFetch(cartsPath, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!read.ok) throw new Error(`GET ${cartsPath} answered ${read.status}`);
  const carts = (await read.json()) as { id?: unknown }[];
  return Array.isArray(carts) && typeof carts[0]?.id === 'string' ? carts[0].id : undefined;
}

/**
 * Adds lines to the shopper's cart through BigCommerce's Storefront Cart API, one request per
 * line: the API refuses a whole request when any of its lines is refused (a product that needs an
 * option, say), and each refusal belongs beside its own line. Reads the current cart first
 * (`GET /api/storefront/carts`, an array), creates one (`POST /api/storefront/carts`) only when
 * there is none, then adds (`POST /api/storefront/carts/{cartId}/items`). A 409 means the cart
 * changed underneath (another tab, a checkout): the cart is read again and the line tried once
 * more. A failed read or a network error throws: nothing can be said about any line then.
 */
export async function addToCart(lines: readonly CartLine[], doFetch: Fetch = fetch): Promise<CartOutcome> {
  let cartId = await readCartId(doFetch);
  let quantity: number | null = null;
  const attempt = (line: CartLine) => post(doFetch, cartId ? `${cartsPath}/${encodeURIComponent(cartId)}/items` : cartsPath, line);
  const results: CartLineResult[] = [];
  for (const line of lines) {
    let response = await attempt(line);
    if (response.status === 409) {
      cartId = await readCartId(doFetch);
      response = await attempt(line);
    }
    if (!response.ok) {
      results.push({ added: false, status: response.status, detail: await storeDetail(response) });
      continue;
    }
    const cart = (await response.json()) as CartBody;
    if (typeof cart.id === 'string') cartId = cart.id;
    quantity = cartQuantity(cart);
    results.push({ added: true });
  }
  return { lines: results, quantity };
}

/** One line for the store's cart, as the Storefront Cart API's `lineItems` take it. */
export interface CartLine {
  readonly productId: number;
  readonly variantId: number;
  readonly quantity: number;
}

/** What became of one line: added, or refused with the store's own words (`title` of its error body). */
export type CartLineResult = { readonly added: true } | { readonly added: false; readonly refusal: string | null };

type Fetch = typeof fetch;

/** The cart API lives on the storefront's own origin and keys the cart on the shopper's session cookie. */
const cartsPath = '/api/storefront/carts';

const post = (doFetch: Fetch, path: string, line: CartLine) =>
  doFetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ lineItems: [line] }),
  });

async function refusalOf(response: Response): Promise<string | null> {
  const body = (await response.json().catch(() => null)) as { title?: unknown } | null;
  return typeof body?.title === 'string' && body.title.trim() !== '' ? body.title : null;
}

/**
 * Adds lines to the shopper's cart through BigCommerce's Storefront Cart API, one request per
 * line: the API refuses a whole request when any of its lines is refused (a product that needs an
 * option, say), and each refusal belongs beside its own line. Reads the current cart first
 * (`GET /api/storefront/carts`, an array), creates one (`POST /api/storefront/carts`) only when
 * there is none, then adds (`POST /api/storefront/carts/{cartId}/items`). A failed read or a
 * network error throws: nothing can be said about any line then.
 */
export async function addToCart(lines: readonly CartLine[], doFetch: Fetch = fetch): Promise<CartLineResult[]> {
  const read = await doFetch(cartsPath, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!read.ok) throw new Error(`GET ${cartsPath} answered ${read.status}`);
  const carts = (await read.json()) as { id?: unknown }[];
  let cartId = Array.isArray(carts) && typeof carts[0]?.id === 'string' ? carts[0].id : undefined;
  const results: CartLineResult[] = [];
  for (const line of lines) {
    const response = await post(doFetch, cartId ? `${cartsPath}/${encodeURIComponent(cartId)}/items` : cartsPath, line);
    if (!response.ok) {
      results.push({ added: false, refusal: await refusalOf(response) });
      continue;
    }
    const cart = (await response.json()) as { id?: unknown };
    if (typeof cart.id === 'string') cartId = cart.id;
    results.push({ added: true });
  }
  return results;
}

import { describe, expect, it } from 'vitest';
import { addToCart, cartQuantity } from '../../storefront/src/cart-client';

type Call = { url: string; method: string; credentials: RequestCredentials | undefined; body: unknown };
type Line = { variantId: number; quantity: number };

/**
 * Answers like the Storefront Cart API (reference/carts.sf.yml): GET an array of carts, POST the
 * cart with its `lineItems.physicalItems` (each with its `quantity`), or the reference's error body
 * (`status`, `title`, `type`). `refuse` answers a status and title for a line it refuses.
 */
function fakeStore(existingCart: string | null, refuse: (line: Line, attempt: number) => [number, string] | null = () => null) {
  const calls: Call[] = [];
  const items: Line[] = [];
  let cartId = existingCart;
  let attempt = 0;
  const body = () => ({ id: cartId, lineItems: { physicalItems: items.map((i) => ({ variantId: i.variantId, quantity: i.quantity })), digitalItems: [], customItems: [], giftCertificates: [] } });
  const doFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const sent = init?.body ? (JSON.parse(String(init.body)) as { lineItems: Line[] }) : undefined;
    calls.push({ url, method: init?.method ?? 'GET', credentials: init?.credentials, body: sent });
    if (!init?.method) return Response.json(cartId ? [body()] : []);
    const refusal = refuse(sent!.lineItems[0]!, attempt++);
    if (refusal) return Response.json({ status: refusal[0], title: refusal[1], type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes' }, { status: refusal[0] });
    cartId ??= 'new-cart';
    items.push(sent!.lineItems[0]!);
    return Response.json(body());
  }) as typeof fetch;
  return { calls, doFetch, moveCart: (id: string) => (cartId = id) };
}

const line = (variantId: number, quantity = 1) => ({ productId: 1, variantId, quantity });

describe('addToCart (Storefront Cart API, same origin)', () => {
  it('creates a cart when there is none, then adds each further line to it, one request per line', async () => {
    const store = fakeStore(null);
    await expect(addToCart([line(1, 2), line(2)], store.doFetch)).resolves.toEqual({ lines: [{ added: true }, { added: true }], quantity: 3 });
    expect(store.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/storefront/carts',
      'POST /api/storefront/carts',
      'POST /api/storefront/carts/new-cart/items',
    ]);
    expect(store.calls.every((c) => c.credentials === 'same-origin')).toBe(true);
    expect(store.calls[1]?.body).toEqual({ lineItems: [{ productId: 1, variantId: 1, quantity: 2 }] });
  });

  it('adds to the existing cart and reports each refusal beside its own line, with its status and the store’s words', async () => {
    const store = fakeStore('c1', (l) => (l.variantId === 2 ? [422, 'Please choose the required options.'] : null));
    await expect(addToCart([line(1), line(2), line(3)], store.doFetch)).resolves.toEqual({
      lines: [{ added: true }, { added: false, status: 422, detail: 'Please choose the required options.' }, { added: true }],
      quantity: 2,
    });
    expect(store.calls.slice(1).map((c) => c.url)).toEqual(Array(3).fill('/api/storefront/carts/c1/items'));
  });

  it('on a 409 (the cart changed underneath) reads the cart again once and retries the line there', async () => {
    const store = fakeStore('c1', (_l, attempt) => (attempt === 0 ? (store.moveCart('c2'), [409, 'Conflict']) : null));
    await expect(addToCart([line(1, 5)], store.doFetch)).resolves.toEqual({ lines: [{ added: true }], quantity: 5 });
    expect(store.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/storefront/carts',
      'POST /api/storefront/carts/c1/items',
      'GET /api/storefront/carts',
      'POST /api/storefront/carts/c2/items',
    ]);
  });

  it('retries a 409 only once: a second one is that line’s refusal', async () => {
    const store = fakeStore('c1', () => [409, 'Conflict']);
    await expect(addToCart([line(1)], store.doFetch)).resolves.toEqual({ lines: [{ added: false, status: 409, detail: 'Conflict' }], quantity: null });
    expect(store.calls.filter((c) => c.method === 'POST')).toHaveLength(2);
  });

  it('throws when the cart cannot even be read', async () => {
    const failing = (async () => new Response('', { status: 500 })) as typeof fetch;
    await expect(addToCart([line(1)], failing)).rejects.toThrow(/answered 500/);
  });
});

describe('cartQuantity', () => {
  it('counts every unit of physical, digital and custom items and one per gift certificate', () => {
    const cart = { lineItems: { physicalItems: [{ quantity: 2 }, { quantity: 3 }], digitalItems: [{ quantity: 1 }], customItems: [{ quantity: 4 }], giftCertificates: [{}, {}] } };
    expect(cartQuantity(cart)).toBe(12);
    expect(cartQuantity({})).toBe(0);
  });
});

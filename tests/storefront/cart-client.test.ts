import { describe, expect, it } from 'vitest';
import { addToCart } from '../../storefront/src/cart-client';

type Call = { url: string; method: string; credentials: RequestCredentials | undefined; body: unknown };

/** Answers like the Storefront Cart API (reference/carts.sf.yml): GET an array, POST a cart or an error body. */
function fakeStore(existingCart: string | null, refuse: (line: { variantId: number }) => string | null) {
  const calls: Call[] = [];
  const doFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const body = init?.body ? (JSON.parse(String(init.body)) as { lineItems: { variantId: number }[] }) : undefined;
    calls.push({ url, method: init?.method ?? 'GET', credentials: init?.credentials, body });
    if (!init?.method) return Response.json(existingCart ? [{ id: existingCart, lineItems: { physicalItems: [] } }] : []);
    const title = refuse(body!.lineItems[0]!);
    if (title) return Response.json({ status: 422, title, type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes' }, { status: 422 });
    return Response.json({ id: existingCart ?? 'new-cart', lineItems: { physicalItems: [] } });
  }) as typeof fetch;
  return { calls, doFetch };
}

const line = (variantId: number, quantity = 1) => ({ productId: 1, variantId, quantity });

describe('addToCart (Storefront Cart API, same origin)', () => {
  it('creates a cart when there is none, then adds each further line to it, one request per line', async () => {
    const store = fakeStore(null, () => null);
    await expect(addToCart([line(1, 2), line(2)], store.doFetch)).resolves.toEqual([{ added: true }, { added: true }]);
    expect(store.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/storefront/carts',
      'POST /api/storefront/carts',
      'POST /api/storefront/carts/new-cart/items',
    ]);
    expect(store.calls.every((c) => c.credentials === 'same-origin')).toBe(true);
    expect(store.calls[1]?.body).toEqual({ lineItems: [{ productId: 1, variantId: 1, quantity: 2 }] });
  });

  it('adds to the existing cart and reports each refusal beside its own line, in the store’s words', async () => {
    const store = fakeStore('c1', (l) => (l.variantId === 2 ? 'Please choose the required options.' : null));
    await expect(addToCart([line(1), line(2), line(3)], store.doFetch)).resolves.toEqual([
      { added: true },
      { added: false, refusal: 'Please choose the required options.' },
      { added: true },
    ]);
    expect(store.calls.slice(1).map((c) => c.url)).toEqual(Array(3).fill('/api/storefront/carts/c1/items'));
  });

  it('throws when the cart cannot even be read', async () => {
    const failing = (async () => new Response('', { status: 500 })) as typeof fetch;
    await expect(addToCart([line(1)], failing)).rejects.toThrow(/answered 500/);
  });
});

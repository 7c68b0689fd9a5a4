import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody } from './bigcommerce-shapes';
import { cartBody, type DemoCart } from './demo-cart-body';
import { demoCatalog, type DemoCatalogItem } from './demo-catalog';
import { BadRequest, cookieValue } from './request-target';

export const demoCartCookie = 'demo_cart';
const maxBodyBytes = 64 * 1024;

const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
};

async function readJson(message: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of message) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new BadRequest('Request body too large.');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequest('Request body is not JSON.');
  }
}

interface Refusal {
  readonly status: number;
  readonly title: string;
}

type Resolved = { readonly item: DemoCatalogItem; readonly quantity: number };

/**
 * The lines of a request body, or why the store refuses them. Like the real API, one bad line
 * refuses the whole request. The titles are this stand-in's; the shape is the reference's error.
 */
function resolveLines(body: unknown): Resolved[] | Refusal {
  const lineItems = (body as { lineItems?: unknown } | null)?.lineItems;
  if (!Array.isArray(lineItems) || lineItems.length === 0) return { status: 422, title: 'lineItems is required.' };
  const byVariant = new Map(demoCatalog().map((item) => [item.variantId, item]));
  const resolved: Resolved[] = [];
  for (const line of lineItems as { productId?: unknown; variantId?: unknown; quantity?: unknown }[]) {
    const item = typeof line?.variantId === 'number' ? byVariant.get(line.variantId) : undefined;
    const quantity = line?.quantity;
    if (!Number.isInteger(quantity) || (quantity as number) < 1) return { status: 422, title: 'Quantity must be a whole number of at least 1.' };
    if (!item || item.productId !== line.productId || item.sale === 'offline') return { status: 404, title: 'The product or variant does not exist.' };
    if (item.sale === 'purchasing-disabled') return { status: 422, title: `${item.itemNo} is not available for purchase.` };
    if (item.sale === 'needs-option') return { status: 422, title: `Please choose the required options for ${item.itemNo}.` };
    resolved.push({ item, quantity: quantity as number });
  }
  return resolved;
}

function addLines(cart: DemoCart, lines: readonly Resolved[]): void {
  for (const { item, quantity } of lines) {
    // Adding a variant the cart already holds raises its quantity, as the storefront does.
    const existing = cart.lines.find((line) => line.item.variantId === item.variantId);
    if (existing) existing.quantity += quantity;
    else cart.lines.push({ id: randomUUID(), item, quantity });
  }
  cart.updatedTime = new Date().toISOString();
}

/**
 * Demo only: a stand-in for the Storefront Cart API on the storefront's own origin, the calls
 * "Buy again" makes: GET /api/storefront/carts (an array, empty without a cart), POST
 * /api/storefront/carts (create with lineItems) and POST /api/storefront/carts/{cartId}/items. The
 * browser's cart is the one its `demo_cart` cookie names, as a real store's session cookie would.
 */
export function createDemoCarts() {
  const carts = new Map<string, DemoCart>();
  const current = (message: IncomingMessage) => carts.get(cookieValue(message, demoCartCookie) ?? '');

  return {
    /** The cart of this browser, for the demo's cart page. */
    current,
    async serve(message: IncomingMessage, url: URL, response: ServerResponse): Promise<void> {
      const method = message.method ?? 'GET';
      if (url.pathname === '/api/storefront/carts' && method === 'GET') {
        const cart = current(message);
        return json(response, 200, cart ? [cartBody(cart)] : []);
      }
      const add = /^\/api\/storefront\/carts\/([0-9a-f-]{36})\/items$/.exec(url.pathname);
      const create = url.pathname === '/api/storefront/carts';
      if (method !== 'POST' || (!add && !create)) return json(response, 404, errorBody(404, 'Not found'));
      const cart = add ? current(message) : undefined;
      if (add && cart?.id !== add[1]) return json(response, 404, errorBody(404, 'Cart not found.'));
      const lines = resolveLines(await readJson(message));
      if (!Array.isArray(lines)) return json(response, lines.status, errorBody(lines.status, lines.title));
      if (cart) {
        addLines(cart, lines);
        return json(response, 200, cartBody(cart));
      }
      const now = new Date().toISOString();
      const created: DemoCart = { id: randomUUID(), lines: [], createdTime: now, updatedTime: now };
      addLines(created, lines);
      carts.set(created.id, created);
      json(response, 200, cartBody(created), { 'Set-Cookie': `${demoCartCookie}=${created.id}; Path=/; HttpOnly; SameSite=Lax` });
    },
  };
}

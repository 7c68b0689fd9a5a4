import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../../shared/config';
import { createApp } from '../../../shared/composition/create-app';
import type { PortalDatabase } from '../../../shared/db/portal-database';
import type { MirrorDatabase } from '../../../shared/db/schema/mirror-tables';
import { devHostSettings } from '../../../shared/dev-host/demo-mode';
import { demoCatalog, type DemoSale } from '../../../shared/dev-host/demo-catalog';
import { startDevHost, type DevHost } from '../../../shared/dev-host/dev-host';
import { createTestMirror } from '../../helpers/databases';

let mirror: PortalDatabase<MirrorDatabase>;
let host: DevHost;
const first = (sale: DemoSale) => demoCatalog().find((item) => item.sale === sale)!;
const stamp = { row_hash: '0'.repeat(16), sync_date: new Date() };

beforeAll(async () => {
  mirror = await createTestMirror();
  await mirror.db.insertInto('customer').values({ cust_no: 'C00001', cust_name: 'Acme', cust_addr1: null, cust_city: null, cust_state: null, cust_zip: null, cust_phone: null, active: true, ...stamp }).execute();
  await mirror.db
    .insertInto('ord_hedr')
    .values({ order_no: 1, ord_type: 'O', order_dt: new Date(), cust_no: 'C00001', cust_po: null, buyer: null, ship_via: null, ship_date: null, inv_no: null, inv_date: null, status: 'O', freight: null, tax_amt: null, ...stamp })
    .execute();
  const items = [first('online').itemNo.padEnd(25), first('purchasing-disabled').itemNo, first('offline').itemNo, first('needs-option').itemNo];
  await mirror.db
    .insertInto('ord_detl')
    .values(items.map((item_no, i) => ({ order_no: 1, lin_no: String(i + 1), item_no, item_desc: null, ord_qty: 2, qty_shipd: 0, unit_price: '1.0000', status: 'O', ...stamp })))
    .execute();
  const app = createApp(devHostSettings(loadSettings({ DEMO_MODE: 'on' }), () => undefined), { mirror, erp: () => Promise.reject(new Error('no ERP in this test')) });
  host = await startDevHost({ port: 0, app });
});

afterAll(async () => {
  await host?.close();
  await mirror?.close();
});

describe('the demo store behind the dev host (demo mode)', () => {
  it('syncs the demo catalog through its own management-API stand-in at start, so order lines carry reorder data', async () => {
    const offline = demoCatalog().filter((item) => item.sale === 'offline').length;
    const rows = await mirror.db.selectFrom('catalog_variant').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(demoCatalog().length - offline);
    const response = await fetch(`${host.url}/api/v1/orders/1?customer=C00001`, { headers: { 'x-api-key': host.settings.PORTAL_API_KEYS[0] as string } });
    const body = (await response.json()) as { data: { lines: { reorder: unknown; reorderReason: unknown }[] } };
    const online = first('online');
    expect(body.data.lines.map((l) => [l.reorder, l.reorderReason])).toEqual([
      [{ productId: online.productId, variantId: online.variantId }, null],
      [null, 'not_purchasable'],
      [null, 'not_in_catalog'],
      [{ productId: first('needs-option').productId, variantId: first('needs-option').variantId }, null],
    ]);
  });

  it('refuses the management API without the token', async () => {
    const response = await fetch(`${host.url}/stores/${host.settings.BC_STORE_HASH}/v3/catalog/variants`);
    expect(response.status).toBe(401);
    await expect(response.json()).resolves.toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('answers the Storefront Cart API calls of Buy again: read, create, add, refuse a line', async () => {
    const online = first('online');
    const empty = await fetch(`${host.url}/api/storefront/carts`);
    await expect(empty.json()).resolves.toEqual([]);
    const line = (item: { productId: number; variantId: number }, quantity: number) => ({ lineItems: [{ productId: item.productId, variantId: item.variantId, quantity }] });
    const post = (path: string, body: unknown, cookie = '') =>
      fetch(`${host.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify(body) });

    const created = await post('/api/storefront/carts', line(online, 2));
    expect(created.status).toBe(200);
    const cookie = (created.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const cart = (await created.json()) as { id: string; lineItems: { physicalItems: { sku: string; quantity: number }[] } };
    expect(cart.lineItems.physicalItems).toMatchObject([{ sku: online.itemNo, quantity: 2, productId: online.productId, variantId: online.variantId }]);

    const refused = await post(`/api/storefront/carts/${cart.id}/items`, line(first('needs-option'), 1), cookie);
    expect(refused.status).toBe(422);
    await expect(refused.json()).resolves.toMatchObject({ status: 422, title: expect.stringContaining('required options') });
    const again = await post(`/api/storefront/carts/${cart.id}/items`, line(online, 3), cookie);
    expect(again.status).toBe(200);

    const read = (await (await fetch(`${host.url}/api/storefront/carts`, { headers: { cookie } })).json()) as (typeof cart)[];
    expect(read.map((c) => c.lineItems.physicalItems.map((i) => `${i.sku}×${i.quantity}`))).toEqual([[`${online.itemNo}×5`]]);
    const page = await (await fetch(`${host.url}/cart.php`, { headers: { cookie } })).text();
    expect(page).toContain(online.itemNo);
    // The price as the cart stand-in answers it (the catalog's ten-thousandths, to the cent), times 5.
    const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    const unitCents = Math.round(online.price / 100);
    expect(page).toContain(`<td class="cart-price">${dollars(unitCents)}</td><td class="cart-quantity">5</td><td class="cart-total">${dollars(unitCents * 5)}</td>`);
    expect(page).toMatch(new RegExp(`Subtotal</th><td class="cart-total">\\${dollars(unitCents * 5)}</td>`));
    expect(page).toMatch(new RegExp(`Grand total</th><td class="cart-total">\\${dollars(unitCents * 5)}</td>`));
    // Another browser (no cookie) has no cart, and cannot add to this one.
    expect((await post(`/api/storefront/carts/${cart.id}/items`, line(online, 1))).status).toBe(404);
  });
});

import './helpers/record-routes-only';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiGet } from '../../functions/openapi-get';
import { ordersList } from '../../functions/orders-list';
import { productsList } from '../../functions/products-list';
import type { PortalDatabase } from '../../shared/db/portal-database';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import type { PortalContext } from '../../shared/portal/portal-context';
import { listCustomerProducts } from '../../shared/portal/products-service';
import { createTestMirror } from '../helpers/databases';
import { customerToken, invoke, useTestApi, withKey, withToken } from './helpers/invoke';
import { links, loadPortalFixture } from './helpers/portal-fixture';

let mirror: PortalDatabase<MirrorDatabase>;
const key = { headers: withKey() };
const stamp = { row_hash: '0000000000000000', sync_date: new Date(Date.UTC(2025, 6, 1)) };
const line = (orderNo: number, linNo: number, item: string | null, desc: string | null, qty: number, price: string, status: string | null = 'C') => ({
  order_no: orderNo,
  lin_no: String(linNo),
  item_no: item === null ? null : item.padEnd(25, ' '),
  item_desc: desc === null ? null : desc.padEnd(30, ' '),
  ord_qty: qty,
  qty_shipd: 0,
  unit_price: price,
  status,
  ...stamp,
});

/**
 * Beside the fixture's two items on every order, C00003 (orders 3001–3003, quote 3004, one day apart)
 * buys items with LIKE wildcards in them, WIDGET-1 twice in one order at another price, and has lines
 * that are no purchase: no item number, a blank one, a void line and a quote's line.
 */
async function addC00003Lines(): Promise<void> {
  await mirror.db
    .insertInto('ord_detl')
    .values([
      line(3001, 3, '50%_OFF', 'Promo [x] coupon', 1, '0.0000'),
      line(3001, 4, null, 'Freight', 1, '12.0000'),
      line(3001, 5, '   ', 'Handling', 1, '3.0000'),
      line(3001, 6, 'WIDGET-1', 'Widget, second entry', 5, '9.0000'),
      line(3002, 3, 'VOIDED-LINE', 'Cancelled', 4, '1.0000', 'V'),
      line(3003, 3, 'NO-STATUS', null, 7, '2.5000', null),
      line(3004, 3, 'QUOTE-ONLY', 'Quoted, never bought', 9, '1.0000'),
    ])
    .execute();
}

/**
 * The catalog as the catalog sync leaves it (trimmed SKUs, the primary key): BOLT-7 can be bought
 * again, WIDGET-1's variant has purchasing disabled, and nothing else is sold online.
 */
async function addCatalog(): Promise<void> {
  const updated_at = new Date(Date.UTC(2025, 6, 1));
  await mirror.db
    .insertInto('catalog_variant')
    .values([
      { sku: 'BOLT-7', product_id: 107, variant_id: 207, purchasable: true, updated_at },
      { sku: 'WIDGET-1', product_id: 101, variant_id: 201, purchasable: false, updated_at },
    ])
    .execute();
}

beforeAll(async () => {
  mirror = await createTestMirror();
  await loadPortalFixture(mirror.db);
  await addC00003Lines();
  await addCatalog();
  useTestApi(mirror);
});

afterAll(async () => {
  await mirror.close();
});

const products = async (query: string) => {
  const answer = await invoke(productsList, `v1/products?${query}`, key);
  expect(answer.status, answer.body).toBe(200);
  return answer.json.data as { products: Record<string, unknown>[]; pagination: { total: number } };
};
const itemNos = (data: { products: Record<string, unknown>[] }) => data.products.map((p) => p.itemNo);

describe('GET /v1/products', () => {
  it('lists each purchased item once: voided orders and quotes excluded, most recent first, ties by item number', async () => {
    const data = await products('customer=C00001');
    expect(data.pagination).toEqual({ page: 1, pageSize: 20, total: 2 });
    // 25 orders, 6 of them void (status V); the quotes 1101–1103 are no purchase. 1025 is the latest, with no type.
    expect(data.products).toEqual([
      {
        itemNo: 'BOLT-7',
        description: 'Bolt, 7mm',
        timesOrdered: 19,
        totalQuantity: 57,
        lastOrderDate: '2025-06-18T00:00:00.000Z',
        lastOrderId: 1025,
        lastUnitPrice: '0.3300',
        lastQuantity: 3,
        reorder: { productId: 107, variantId: 207 },
        reorderReason: null,
      },
      {
        itemNo: 'WIDGET-1',
        description: 'Widget',
        timesOrdered: 19,
        totalQuantity: 38,
        lastOrderDate: '2025-06-18T00:00:00.000Z',
        lastOrderId: 1025,
        lastUnitPrice: '10.1000',
        lastQuantity: 2,
        reorder: null,
        reorderReason: 'not_purchasable',
      },
    ]);
  });

  it('groups by trimmed item number, counts orders not lines, and skips lines that are no purchase', async () => {
    const data = await products('customer=C00003');
    expect(itemNos(data)).toEqual(['BOLT-7', 'NO-STATUS', 'WIDGET-1', '50%_OFF']);
    const widget = data.products.find((p) => p.itemNo === 'WIDGET-1');
    // Orders 3001–3003; 3001 has it twice (2 + 5); the latest is 3003 at the usual price.
    expect(widget).toMatchObject({ timesOrdered: 3, totalQuantity: 11, lastOrderId: 3003, lastUnitPrice: '10.1000', description: 'Widget' });
    expect(data.products.find((p) => p.itemNo === 'NO-STATUS')).toMatchObject({ description: null, timesOrdered: 1, totalQuantity: 7, lastQuantity: 7 });
  });

  it('carries each item’s catalog variant, or why it cannot be bought again', async () => {
    const data = await products('customer=C00003');
    expect(data.products.map((p) => [p.itemNo, p.reorder, p.reorderReason])).toEqual([
      ['BOLT-7', { productId: 107, variantId: 207 }, null],
      ['NO-STATUS', null, 'not_in_catalog'],
      ['WIDGET-1', null, 'not_purchasable'],
      ['50%_OFF', null, 'not_in_catalog'],
    ]);
  });

  it('q matches item number or description, case-insensitive and trimmed, with %, _ and [ taken literally', async () => {
    expect(itemNos(await products('customer=C00003&q=%20widget%20'))).toEqual(['WIDGET-1']);
    expect(itemNos(await products('customer=C00003&q=bolt,%207'))).toEqual(['BOLT-7']);
    expect(itemNos(await products('customer=C00003&q=SECOND'))).toEqual(['WIDGET-1']);
    for (const literal of ['%25', '_', '%5Bx%5D', '0%25_o']) {
      expect(itemNos(await products(`customer=C00003&q=${literal}`)), literal).toEqual(['50%_OFF']);
    }
    expect((await products('customer=C00003&q=quoted')).pagination.total).toBe(0);
    expect((await products('customer=C00003&q=cancelled')).pagination.total).toBe(0);
  });

  it('q folds ASCII letters only: look-alikes whose Unicode upper case is ASCII match nothing', async () => {
    // ß → SS, ﬀ → FF, ſ → S, ı → I under toUpperCase(); none of them is in an item number or description.
    for (const lookAlike of ['ß', 'ﬀ', 'ſ', 'wıdget', 'ﬀ']) {
      expect((await products(`customer=C00003&q=${encodeURIComponent(lookAlike)}`)).pagination.total, lookAlike).toBe(0);
    }
    expect(itemNos(await products('customer=C00003&q=widget'))).toEqual(['WIDGET-1']);
  });

  it('400 naming q for text it cannot match', async () => {
    for (const q of ['x'.repeat(31), 'a%00b', '%20%20']) {
      const answer = await invoke(productsList, `v1/products?customer=C00003&q=${q}`, key);
      expect(answer.status, q).toBe(400);
      expect(answer.json.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^Invalid parameters: q: /) });
    }
  });

  it('pages, and answers CSV with the item columns, the reorder variant flattened', async () => {
    const second = await products('customer=C00003&pageSize=3&page=2');
    expect(itemNos(second)).toEqual(['50%_OFF']);
    expect(second.pagination).toEqual({ page: 2, pageSize: 3, total: 4 });
    const csv = await invoke(productsList, 'v1/products?customer=C00001&format=csv', key);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="products-C00001.csv"');
    expect(csv.body.trimEnd().split('\r\n')).toEqual([
      'itemNo,description,timesOrdered,totalQuantity,lastOrderDate,lastOrderId,lastUnitPrice,lastQuantity,reorderProductId,reorderVariantId,reorderReason',
      'BOLT-7,"Bolt, 7mm",19,57,2025-06-18T00:00:00.000Z,1025,0.3300,3,107,207,',
      'WIDGET-1,Widget,19,38,2025-06-18T00:00:00.000Z,1025,10.1000,2,,,not_purchasable',
    ]);
  });

  it('a storefront token reads its own items and nobody else’s', async () => {
    const token = await customerToken(links.C00002 as number);
    const own = await invoke(productsList, 'v1/products', { headers: withToken(token) });
    expect(own.json.data.products.map((p: { lastOrderId: number }) => p.lastOrderId)).toEqual([2003, 2003]);
    const other = await invoke(productsList, 'v1/products?customer=C00003', { headers: withToken(token) });
    const missing = await invoke(productsList, 'v1/products?customer=Q99999', { headers: withToken(token) });
    expect(other.status).toBe(404);
    expect(other.body).toBe(missing.body);
  });
});

describe('OpenAPI', () => {
  it('documents /v1/products, the purchase rule and both new parameters', async () => {
    const paths = (await invoke(openapiGet, 'v1/openapi.json')).json.paths;
    const products = paths['/v1/products'].get;
    expect(products.parameters.map((p: { name: string }) => p.name)).toEqual(['customer', 'page', 'pageSize', 'format', 'q']);
    expect(products.parameters.find((p: { name: string }) => p.name === 'q').schema).toMatchObject({ maxLength: 30 });
    expect(products.summary).toMatch(/not a quote.*void/);
    expect(Object.keys(products.responses['200'].content)).toEqual(['application/json', 'text/csv']);
    const item = JSON.stringify(products.responses['200'].content['application/json']);
    for (const field of ['"lastQuantity"', '"reorder"', '"variantId"', '"reorderReason"', '"not_purchasable"']) expect(item).toContain(field);
    expect(paths['/v1/orders'].get.parameters.find((p: { name: string }) => p.name === 'item').schema).toMatchObject({ maxLength: 25 });
  });
});

describe('GET /v1/orders?item=', () => {
  it('keeps the orders with a line for the item: exact, trimmed, case-insensitive; quotes stay out', async () => {
    const orderIds = async (query: string) => (await invoke(ordersList, `v1/orders?${query}`, key)).json.data.orders.map((o: { orderId: number }) => o.orderId);
    expect(await orderIds('customer=C00003&item=%2050%25_off%20')).toEqual([3001]);
    expect(await orderIds('customer=C00003&item=widget-1')).toEqual([3003, 3002, 3001]);
    expect(await orderIds('customer=C00003&item=WIDGET')).toEqual([]);
    // ASCII folding only: a dotless ı or a ﬀ ligature is not I or FF.
    expect(await orderIds(`customer=C00003&item=${encodeURIComponent('wıdget-1')}`)).toEqual([]);
    expect(await orderIds(`customer=C00003&item=${encodeURIComponent('50%_oﬀ')}`)).toEqual([]);
    expect(await orderIds('customer=C00003&item=QUOTE-ONLY')).toEqual([]);
    const voided = await invoke(ordersList, 'v1/orders?customer=C00001&item=BOLT-7&status=V', key);
    expect(voided.json.data.pagination.total).toBe(6);
    const tooLong = await invoke(ordersList, `v1/orders?customer=C00003&item=${'x'.repeat(26)}`, key);
    expect(tooLong.json.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^Invalid parameters: item: /) });
  });
});

describe('products queries per page', () => {
  let executed = 0;
  const counter: KyselyPlugin = {
    transformQuery: ({ node }) => node,
    async transformResult({ result }) {
      executed += 1;
      return result;
    },
  };
  const context = (): PortalContext => ({ quoteTypes: ['Q'], skuMatch: 'case-sensitive', mirror: async () => ({ dialect: mirror.dialect, db: mirror.db.withPlugin(counter) }) });
  const list = async (offset: number, fetch: number, exportLimit?: number) => {
    executed = 0;
    const page = await listCustomerProducts(context(), { custNo: 'C00003' }, { offset, fetch, ...(exportLimit !== undefined ? { exportLimit } : {}) });
    return { rows: page.items.length, total: page.total, queries: executed };
  };

  it('one statement for a page that is not full; a count only after a full page', async () => {
    expect(await list(0, 20)).toEqual({ rows: 4, total: 4, queries: 1 });
    expect(await list(3, 3)).toEqual({ rows: 1, total: 4, queries: 1 });
    expect(await list(0, 3)).toEqual({ rows: 3, total: 4, queries: 2 });
    expect(await list(20, 20)).toEqual({ rows: 0, total: 4, queries: 2 });
  });

  it('an export counts first and refuses an over-limit result before reading a row', async () => {
    executed = 0;
    await expect(listCustomerProducts(context(), { custNo: 'C00003' }, { offset: 0, fetch: 3, exportLimit: 3 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('(4 match); narrow q'),
    });
    expect(executed).toBe(1);
    expect(await list(0, 4, 4)).toEqual({ rows: 4, total: 4, queries: 2 });
  });
});

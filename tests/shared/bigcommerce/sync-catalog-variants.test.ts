import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../../shared/config';
import type { LinkSyncOverrides } from '../../../shared/composition/app-link-sync';
import { createApp, type PortalApp } from '../../../shared/composition/create-app';
import type { PortalDatabase } from '../../../shared/db/portal-database';
import type { MirrorDatabase } from '../../../shared/db/schema/mirror-tables';
import { listOrderLines } from '../../../shared/mirror/queries/list-order-lines';
import { toReorder } from '../../../shared/portal/reorder-dto';
import { createTestMirror } from '../../helpers/databases';
import { FakeBigCommerce, rateLimited, type FakeVariant } from './fake-bigcommerce';

const token = 'catalog-sync-token';
const variant = (id: number, sku: string, purchasingDisabled = false): FakeVariant => ({ id, productId: 100 + id, sku, purchasingDisabled });

describe('catalog sync against a local fake BigCommerce and a real mirror', () => {
  let mirror: PortalDatabase<MirrorDatabase>;
  let fake: FakeBigCommerce;
  let apiBase: string;
  const overrides: LinkSyncOverrides = { sleep: async () => {} };

  const app = (env: Record<string, string> = {}): PortalApp =>
    createApp(loadSettings({ BC_API_BASE_URL: apiBase, BC_STORE_HASH: 'store1', BC_API_TOKEN: token, ...env }), {
      mirror,
      erp: () => Promise.reject(new Error('not used')),
      bigCommerce: overrides,
    });
  const catalog = async () =>
    (await mirror.db.selectFrom('catalog_variant').select(['sku', 'variant_id', 'purchasable']).orderBy('variant_id').execute()).map(
      (row) => `${row.sku}=${row.variant_id}${row.purchasable ? '' : ' (disabled)'}`,
    );

  beforeAll(async () => {
    mirror = await createTestMirror();
    // A page size of 2 makes the catalog span several pages.
    fake = new FakeBigCommerce('store1', token, 2);
    apiBase = await fake.start();
  });
  afterAll(async () => {
    await fake.stop();
    await mirror.close();
  });
  beforeEach(async () => {
    await mirror.db.deleteFrom('catalog_variant').execute();
    fake.requests.length = 0;
    fake.scripted.clear();
    fake.variants = [
      variant(1, ' BOLT-10010-ZN '),
      variant(2, 'bolt-10010-zn'),
      variant(3, 'NUT-10017-SS', true),
      variant(4, ''),
      variant(5, 'A-SKU-MUCH-LONGER-THAN-TWENTY-FIVE'),
      variant(6, 'Ünïcode'),
    ];
  });

  // Variant 4's blank SKU is read but neither mapped nor unmatchable (storefront/README.md, CatalogSyncSummary).
  it('pages through every variant and keeps the trimmed SKUs an ERP item number can equal, case-sensitively by default', async () => {
    const outcome = await app().syncCatalog();
    expect(outcome).toEqual({
      status: 'succeeded',
      summary: { read: 6, mapped: 3, purchasable: 2, unmatchable: 2, duplicates: 0, inserted: 3, updated: 0, removed: 0 },
    });
    expect(await catalog()).toEqual(['BOLT-10010-ZN=1', 'bolt-10010-zn=2', 'NUT-10017-SS=3 (disabled)']);
    const pages = fake.requests.filter((r) => r.path === '/catalog/variants');
    expect(pages.map((r) => r.query.get('page'))).toEqual(['1', '2', '3']);
    expect(pages.every((r) => r.query.get('limit') === '250' && r.headers['x-auth-token'] === token)).toBe(true);
  });

  it('folds ASCII case when BC_SKU_MATCH is case-insensitive, keeping one variant per key the same way every run', async () => {
    const outcome = await app({ BC_SKU_MATCH: 'case-insensitive' }).syncCatalog();
    expect(outcome).toMatchObject({ summary: { mapped: 2, duplicates: 1 } });
    expect(await catalog()).toEqual(['BOLT-10010-ZN=1', 'NUT-10017-SS=3 (disabled)']);
  });

  it('updates changed variants and removes vanished ones only after a complete read', async () => {
    await app().syncCatalog();
    fake.variants = [variant(1, 'BOLT-10010-ZN', true), variant(7, 'NUT-10017-SS')];
    expect(await app().syncCatalog()).toMatchObject({ summary: { inserted: 0, updated: 2, removed: 1 } });
    expect(await catalog()).toEqual(['BOLT-10010-ZN=1 (disabled)', 'NUT-10017-SS=7']);

    fake.variants = [];
    fake.answerNext('/catalog/variants', ...Array.from({ length: 5 }, () => ({ status: 500 })));
    await expect(app().syncCatalog()).rejects.toThrow(/HTTP 500/);
    const short = { data: [], meta: { pagination: { total: 4, count: 0, per_page: 2, current_page: 1, total_pages: 1 } } };
    fake.answerNext('/catalog/variants', { status: 200, body: short });
    await expect(app().syncCatalog()).rejects.toThrow(/listed 4 variants but its pages held 0/);
    expect(await catalog()).toEqual(['BOLT-10010-ZN=1 (disabled)', 'NUT-10017-SS=7']);
  });

  it('retries a 429 and refuses an answer without purchasing_disabled', async () => {
    fake.answerNext('/catalog/variants', rateLimited(5));
    await expect(app().syncCatalog()).resolves.toMatchObject({ summary: { mapped: 3 } });
    const noFlag = { data: [{ id: 1, product_id: 2, sku: 'X' }], meta: { pagination: { total: 1, count: 1, per_page: 2, current_page: 1, total_pages: 1 } } };
    fake.answerNext('/catalog/variants', { status: 200, body: noFlag });
    await expect(app().syncCatalog()).rejects.toThrow(/unexpected shape \(data\.0\.purchasing_disabled: .*\); the catalog was not changed/);
  });

  it('is a no-op when BigCommerce is not configured', async () => {
    expect(await app({ BC_STORE_HASH: '', BC_API_TOKEN: '' }).syncCatalog()).toEqual({
      status: 'skipped',
      reason: 'BC_STORE_HASH and BC_API_TOKEN not set (both are needed to read the catalog)',
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('gives padded ERP lines their variant, or the reason they have none, under either case rule', async () => {
    const now = new Date();
    await mirror.db.deleteFrom('ord_detl').execute();
    const line = (lin: number, item: string | null) => ({
      order_no: 9001, lin_no: String(lin), item_no: item, item_desc: 'x', ord_qty: 1, qty_shipd: 0, unit_price: '1.0000', status: 'O', row_hash: '0'.repeat(16), sync_date: now,
    });
    await mirror.db
      .insertInto('ord_detl')
      .values([line(1, 'BOLT-10010-ZN'), line(2, 'bolt-10010-zn'), line(3, 'NUT-10017-SS'), line(4, 'WASHER-1'), line(5, null), line(6, ' bolt-10010-zn')])
      .execute();
    const reorders = async (skuMatch: 'case-sensitive' | 'case-insensitive') =>
      (await listOrderLines(mirror.db, [9001], { dialect: 'pglite', skuMatch })).map((row) => {
        const { reorder, reorderReason } = toReorder(row);
        return reorder ? reorder.variantId : reorderReason;
      });

    await app().syncCatalog();
    expect(await reorders('case-sensitive')).toEqual([1, 2, 'not_purchasable', 'not_in_catalog', 'not_in_catalog', 2]);
    await app({ BC_SKU_MATCH: 'case-insensitive' }).syncCatalog();
    expect(await reorders('case-insensitive')).toEqual([1, 1, 'not_purchasable', 'not_in_catalog', 'not_in_catalog', 1]);
    await mirror.db.deleteFrom('ord_detl').execute();
  });
});

import { createBigCommerceClient, type BigCommerceClient } from '../bigcommerce/bigcommerce-client';
import { syncCatalogVariants, type CatalogSyncSummary } from '../bigcommerce/sync-catalog-variants';
import { replaceCatalogVariants } from '../mirror/catalog/replace-catalog-variants';
import type { LinkSyncOverrides, LinkSyncParts } from './app-link-sync';

export type CatalogSyncOutcome =
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'succeeded'; readonly summary: CatalogSyncSummary };

/** One catalog read written to the mirror through a given client (the demo passes one for its own stand-in). */
export async function syncCatalogWith(runtime: LinkSyncParts, client: BigCommerceClient): Promise<CatalogSyncSummary> {
  const mirror = await runtime.mirror();
  return syncCatalogVariants({
    client,
    skuMatch: runtime.settings.BC_SKU_MATCH,
    writeVariants: (variants) => replaceCatalogVariants(mirror, variants, new Date()),
  });
}

/** Wires the BigCommerce client and the mirror writer into one catalog sync run (createApp's `syncCatalog`). */
export async function runCatalogSync(runtime: LinkSyncParts, overrides: LinkSyncOverrides = {}): Promise<CatalogSyncOutcome> {
  const { BC_STORE_HASH: storeHash, BC_API_BASE_URL: baseUrl } = runtime.settings;
  const apiToken = await runtime.secrets.get('BC_API_TOKEN');
  if (!storeHash || !apiToken) {
    const missing = [storeHash ? [] : ['BC_STORE_HASH'], apiToken ? [] : ['BC_API_TOKEN']].flat();
    return { status: 'skipped', reason: `${missing.join(' and ')} not set (both are needed to read the catalog)` };
  }
  const client = createBigCommerceClient({ ...overrides, baseUrl, storeHash, apiToken });
  return { status: 'succeeded', summary: await syncCatalogWith(runtime, client) };
}

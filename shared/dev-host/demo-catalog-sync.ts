import { createBigCommerceClient } from '../bigcommerce/bigcommerce-client';
import type { CatalogSyncSummary } from '../bigcommerce/sync-catalog-variants';
import { syncCatalogWith } from '../composition/app-catalog-sync';
import type { PortalApp } from '../composition/create-app';

/**
 * Demo only: one catalog sync against the dev host's own management-API stand-in, through the same
 * client, paging and stage + MERGE as the catalog-sync timer, so the demo's reorder data is real.
 */
export async function syncDemoCatalog(app: Pick<PortalApp, 'settings' | 'secrets' | 'mirror'>, baseUrl: string, apiToken: string): Promise<CatalogSyncSummary> {
  const client = createBigCommerceClient({ baseUrl, storeHash: app.settings.BC_STORE_HASH as string, apiToken });
  return syncCatalogWith(app, client);
}

import { createBigCommerceClient, type BigCommerceClientOptions } from '../bigcommerce/bigcommerce-client';
import { syncCustomerLinks, type LinkSyncSummary } from '../bigcommerce/sync-customer-links';
import { replaceCustomerLinks } from '../mirror/links/replace-customer-links';
import type { SecretStore, Settings } from '../config';
import type { PortalDatabase } from '../db/portal-database';
import type { MirrorDatabase } from '../db/schema/mirror-tables';

export type LinkSyncOutcome =
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'succeeded'; readonly summary: LinkSyncSummary };

/** Test seams: no real sleeping (the API's address comes from BC_API_BASE_URL). */
export type LinkSyncOverrides = Pick<BigCommerceClientOptions, 'sleep' | 'fetch' | 'retry'>;

export interface LinkSyncParts {
  readonly settings: Settings;
  readonly secrets: SecretStore;
  mirror(): Promise<PortalDatabase<MirrorDatabase>>;
}

/** Wires the BigCommerce client and the mirror writer into one customer-link sync run (createApp's `linkCustomers`). */
export async function runCustomerLinkSync(runtime: LinkSyncParts, overrides: LinkSyncOverrides = {}): Promise<LinkSyncOutcome> {
  const { BC_STORE_HASH: storeHash, BC_ERP_ATTRIBUTE_NAME: attributeName, BC_API_BASE_URL: baseUrl } = runtime.settings;
  const apiToken = await runtime.secrets.get('BC_API_TOKEN');
  if (!storeHash || !apiToken) {
    const missing = [storeHash ? [] : ['BC_STORE_HASH'], apiToken ? [] : ['BC_API_TOKEN']].flat();
    return { status: 'skipped', reason: `${missing.join(' and ')} not set (both are needed to read customer links)` };
  }
  const client = createBigCommerceClient({ ...overrides, baseUrl, storeHash, apiToken });
  const mirror = await runtime.mirror();
  const summary = await syncCustomerLinks({
    client,
    attributeName,
    writeLinks: (links) => replaceCustomerLinks(mirror, links, new Date()),
  });
  return { status: 'succeeded', summary };
}

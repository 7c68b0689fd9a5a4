import { createBigCommerceClient, type BigCommerceClientOptions } from '../bigcommerce/bigcommerce-client';
import { syncCustomerLinks, type LinkSyncSummary } from '../bigcommerce/sync-customer-links';
import { replaceCustomerLinks } from '../mirror/links/replace-customer-links';
import type { SecretStore, Settings } from '../config';
import type { PortalDatabase } from '../db/portal-database';
import type { MirrorDatabase } from '../db/schema/mirror-tables';

export type LinkSyncOutcome =
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'succeeded'; readonly summary: LinkSyncSummary };

/** Test seams: a local fake API and no real sleeping. */
export type LinkSyncOverrides = Pick<BigCommerceClientOptions, 'baseUrl' | 'sleep' | 'fetch' | 'retry'>;

export interface LinkSyncParts {
  readonly settings: Settings;
  readonly secrets: SecretStore;
  mirror(): Promise<PortalDatabase<MirrorDatabase>>;
}

/** Wires the BigCommerce client and the mirror writer into one customer-link sync run (createApp's `linkCustomers`). */
export async function runCustomerLinkSync(runtime: LinkSyncParts, overrides: LinkSyncOverrides = {}): Promise<LinkSyncOutcome> {
  const { BC_STORE_HASH: storeHash, BC_ERP_ATTRIBUTE_NAME: attributeName } = runtime.settings;
  const apiToken = await runtime.secrets.get('BC_API_TOKEN');
  if (!storeHash || !apiToken) {
    return { status: 'skipped', reason: 'BC_STORE_HASH and BC_API_TOKEN are not both set' };
  }
  const client = createBigCommerceClient({ ...overrides, storeHash, apiToken });
  const mirror = await runtime.mirror();
  const summary = await syncCustomerLinks({
    client,
    attributeName,
    writeLinks: (links) => replaceCustomerLinks(mirror, links, new Date()),
  });
  return { status: 'succeeded', summary };
}

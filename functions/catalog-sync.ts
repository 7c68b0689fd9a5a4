import type { InvocationContext, Timer } from '@azure/functions';
import type { PortalApp } from '../shared/composition/create-app';
import { registerTrigger } from '../shared/composition/app-routes';
import { hostedApp } from '../shared/composition/hosted-app';

/** Mirrors BigCommerce's catalog variants by SKU (`catalog_variant`), the reorder data of order and invoice lines. */
export function createCatalogSyncHandler(portal: () => Pick<PortalApp, 'syncCatalog'>) {
  return async function catalogSync(_timer: Timer, context: InvocationContext): Promise<void> {
    const outcome = await portal().syncCatalog();
    if (outcome.status === 'skipped') {
      context.log(`catalog-sync skipped: ${outcome.reason}`);
      return;
    }
    context.log('catalog-sync done', outcome.summary);
  };
}

registerTrigger((host) =>
  host.timer('catalog-sync', {
    schedule: '%CATALOG_SYNC_SCHEDULE%',
    handler: createCatalogSyncHandler(hostedApp),
  }),
);

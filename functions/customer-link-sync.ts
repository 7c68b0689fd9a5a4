import type { InvocationContext, Timer } from '@azure/functions';
import type { PortalApp } from '../shared/composition/create-app';
import { registerTrigger } from '../shared/composition/app-routes';
import { hostedApp } from '../shared/composition/hosted-app';

/** Maps BigCommerce customers to ERP customers (`customer_link`) from their customer attribute. */
export function createCustomerLinkSyncHandler(portal: () => Pick<PortalApp, 'linkCustomers'>) {
  return async function customerLinkSync(_timer: Timer, context: InvocationContext): Promise<void> {
    const outcome = await portal().linkCustomers();
    if (outcome.status === 'skipped') {
      context.log(`customer-link-sync skipped: ${outcome.reason}`);
      return;
    }
    context.log('customer-link-sync done', outcome.summary);
  };
}

registerTrigger((host) =>
  host.timer('customer-link-sync', {
    schedule: '%LINK_SYNC_SCHEDULE%',
    handler: createCustomerLinkSyncHandler(hostedApp),
  }),
);

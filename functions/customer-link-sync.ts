import { app, type InvocationContext, type Timer } from '@azure/functions';
import { runCustomerLinkSync } from '../shared/composition/link-composition';
import { portalRuntime } from '../shared/composition/portal-runtime';

/** Maps BigCommerce customers to ERP customers (`customer_link`) from their customer attribute. */
export async function customerLinkSync(_timer: Timer, context: InvocationContext): Promise<void> {
  const outcome = await runCustomerLinkSync(portalRuntime());
  if (outcome.status === 'skipped') {
    context.log(`customer-link-sync skipped: ${outcome.reason}`);
    return;
  }
  context.log('customer-link-sync done', outcome.summary);
}

app.timer('customer-link-sync', {
  schedule: '%SYNC_SCHEDULE%',
  handler: customerLinkSync,
});

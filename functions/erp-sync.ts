import type { InvocationContext, Timer } from '@azure/functions';
import type { PortalApp } from '../shared/composition/create-app';
import { registerTrigger } from '../shared/composition/app-routes';
import { hostedApp } from '../shared/composition/hosted-app';
import { formatSummaryLine } from '../shared/sync/summary-table';

/**
 * Each tick also counts the messages parked in `sync-requests-poison` (a metric the poison alert
 * watches): the host moves a request there after its last failed attempt, and nothing else would say so.
 * A failed count is logged, never fails the tick.
 */
async function checkPoison(portal: Pick<PortalApp, 'checkSyncRequestsPoison' | 'redactor'>, context: InvocationContext) {
  try {
    const parked = await portal.checkSyncRequestsPoison();
    if (parked > 0) context.warn(`erp-sync: ${parked} manual sync request(s) parked in sync-requests-poison`);
  } catch (error) {
    context.warn(`erp-sync: could not count sync-requests-poison: ${portal.redactor.text(error instanceof Error ? error.message : String(error))}`);
  }
}

/**
 * Timer-triggered sync. A past-due tick still runs: it is the catch-up for the missed one. A failed
 * run is logged and recorded (sync_run, telemetry, alert) rather than thrown: nothing would retry it
 * before the next tick anyway, which resumes from the checkpoint.
 */
export function createErpSyncHandler(portal: () => Pick<PortalApp, 'sync' | 'redactor' | 'checkSyncRequestsPoison'>) {
  return async function erpSync(timer: Timer, context: InvocationContext): Promise<void> {
    if (timer.isPastDue) context.log('erp-sync: timer is past due; running now to catch up');
    const app = portal();
    await checkPoison(app, context);
    const { sync, redactor } = app;
    const outcome = await sync.run({ trigger: 'timer' });
    if (outcome.status === 'already-running') {
      context.log('erp-sync: another sync run holds the lock; skipped this tick');
      return;
    }
    const line = redactor.text(formatSummaryLine(outcome));
    if (outcome.status === 'failed') context.error(line);
    else context.log(line);
    for (const e of outcome.entities) {
      context.log(`erp-sync ${e.entity}: read ${e.read}, inserted ${e.inserted}, updated ${e.updated}, deleted ${e.deleted}, skipped ${e.skipped}`);
    }
  };
}

registerTrigger((host) => host.timer('erpSync', { schedule: '%SYNC_SCHEDULE%', handler: createErpSyncHandler(hostedApp) }));

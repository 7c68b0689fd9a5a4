import { app, type InvocationContext, type Timer } from '@azure/functions';
import { portalRuntime } from '../shared/composition/portal-runtime';
import { syncService } from '../shared/composition/sync-composition';
import { formatSummaryLine } from '../shared/sync/summary-table';
import type { SyncService } from '../shared/sync/sync-service';

/**
 * Timer-triggered sync. A past-due tick still runs: it is the catch-up for the missed one. A failed
 * run is logged and recorded (sync_run, telemetry, alert) rather than thrown: nothing would retry it
 * before the next tick anyway, which resumes from the checkpoint.
 */
export function createErpSyncHandler(service: () => SyncService, redact: (text: string) => string) {
  return async function erpSync(timer: Timer, context: InvocationContext): Promise<void> {
    if (timer.isPastDue) context.log('erp-sync: timer is past due; running now to catch up');
    const outcome = await service().run({ trigger: 'timer' });
    if (outcome.status === 'already-running') {
      context.log('erp-sync: another sync run holds the lock; skipped this tick');
      return;
    }
    const line = redact(formatSummaryLine(outcome));
    if (outcome.status === 'failed') context.error(line);
    else context.log(line);
    for (const e of outcome.entities) {
      context.log(`erp-sync ${e.entity}: read ${e.read}, inserted ${e.inserted}, updated ${e.updated}, deleted ${e.deleted}, skipped ${e.skipped}`);
    }
  };
}

export const erpSyncHandler = createErpSyncHandler(
  () => syncService(),
  (text) => portalRuntime().redactor.text(text),
);

app.timer('erpSync', { schedule: '%SYNC_SCHEDULE%', handler: erpSyncHandler });

import { createPortalRuntime } from '../shared/composition/portal-runtime';
import { createSyncServiceFor, runtimeSyncTelemetry } from '../shared/composition/sync-composition';
import { getSettings } from '../shared/config';
import { seedDemoErpIfEmpty, syncOnStart } from '../shared/dev-host/demo-prepare';
import { demoMode } from '../shared/dev-host/demo-mode';
import { describeDevHost } from '../shared/dev-host/describe-dev-host';
import { startDevHost } from '../shared/dev-host/dev-host';
import { scheduleSync } from '../shared/dev-host/sync-schedule';

/**
 * `npm start`: seed the demo ERP when empty (demo mode), sync, then serve the functions' own route
 * table on PORT and keep syncing on SYNC_SCHEDULE, as the timer does in Azure.
 */
async function main(): Promise<void> {
  const settings = getSettings();
  const runtime = createPortalRuntime(settings);
  if (demoMode(settings).demo) await seedDemoErpIfEmpty(runtime, console.log);
  const mirror = await runtime.mirror();
  const sync = createSyncServiceFor(() => runtime.erp(), mirror, settings, {
    telemetry: runtimeSyncTelemetry(runtime, mirror),
    redact: (text) => runtime.redactor.text(text),
  });
  await syncOnStart(sync, console.log);
  const host = await startDevHost({ port: settings.PORT, settings, runtime, syncControl: () => sync });
  const stopSchedule = scheduleSync(settings.SYNC_SCHEDULE, async () => {
    const outcome = await sync.run({ trigger: 'timer' });
    console.log(`Scheduled sync: ${outcome.status}`);
  });
  console.log(`\n${describeDevHost(host)}`);
  const stop = () => {
    stopSchedule();
    host
      .close()
      .then(() => runtime.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

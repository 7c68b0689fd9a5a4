import { createApp } from '../shared/composition/create-app';
import { getSettings } from '../shared/config';
import { seedDemoErpIfEmpty, syncOnStart } from '../shared/dev-host/demo-prepare';
import { devHostSettings, isDemoMode } from '../shared/dev-host/demo-mode';
import { describeDevHost } from '../shared/dev-host/describe-dev-host';
import { startDevHost } from '../shared/dev-host/dev-host';
import { ensurePortFree } from '../shared/dev-host/listen-port';
import { scheduleSync } from '../shared/dev-host/sync-schedule';
import { createDemoStorefront } from '../storefront/demo/demo-assets';

/**
 * `npm start`: check PORT is free, seed the demo ERP when empty (demo mode), sync, then serve the
 * functions' own route table on PORT and run the three timers on their schedule settings, as in Azure.
 */
async function main(): Promise<void> {
  const settings = devHostSettings(getSettings());
  await ensurePortFree(settings.PORT, settings.HOST);
  // Each embedded engine in a worker thread of its own: a sync's SQL no longer blocks the API's event loop.
  const app = createApp(settings, { pgliteThread: 'worker' });
  if (isDemoMode(settings)) await seedDemoErpIfEmpty(app, console.log);
  await syncOnStart(app.sync, console.log);
  const host = await startDevHost({ port: settings.PORT, app, storefront: createDemoStorefront });
  // The three timers of the Functions app, each on its own schedule setting. A failed run is logged
  // and the next tick tries again, as the timer does in Azure.
  const timer = (schedule: string, name: string, run: () => Promise<{ readonly status: string }>) =>
    scheduleSync(schedule, () =>
      run().then(
        (outcome) => console.log(`Scheduled ${name}: ${outcome.status}`),
        (error: unknown) => console.error(app.redactor.text(`Scheduled ${name} failed: ${error instanceof Error ? error.message : String(error)}`)),
      ),
    );
  const schedules = [
    timer(settings.SYNC_SCHEDULE, 'sync', () => app.sync.run({ trigger: 'timer' })),
    timer(settings.LINK_SYNC_SCHEDULE, 'customer-link sync', () => app.linkCustomers()),
    timer(settings.CATALOG_SYNC_SCHEDULE, 'catalog sync', () => app.syncCatalog()),
  ];
  console.log(`\n${describeDevHost(host)}`);
  const stop = () => {
    for (const stopSchedule of schedules) stopSchedule();
    host
      .close()
      .then(() => app.close())
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

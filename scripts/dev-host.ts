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
 * functions' own route table on PORT and keep syncing on SYNC_SCHEDULE, as the timer does in Azure.
 */
async function main(): Promise<void> {
  const settings = devHostSettings(getSettings());
  await ensurePortFree(settings.PORT, settings.HOST);
  const app = createApp(settings);
  if (isDemoMode(settings)) await seedDemoErpIfEmpty(app, console.log);
  await syncOnStart(app.sync, console.log);
  const host = await startDevHost({ port: settings.PORT, app, storefront: createDemoStorefront });
  const stopSchedule = scheduleSync(settings.SYNC_SCHEDULE, async () => {
    const outcome = await app.sync.run({ trigger: 'timer' });
    console.log(`Scheduled sync: ${outcome.status}`);
  });
  console.log(`\n${describeDevHost(host)}`);
  const stop = () => {
    stopSchedule();
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

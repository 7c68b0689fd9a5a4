import { createApp, type AppOverrides } from '../../shared/composition/create-app';
import { getSettings } from '../../shared/config';
import type { PortalDatabase } from '../../shared/db/portal-database';
import type { ErpDatabase } from '../../shared/db/schema/erp-tables';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { devHostSettings } from '../../shared/dev-host/demo-mode';
import { startDevHost } from '../../shared/dev-host/dev-host';
import { retiredRowHash } from '../../shared/mirror/sync/retire-gone-customers';
import { listFloor } from './api-load';
import { LinkMeter } from './erp-link';
import type { HostCommand, HostReply } from './host-protocol';
import { watchLoopDelay } from './loop-delay';
import { openMetered } from './open-pglite';
import { engineThread, linkModel } from './phase-env';

const send = (reply: HostReply) => process.send?.(reply);
const changedHash = 'ffffffffffffffff';

/** Every mirror row gets a hash no ERP row has (retired customers keep theirs), so the next sync rewrites them all. */
async function makeEveryRowLookChanged(mirror: PortalDatabase<MirrorDatabase>): Promise<void> {
  for (const table of ['customer', 'ord_hedr', 'ord_detl'] as const) {
    await mirror.db.updateTable(table).set({ row_hash: changedHash }).where('row_hash', '<>', retiredRowHash).execute();
  }
}

/**
 * The dev host as `npm start` runs it, driven by the bench over IPC: it serves the API on PORT and, on
 * command, runs the floor requests in-process or a sync while the bench loads the API. With
 * BENCH_PGLITE_THREAD=worker its engines run in worker threads (as `npm start` does) and the ERP goes
 * through the link model (BENCH_ERP_LINK); otherwise both run in this thread, as they did before.
 */
async function main(): Promise<void> {
  const settings = devHostSettings(getSettings());
  const erpMeter = new LinkMeter(linkModel());
  const opened: Array<Promise<PortalDatabase<unknown>>> = [];
  const remember = <DB>(database: Promise<PortalDatabase<DB>>) => (opened.push(database as Promise<PortalDatabase<unknown>>), database);
  let overrides: AppOverrides = {};
  if (engineThread() === 'worker') {
    const erp = remember(openMetered<ErpDatabase>('ERP_CONNECTION', settings.ERP_CONNECTION, erpMeter, 'worker'));
    const mirror = remember(openMetered<MirrorDatabase>('MIRROR_CONNECTION', settings.MIRROR_CONNECTION, new LinkMeter(null), 'worker'));
    overrides = { erp: () => erp, mirror: () => mirror };
  }
  const app = createApp(settings, overrides);
  const host = await startDevHost({ port: settings.PORT, app });
  const stop = async () => {
    await host.close();
    await app.close();
    for (const database of opened) await (await database).close();
  };
  process.on('message', (command: HostCommand) => {
    const run = async () => {
      if (command.kind === 'stop') {
        await stop();
        process.exit(0);
      }
      const mirror = await app.mirror();
      if (command.kind === 'floor') return send({ kind: 'floor', floor: await listFloor(mirror, settings, command.paths, command.requests) });
      if (command.rewrite) await makeEveryRowLookChanged(mirror);
      send({ kind: 'sync-started' });
      erpMeter.reset();
      const loop = await watchLoopDelay();
      const summary = await app.sync.run({ trigger: 'manual' });
      const loopDelay = await loop();
      if (summary.status === 'already-running') throw new Error('another sync holds the lock');
      send({ kind: 'sync', report: { summary, loopDelay, erp: erpMeter.counts() } });
    };
    run().catch((error: unknown) => send({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
  });
  send({ kind: 'ready', url: `http://127.0.0.1:${new URL(host.url).port}` });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

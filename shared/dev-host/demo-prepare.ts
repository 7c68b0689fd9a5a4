import type { PortalApp } from '../composition/create-app';
import { ensureErpTables, erpRowCounts, seedDemoErp } from '../demo';
import type { SyncService } from '../sync/sync-service';
import { formatSummaryTable } from '../sync/summary-table';

type Log = (line: string) => void;

/** Demo only: an empty embedded ERP gets the seed-scale demo data, so `npm start` has something to show. */
export async function seedDemoErpIfEmpty(runtime: Pick<PortalApp, 'erp'>, log: Log): Promise<void> {
  const erp = await runtime.erp();
  await ensureErpTables(erp);
  if ((await erpRowCounts(erp.db)).customer > 0) return;
  log('Seeding the demo ERP (first start only)…');
  const started = performance.now();
  let reported = '';
  const counts = await seedDemoErp(erp, {
    onProgress: ({ table, rows, total }) => {
      const line = `  ${table}: ${Math.round((rows / Math.max(1, total)) * 100)}%`;
      if (line !== reported && rows === total) log(line);
      reported = line;
    },
  });
  log(
    `Seeded ${counts.customer.toLocaleString('en-US')} customers, ${counts.ord_hedr.toLocaleString('en-US')} orders and ` +
      `${counts.ord_detl.toLocaleString('en-US')} lines in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** One sync run at start-up, reported the way the CLI reports it. */
export async function syncOnStart(sync: SyncService, log: Log): Promise<void> {
  log('Syncing the ERP into the mirror…');
  const outcome = await sync.run({ trigger: 'startup' });
  if (outcome.status === 'already-running') log('A sync is already running elsewhere; serving the mirror as it is.');
  else log(formatSummaryTable(outcome));
}

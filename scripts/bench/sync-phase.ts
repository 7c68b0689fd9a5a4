import { createApp } from '../../shared/composition/create-app';
import { getSettings } from '../../shared/config';
import { migrateMirror } from '../../shared/db/migrations/migrate-mirror';
import type { ErpDatabase } from '../../shared/db/schema/erp-tables';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { measure } from './bench-child';
import { LinkMeter, type LinkCounts, type LinkModel } from './erp-link';
import { watchLoopDelay } from './loop-delay';
import { openMetered } from './open-pglite';
import { engineThread, linkModel } from './phase-env';

/** What one run cost on the databases' connections: the ERP's through the link model, the mirror's counted only. */
export interface SyncLinkReport {
  readonly model: LinkModel | null;
  readonly erp: LinkCounts;
  readonly mirrorRoundTrips: number;
  /** Keyset batches the run read from the ERP: each entity's rows ÷ batch size, plus the short last one. */
  readonly batches: number;
}

/**
 * One sync run of ERP_CONNECTION into MIRROR_CONNECTION; reports the summary, its round trips and
 * bytes, the event loop's delay during it, the busiest customers and a sample of their invoiced
 * orders, which the API load phase requests.
 */
measure(async () => {
  const settings = getSettings();
  const erpMeter = new LinkMeter(linkModel());
  const mirrorMeter = new LinkMeter(null);
  const erp = await openMetered<ErpDatabase>('ERP_CONNECTION', settings.ERP_CONNECTION, erpMeter, engineThread());
  const mirror = await openMetered<MirrorDatabase>('MIRROR_CONNECTION', settings.MIRROR_CONNECTION, mirrorMeter, engineThread());
  try {
    await migrateMirror(mirror);
    mirrorMeter.reset();
    erpMeter.reset();
    const loop = await watchLoopDelay();
    const outcome = await createApp(settings, { erp, mirror }).sync.run({ trigger: 'cli' });
    const loopDelay = await loop();
    if (outcome.status === 'already-running') throw new Error('another sync holds the lock');
    const link: SyncLinkReport = {
      model: erpMeter.model,
      erp: erpMeter.counts(),
      mirrorRoundTrips: mirrorMeter.counts().roundTrips,
      batches: outcome.entities.reduce((sum, e) => sum + Math.floor(e.read / settings.SYNC_BATCH_SIZE) + 1, 0),
    };
    const busiest = await mirror.db
      .selectFrom('ord_hedr')
      .select(['cust_no', (eb) => eb.fn.countAll<number>().as('orders')])
      .groupBy('cust_no')
      .orderBy('orders', 'desc')
      .orderBy('cust_no')
      .offset(0)
      .fetch(50)
      .execute();
    const busiestCustomers = busiest.map((row) => (row.cust_no ?? '').trim());
    const sample = await mirror.db
      .selectFrom('ord_hedr')
      .select(['order_no', 'cust_no'])
      .where('cust_no', 'in', busiestCustomers)
      .where('inv_no', 'is not', null)
      .orderBy('order_no')
      .offset(0)
      .fetch(500)
      .execute();
    const sampleOrders = sample.map((row) => ({ customer: (row.cust_no ?? '').trim(), orderNo: row.order_no }));
    return { summary: outcome, link, loopDelay, thread: engineThread(), busiestCustomers, sampleOrders };
  } finally {
    await erp.close();
    await mirror.close();
  }
});

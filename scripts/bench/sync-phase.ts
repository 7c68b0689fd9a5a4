import { createApp } from '../../shared/composition/create-app';
import { getSettings } from '../../shared/config';
import { migrateMirror } from '../../shared/db/migrations/migrate-mirror';
import { openDatabase } from '../../shared/db/open-database';
import type { ErpDatabase } from '../../shared/db/schema/erp-tables';
import type { MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { measure } from './bench-child';

/**
 * One sync run of ERP_CONNECTION into MIRROR_CONNECTION; reports the summary, the busiest customers
 * and a sample of their invoiced orders, which the API load phase requests.
 */
measure(async () => {
  const settings = getSettings();
  const erp = await openDatabase<ErpDatabase>({ setting: 'ERP_CONNECTION', connection: settings.ERP_CONNECTION });
  const mirror = await openDatabase<MirrorDatabase>({ setting: 'MIRROR_CONNECTION', connection: settings.MIRROR_CONNECTION });
  try {
    await migrateMirror(mirror);
    const outcome = await createApp(settings, { erp, mirror }).sync.run({ trigger: 'cli' });
    if (outcome.status === 'already-running') throw new Error('another sync holds the lock');
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
    return { summary: outcome, busiestCustomers, sampleOrders };
  } finally {
    await erp.close();
    await mirror.close();
  }
});

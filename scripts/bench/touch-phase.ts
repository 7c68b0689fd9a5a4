import { sql } from 'kysely';
import { getSettings } from '../../shared/config';
import { openDatabase } from '../../shared/db/open-database';
import type { ErpDatabase } from '../../shared/db/schema/erp-tables';
import { measure } from './bench-child';

/**
 * A day of ERP edits: about 1% of each table's rows get a new value. The bucket and the value come
 * from the clock, so every bench run changes rows the mirror has not seen.
 */
measure(async () => {
  const erp = await openDatabase<ErpDatabase>({ setting: 'ERP_CONNECTION', connection: getSettings().ERP_CONNECTION });
  try {
    const stamp = Date.now().toString(36);
    const bucket = Math.floor(Date.now() / 1000) % 100;
    return await erp.db.transaction().execute(async (trx) => {
      const customers = await trx
        .updateTable('customer')
        .set({ cust_phone: `555-${stamp}` })
        .where(sql<boolean>`mod(abs(hashtext(cust_no)), 100) = ${bucket}`)
        .executeTakeFirst();
      const orders = await trx
        .updateTable('ord_hedr')
        .set({ buyer: `Bench ${stamp}` })
        .where(sql<boolean>`mod(order_no, 100) = ${bucket}`)
        .executeTakeFirst();
      const lines = await trx
        .updateTable('ord_detl')
        .set({ item_desc: `Bench ${stamp}` })
        .where(sql<boolean>`mod(order_no + lin_no::int, 100) = ${bucket}`)
        .executeTakeFirst();
      return {
        touched: {
          customers: Number(customers.numUpdatedRows),
          orders: Number(orders.numUpdatedRows),
          lines: Number(lines.numUpdatedRows),
        },
      };
    });
  } finally {
    await erp.close();
  }
});

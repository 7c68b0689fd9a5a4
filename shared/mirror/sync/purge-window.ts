import { sql, type SqlBool } from 'kysely';
import type { SyncWindow } from '../../sync/sync-ports';
import type { MirrorDb } from './stage-tables';

const outside = (window: SyncWindow) =>
  sql`(${sql.ref('h.order_dt')} < ${window.orderWindowStart} or ${sql.ref('h.order_dt')} is null)`;

/** Lines of mirrored orders that left the window (deleted first, with their headers, in one transaction). */
export function purgeWindowLinesQuery(db: MirrorDb, window: SyncWindow) {
  return db
    .deleteFrom('ord_detl')
    .where(sql<SqlBool>`exists (select 1 from ${sql.table('ord_hedr')} as ${sql.id('h')} where ${sql.ref('h.order_no')} = ${sql.ref('ord_detl.order_no')} and ${outside(window)})`);
}

export function purgeWindowOrdersQuery(db: MirrorDb, window: SyncWindow) {
  return db
    .deleteFrom('ord_hedr')
    .where((eb) => eb.or([eb('order_dt', '<', window.orderWindowStart), eb('order_dt', 'is', null)]));
}

export async function purgeWindow(db: MirrorDb, window: SyncWindow): Promise<readonly [number, number]> {
  return db.transaction().execute(async (trx) => {
    const lines = await purgeWindowLinesQuery(trx, window).executeTakeFirst();
    const orders = await purgeWindowOrdersQuery(trx, window).executeTakeFirst();
    return [Number(orders.numDeletedRows), Number(lines.numDeletedRows)] as const;
  });
}

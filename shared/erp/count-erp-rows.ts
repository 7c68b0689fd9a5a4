import { sql } from 'kysely';
import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { SyncEntity } from '../sync/sync-entities';
import type { SyncWindow } from '../sync/sync-ports';
import { windowPredicate } from './erp-window';

/** Rows in the entity's window; only for progress bars. */
export function countErpRowsQuery(erp: PortalDatabase<ErpDatabase>, entity: SyncEntity, window: SyncWindow) {
  const query = erp.db.selectFrom(sql.table(entity.table).as('t')).select(sql<number | string>`count(*)`.as('n'));
  const inWindow = windowPredicate(entity, window);
  return inWindow ? query.where(inWindow) : query;
}

export async function countErpRows(erp: PortalDatabase<ErpDatabase>, entity: SyncEntity, window: SyncWindow): Promise<number> {
  const row = await countErpRowsQuery(erp, entity, window).executeTakeFirst();
  return Number(row?.n ?? 0);
}

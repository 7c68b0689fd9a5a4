import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { KeyValues, SyncEntity, SyncRow } from '../sync/sync-entities';
import type { SyncWindow } from '../sync/sync-ports';
import { firstRows, orderByKey, selectEntity } from './erp-query';
import { windowPredicate } from './erp-window';
import { keyAfter } from './keyset';

/** Keyset batch: the next `limit` rows of the entity's window after `after`, by primary key. */
export function readErpBatchQuery(
  erp: PortalDatabase<ErpDatabase>,
  entity: SyncEntity,
  after: KeyValues | null,
  limit: number,
  window: SyncWindow,
) {
  let query = selectEntity(erp.db, entity);
  const inWindow = windowPredicate(entity, window);
  if (inWindow) query = query.where(inWindow);
  if (after) query = query.where(keyAfter('t', entity.key, after));
  return firstRows(orderByKey(query, 't', entity.key), erp.dialect, limit);
}

export async function readErpBatch(
  erp: PortalDatabase<ErpDatabase>,
  entity: SyncEntity,
  after: KeyValues | null,
  limit: number,
  window: SyncWindow,
): Promise<SyncRow[]> {
  return (await readErpBatchQuery(erp, entity, after, limit, window).execute()) as SyncRow[];
}

import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { HashedRow } from '../sync/batch-diff';
import type { KeyValues, SyncEntity } from '../sync/sync-entities';
import type { SyncWindow } from '../sync/sync-ports';
import { firstRows, orderByKey, selectHashed, toHashedRow } from './erp-query';

/** Keyset batch: the next `limit` full rows (and their hashes) of the entity's window after `after`. */
export function readErpBatchQuery(
  erp: PortalDatabase<ErpDatabase>,
  entity: SyncEntity,
  after: KeyValues | null,
  limit: number,
  window: SyncWindow,
) {
  return firstRows(orderByKey(selectHashed(erp, entity, entity.columns, window, after), 't', entity.key), erp.dialect, limit);
}

export async function readErpBatch(
  erp: PortalDatabase<ErpDatabase>,
  entity: SyncEntity,
  after: KeyValues | null,
  limit: number,
  window: SyncWindow,
): Promise<HashedRow[]> {
  const rows = await readErpBatchQuery(erp, entity, after, limit, window).execute();
  return rows.map((raw) => toHashedRow(entity, raw));
}

import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { KeyHash } from '../sync/batch-diff';
import type { KeyValues, SyncEntity } from '../sync/sync-entities';
import type { SyncWindow } from '../sync/sync-ports';
import { firstRows, orderByKey, selectHashed, toKeyHash } from './erp-query';
import { keyHashJsonQuery, parseKeyHashJson } from '../db/key-hash-json';

/** Keyset batch of (key, hash) only: what a scan compares, without transferring the rows. */
export function readErpHashesQuery(
  erp: PortalDatabase<ErpDatabase>,
  entity: SyncEntity,
  after: KeyValues | null,
  limit: number,
  window: SyncWindow,
) {
  return firstRows(orderByKey(selectHashed(erp, entity, entity.key, window, after), 't', entity.key), erp.dialect, limit);
}

export async function readErpHashes(
  erp: PortalDatabase<ErpDatabase>,
  entity: SyncEntity,
  after: KeyValues | null,
  limit: number,
  window: SyncWindow,
): Promise<KeyHash[]> {
  const query = readErpHashesQuery(erp, entity, after, limit, window);
  if (erp.dialect === 'pglite') {
    const { rows } = await keyHashJsonQuery(entity, query).execute(erp.db);
    return parseKeyHashJson(entity, rows[0]?.pairs ?? '[]');
  }
  return (await query.execute()).map((raw) => toKeyHash(entity, raw));
}

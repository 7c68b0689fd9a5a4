import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { HashedRow } from '../sync/batch-diff';
import type { KeyValues, SyncEntity } from '../sync/sync-entities';
import type { SyncWindow } from '../sync/sync-ports';
import { selectHashed, toHashedRow } from './erp-query';
import { keyAtMost } from '../db/keyset';

/** Full rows (and hashes) of the entity's window with after < key ≤ upTo; a null `after` is open. */
export function readErpRangeQuery(
  erp: PortalDatabase<ErpDatabase>,
  entity: SyncEntity,
  after: KeyValues | null,
  upTo: KeyValues,
  window: SyncWindow,
) {
  return selectHashed(erp, entity, entity.columns, window, after).where(keyAtMost('t', entity.key, upTo));
}

export async function readErpRange(
  erp: PortalDatabase<ErpDatabase>,
  entity: SyncEntity,
  after: KeyValues | null,
  upTo: KeyValues,
  window: SyncWindow,
): Promise<HashedRow[]> {
  const rows = await readErpRangeQuery(erp, entity, after, upTo, window).execute();
  return rows.map((raw) => toHashedRow(entity, raw));
}

import { sql, type SqlBool } from 'kysely';
import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { HashedRow } from '../sync/batch-diff';
import type { KeyValues, SyncEntity } from '../sync/sync-entities';
import type { SyncWindow } from '../sync/sync-ports';
import { selectHashed, toHashedRow } from './erp-query';

/** Full rows (and hashes) of the given keys within the window: one seek per key on both engines. */
export function readErpKeysQuery(erp: PortalDatabase<ErpDatabase>, entity: SyncEntity, keys: readonly KeyValues[], window: SyncWindow) {
  const matches = keys.map((key) =>
    sql`(${sql.join(entity.key.map((column, i) => sql`${sql.ref(`t.${column}`)} = ${key[i]}`), sql` and `)})`,
  );
  return selectHashed(erp, entity, entity.columns, window, null).where(sql<SqlBool>`(${sql.join(matches, sql` or `)})`);
}

/** Keys per statement: two parameters each stays far below SQL Server's 2,100. */
const keysPerRead = 200;

export async function readErpKeys(
  erp: PortalDatabase<ErpDatabase>,
  entity: SyncEntity,
  keys: readonly KeyValues[],
  window: SyncWindow,
): Promise<HashedRow[]> {
  const rows: HashedRow[] = [];
  for (let i = 0; i < keys.length; i += keysPerRead) {
    const raw = await readErpKeysQuery(erp, entity, keys.slice(i, i + keysPerRead), window).execute();
    rows.push(...raw.map((row) => toHashedRow(entity, row)));
  }
  return rows;
}

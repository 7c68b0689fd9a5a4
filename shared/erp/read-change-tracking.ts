import { sql } from 'kysely';
import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { SyncEntity } from '../sync/sync-entities';
import type { ChangeTrackingInfo } from '../sync/sync-ports';

export const trackedObject = (entity: SyncEntity) => `dbo.${entity.table}`;

/**
 * The table's Change Tracking versions, or no row when the table is not in
 * sys.change_tracking_tables (tracking off for the table or the database). SQL Server only.
 */
export function changeTrackingQuery(erp: PortalDatabase<ErpDatabase>, entity: SyncEntity) {
  const objectId = sql`OBJECT_ID(${trackedObject(entity)})`;
  return erp.db
    .selectFrom(sql.table('sys.change_tracking_tables').as('ctt'))
    .select([
      sql<string | number>`CHANGE_TRACKING_CURRENT_VERSION()`.as('current_version'),
      sql<string | number | null>`CHANGE_TRACKING_MIN_VALID_VERSION(${objectId})`.as('min_valid_version'),
    ])
    .where(sql.ref('ctt.object_id'), '=', objectId);
}

export async function readChangeTracking(erp: PortalDatabase<ErpDatabase>, entity: SyncEntity): Promise<ChangeTrackingInfo | null> {
  if (erp.dialect !== 'mssql') return null;
  const row = await changeTrackingQuery(erp, entity).executeTakeFirst();
  if (!row || row.current_version === null || row.min_valid_version === null) return null;
  return { currentVersion: String(row.current_version), minValidVersion: String(row.min_valid_version) };
}

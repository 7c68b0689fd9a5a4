import type { PortalDatabase } from '../db/portal-database';
import { erpTables, type ErpDatabase } from '../db/schema/erp-tables';
import { createErpTables } from '../erp/create-erp-tables';

/**
 * Makes sure the ERP tables exist before seeding. Only an embedded (PGlite) ERP gets them
 * created: on SQL Server the ERP is not ours, so missing tables mean a wrong connection.
 * Returns whether the tables were created.
 */
export async function ensureErpTables(database: PortalDatabase<ErpDatabase>): Promise<boolean> {
  const existing = new Set((await database.db.introspection.getTables()).map((table) => table.name.toLowerCase()));
  const missing = erpTables.map((table) => table.name).filter((name) => !existing.has(name));
  if (missing.length === 0) return false;
  if (database.dialect !== 'pglite') {
    throw new Error(
      `The SQL Server ERP has no ${missing.join(', ')} table(s). The demo seeder never creates tables in an ` +
        'external ERP: check ERP_CONNECTION, or create the tables there yourself first.',
    );
  }
  if (missing.length < erpTables.length) {
    throw new Error(`The embedded ERP is missing only some tables (${missing.join(', ')}); delete its directory and seed again.`);
  }
  await createErpTables(database.db, database.dialect);
  return true;
}

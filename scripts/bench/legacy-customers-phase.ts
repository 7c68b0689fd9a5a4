import { sql } from 'kysely';
import { getSettings } from '../../shared/config';
import { openDatabase } from '../../shared/db/open-database';
import { createTableFromSpec } from '../../shared/db/schema/create-table';
import { customerTable, type ErpDatabase } from '../../shared/db/schema/erp-tables';
import { measure } from './bench-child';

const legacyBatch = 1000;

/**
 * The original PowerShell method on the same engine: empty the customer table, then insert every
 * ERP customer with its own INSERT statement, committing every 1,000 rows. Readers see an empty or
 * partial table for the whole run.
 */
measure(async () => {
  const settings = getSettings();
  const erp = await openDatabase<ErpDatabase>({ setting: 'ERP_CONNECTION', connection: settings.ERP_CONNECTION });
  const legacy = await openDatabase<ErpDatabase>({ setting: 'MIRROR_CONNECTION', connection: settings.MIRROR_CONNECTION });
  try {
    await sql`drop table if exists customer`.execute(legacy.db);
    await createTableFromSpec(legacy.db, customerTable, legacy.dialect).execute();
    const rows = await erp.db.selectFrom('customer').selectAll().orderBy('cust_no').execute();
    const started = performance.now();
    await legacy.db.deleteFrom('customer').execute();
    for (let at = 0; at < rows.length; at += legacyBatch) {
      await legacy.db.transaction().execute(async (trx) => {
        for (const row of rows.slice(at, at + legacyBatch)) await trx.insertInto('customer').values(row).execute();
      });
    }
    return { customers: rows.length, legacyMs: Math.round(performance.now() - started) };
  } finally {
    await erp.close();
    await legacy.close();
  }
});

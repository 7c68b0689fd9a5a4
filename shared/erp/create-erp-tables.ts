import type { Kysely } from 'kysely';
import type { SqlDialectName } from '../db/schema/column-types';
import { createTableFromSpec } from '../db/schema/create-table';
import { erpTables } from '../db/schema/erp-tables';

/** Creates the ERP tables in the seed's exact schema: for the demo ERP and the SQL Server contract suite. */
export async function createErpTables<DB>(db: Kysely<DB>, dialect: SqlDialectName): Promise<void> {
  for (const spec of erpTables) await createTableFromSpec(db, spec, dialect).execute();
}

import { sql, type Kysely } from 'kysely';
import type { ErpDatabase } from '../db/schema/erp-tables';

export const erpTableNames = ['customer', 'ord_hedr', 'ord_detl'] as const;
export type ErpTableName = (typeof erpTableNames)[number];

/** The seeder's only statements besides bulk loads; portable to SQL Server (snapshot-tested). */
export function countRows(db: Kysely<ErpDatabase>, table: ErpTableName) {
  return db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('rows'));
}

export function truncateTable(table: ErpTableName) {
  return sql`truncate table ${sql.table(table)}`;
}

import { sql, type Kysely } from 'kysely';
import type { BulkTable } from '../../db/bulk-table';
import { char, int, renderColumnType, type SqlDialectName } from '../../db/schema/column-types';

/**
 * Session-scoped staging table for a link batch. The `#` name is a temp table on SQL Server and a
 * valid quoted identifier on PostgreSQL, so one name serves both dialects.
 */
export const customerLinkStage = {
  name: '#customer_link_stage',
  columns: [
    { name: 'bc_customer_id', type: int, nullable: false },
    { name: 'cust_no', type: char(6), nullable: false },
  ],
} as const satisfies BulkTable;

export interface CustomerLinkStageRow {
  bc_customer_id: number;
  cust_no: string;
}

export type CustomerLinkStageTables = { '#customer_link_stage': CustomerLinkStageRow };

/** `create table` for the stage; temporary on PGlite, `#`-named (so already temporary) on SQL Server. */
export function createCustomerLinkStage(db: Pick<Kysely<unknown>, 'schema'>, dialect: SqlDialectName) {
  let builder = db.schema.createTable(customerLinkStage.name);
  if (dialect === 'pglite') builder = builder.temporary();
  for (const column of customerLinkStage.columns) {
    builder = builder.addColumn(column.name, sql.raw(renderColumnType(column.type, dialect)), (c) => c.notNull());
  }
  return builder;
}

/** Dropped inside the transaction: SQL Server pools the session, so the temp table would outlive it. */
export function dropCustomerLinkStage(db: Pick<Kysely<unknown>, 'schema'>) {
  return db.schema.dropTable(customerLinkStage.name);
}

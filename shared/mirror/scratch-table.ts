import { sql, type Kysely } from 'kysely';
import { bulkLoad } from '../db/bulk-load';
import type { BulkRow, BulkTable } from '../db/bulk-table';
import type { SqlDialectName } from '../db/schema/column-types';
import { addColumns } from '../db/schema/create-table';

/**
 * A per-transaction scratch table, bulk-loaded then read by the statements that follow: `#name` is
 * a session temp table on SQL Server (what `request.bulk` and the statements on the same connection
 * both see); on PGlite a temporary table. Keyed when those statements seek it (the sync's stages),
 * a heap when they only scan it (the link stage). Both engines drop it on rollback (DDL is
 * transactional in both); a commit must drop it explicitly.
 */
export interface ScratchTable extends BulkTable {
  readonly primaryKey?: readonly string[];
}

/** `#prefix_table` on SQL Server; PGlite's temporary tables need no marker. */
export const scratchName = (prefix: string, table: string, dialect: SqlDialectName) =>
  dialect === 'mssql' ? `#${prefix}_${table}` : `${prefix}_${table}`;

/**
 * `create table` for the scratch table. Its key is unnamed: SQL Server keeps the constraint names of
 * temp tables in tempdb's catalog, shared by all sessions, so two syncs creating `#stage_x` with a
 * named key would collide (Msg 2714).
 */
export function createScratchTableQuery(db: Pick<Kysely<unknown>, 'schema'>, table: ScratchTable, dialect: SqlDialectName) {
  const create = db.schema.createTable(table.name);
  const builder = addColumns(dialect === 'pglite' ? create.temporary() : create, table.columns, dialect);
  // Kysely compiles an empty constraint name to a bare `primary key (…)`; the T-SQL snapshots pin that.
  return table.primaryKey ? builder.addPrimaryKeyConstraint('', [...table.primaryKey] as never) : builder;
}

export async function createScratchTable(db: Pick<Kysely<unknown>, 'schema'>, table: ScratchTable, dialect: SqlDialectName): Promise<void> {
  await createScratchTableQuery(db, table, dialect).execute();
}

/** Rows in the table's column order, on `db`'s connection (the transaction's, inside one). */
export async function loadScratchTable(db: Pick<Kysely<unknown>, 'getExecutor'>, table: ScratchTable, rows: readonly BulkRow[]): Promise<void> {
  await bulkLoad(db, table, rows);
}

/**
 * PGlite only: fresh planner statistics. PGlite runs no autovacuum, so without this a just-loaded
 * stage table is assumed large (a hash join against a full scan of the mirror table every batch)
 * and a just-synced mirror table has no statistics at all (the API's index seeks turn into scans).
 * SQL Server maintains statistics itself (AUTO_UPDATE_STATISTICS).
 */
export async function analyzeTable(db: Pick<Kysely<unknown>, 'getExecutor'>, table: Pick<BulkTable, 'name'>): Promise<void> {
  await sql`analyze ${sql.table(table.name)}`.execute(db);
}

/** Explicit drop: a pooled SQL Server session outlives the transaction, and its #table with it. */
export function dropScratchTableQuery(db: Pick<Kysely<unknown>, 'schema'>, table: ScratchTable) {
  return db.schema.dropTable(table.name);
}

export async function dropScratchTable(db: Pick<Kysely<unknown>, 'schema'>, table: ScratchTable): Promise<void> {
  await dropScratchTableQuery(db, table).execute();
}

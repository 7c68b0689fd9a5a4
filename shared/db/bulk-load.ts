import type { DatabaseConnection, Kysely } from 'kysely';
import type { BulkLoader, BulkRow, BulkTable } from './bulk-table';

function isBulkLoader(connection: DatabaseConnection): connection is DatabaseConnection & BulkLoader {
  return typeof (connection as Partial<BulkLoader>).bulkLoad === 'function';
}

/**
 * Bulk-loads rows on the connection `db` is bound to. Inside `db.transaction()` that is the
 * transaction's own connection, so the rows are visible to the statements that follow and roll
 * back with them: COPY on PGlite, the TDS bulk-load protocol on SQL Server.
 */
export async function bulkLoad(
  db: Pick<Kysely<unknown>, 'getExecutor'>,
  table: BulkTable,
  rows: readonly BulkRow[],
): Promise<void> {
  await db.getExecutor().provideConnection(async (connection) => {
    if (!isBulkLoader(connection)) throw new Error('This database connection does not support bulk loads');
    await connection.bulkLoad(table, rows);
  });
}

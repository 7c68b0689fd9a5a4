import sql from 'mssql';
import type { CompiledQuery, DatabaseConnection, QueryResult, TransactionSettings } from 'kysely';
import type { BulkLoader, BulkRow, BulkTable } from '../bulk-table';
import { bulkTable } from './mssql-bulk';
import { bindParameters, normalizeDecimals } from './mssql-parameters';

const isolationLevels: Record<NonNullable<TransactionSettings['isolationLevel']>, number> = {
  'read uncommitted': sql.ISOLATION_LEVEL.READ_UNCOMMITTED,
  'read committed': sql.ISOLATION_LEVEL.READ_COMMITTED,
  'repeatable read': sql.ISOLATION_LEVEL.REPEATABLE_READ,
  serializable: sql.ISOLATION_LEVEL.SERIALIZABLE,
  snapshot: sql.ISOLATION_LEVEL.SNAPSHOT,
};

/**
 * One logical Kysely connection over the shared pool. Outside a transaction each query borrows a
 * pooled connection; inside one, every query and bulk load runs on the transaction's connection,
 * which is what lets a #stage table and its MERGE see each other.
 */
export class MssqlConnection implements DatabaseConnection, BulkLoader {
  readonly #pool: sql.ConnectionPool;
  #transaction: sql.Transaction | undefined;

  constructor(pool: sql.ConnectionPool) {
    this.#pool = pool;
  }

  #request(): sql.Request {
    return this.#transaction ? new sql.Request(this.#transaction) : this.#pool.request();
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const request = this.#request();
    bindParameters(request, query.parameters);
    const result = await request.query<R>(query.sql);
    const affected = result.rowsAffected.reduce((sum, n) => sum + n, 0);
    return { rows: normalizeDecimals(result.recordset), numAffectedRows: BigInt(affected) };
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // The sync reads in keyset batches, so a batch is the unit of memory; no row streaming needed.
    yield await this.executeQuery<R>(query);
  }

  async bulkLoad(table: BulkTable, rows: readonly BulkRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.#request().bulk(bulkTable(table, rows));
  }

  async begin(settings: TransactionSettings): Promise<void> {
    const transaction = new sql.Transaction(this.#pool);
    await transaction.begin(settings.isolationLevel ? isolationLevels[settings.isolationLevel] : undefined);
    this.#transaction = transaction;
  }

  async commit(): Promise<void> {
    const transaction = this.#transaction;
    this.#transaction = undefined;
    await transaction?.commit();
  }

  async rollback(): Promise<void> {
    const transaction = this.#transaction;
    this.#transaction = undefined;
    await transaction?.rollback();
  }
}

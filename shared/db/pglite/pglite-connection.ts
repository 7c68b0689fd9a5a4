import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import type { BulkLoader, BulkRow, BulkTable } from '../bulk-table';
import type { PGliteSession } from './pglite-session';

export class PGliteConnection implements DatabaseConnection, BulkLoader {
  readonly #session: PGliteSession;

  constructor(session: PGliteSession) {
    this.#session = session;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.#session.query<R>(query.sql, query.parameters);
    return {
      rows: result.rows,
      ...(result.affectedRows !== undefined ? { numAffectedRows: BigInt(result.affectedRows) } : {}),
    };
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // PGlite materialises results in memory; callers page with keyset batches instead.
    yield await this.executeQuery<R>(query);
  }

  bulkLoad(table: BulkTable, rows: readonly BulkRow[]): Promise<void> {
    return this.#session.bulkLoad(table, rows);
  }
}

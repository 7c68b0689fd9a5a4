import type { PGlite } from '@electric-sql/pglite';
import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import type { BulkLoader, BulkRow, BulkTable } from '../bulk-table';
import { toCopyCsv } from './copy-csv';

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export class PGliteConnection implements DatabaseConnection, BulkLoader {
  readonly #pg: PGlite;

  constructor(pg: PGlite) {
    this.#pg = pg;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.#pg.query<R>(query.sql, [...query.parameters]);
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined && result.fields.length === 0 ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // PGlite materialises results in memory; callers page with keyset batches instead.
    yield await this.executeQuery<R>(query);
  }

  async bulkLoad(table: BulkTable, rows: readonly BulkRow[]): Promise<void> {
    if (rows.length === 0) return;
    const columns = table.columns.map((c) => quoteIdent(c.name)).join(', ');
    await this.#pg.query(`copy ${quoteIdent(table.name)} (${columns}) from '/dev/blob' with (format csv)`, [], {
      blob: new Blob([toCopyCsv(rows)]),
    });
  }
}

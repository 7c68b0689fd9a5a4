import type { PGlite } from '@electric-sql/pglite';
import type { BulkRow, BulkTable } from '../bulk-table';
import { toCopyCsv } from './copy-csv';

/** One statement's answer: its rows, and for a statement without a result set the rows it affected. */
export interface SessionResult<R> {
  readonly rows: R[];
  readonly affectedRows?: number;
}

/**
 * The one session of a PGlite engine, wherever the engine runs: in this thread (inProcessSession) or
 * in a worker thread (PGliteWorkerSession). The Kysely driver and connection speak only to this.
 */
export interface PGliteSession {
  readonly ready: Promise<void>;
  query<R>(sql: string, parameters: readonly unknown[]): Promise<SessionResult<R>>;
  /** COPY of `rows` into `table` (a staging table) on this session, inside its open transaction if any. */
  bulkLoad(table: BulkTable, rows: readonly BulkRow[]): Promise<void>;
  close(): Promise<void>;
}

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** The session of a PGlite instance running in this thread. */
export function inProcessSession(pg: PGlite): PGliteSession {
  return {
    ready: pg.waitReady,
    async query<R>(sql: string, parameters: readonly unknown[]): Promise<SessionResult<R>> {
      const result = await pg.query<R>(sql, [...parameters]);
      const affected = result.affectedRows;
      return affected !== undefined && result.fields.length === 0 ? { rows: result.rows, affectedRows: affected } : { rows: result.rows };
    },
    async bulkLoad(table: BulkTable, rows: readonly BulkRow[]): Promise<void> {
      if (rows.length === 0) return;
      const columns = table.columns.map((c) => quoteIdent(c.name)).join(', ');
      await pg.query(`copy ${quoteIdent(table.name)} (${columns}) from '/dev/blob' with (format csv)`, [], {
        blob: new Blob([toCopyCsv(rows)]),
      });
    },
    close: () => pg.close(),
  };
}

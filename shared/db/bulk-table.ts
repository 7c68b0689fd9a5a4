import type { ColumnSpec } from './schema/column-types';

/** A table to bulk-load: the target name (a staging table) and its columns in row order. */
export interface BulkTable {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
}

export type BulkValue = string | number | boolean | Date | null;
export type BulkRow = readonly BulkValue[];

/** A connection that can stream many rows into a table without per-row parameters. */
export interface BulkLoader {
  bulkLoad(table: BulkTable, rows: readonly BulkRow[]): Promise<void>;
}

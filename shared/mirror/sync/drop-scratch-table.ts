import type { TableSpec } from '../../db/schema/column-types';
import type { MirrorDb } from './stage-tables';

/** Explicit drop: a pooled SQL Server session outlives the transaction, and its #table with it. */
export function dropScratchTableQuery(db: MirrorDb, spec: TableSpec) {
  return db.schema.dropTable(spec.name);
}

export async function dropScratchTable(db: MirrorDb, spec: TableSpec): Promise<void> {
  await dropScratchTableQuery(db, spec).execute();
}

import { sql } from 'kysely';
import type { TableSpec } from '../../db/schema/column-types';
import type { MirrorDb } from './stage-tables';

/**
 * PGlite only: statistics for a freshly loaded temp table (autovacuum never sees temp tables).
 * Without them the planner guesses the stage is large and hash-joins it against a full scan of the
 * mirror table in every batch; with them it probes the primary key per staged row.
 */
export function analyzeScratchTableQuery(db: MirrorDb, spec: TableSpec) {
  return sql`analyze ${sql.table(spec.name)}`.compile(db);
}

export async function analyzeScratchTable(db: MirrorDb, spec: TableSpec): Promise<void> {
  await db.executeQuery(analyzeScratchTableQuery(db, spec));
}

import { sql } from 'kysely';
import type { TableSpec } from '../../db/schema/column-types';
import type { MirrorDb } from './stage-tables';

/**
 * PGlite only: fresh planner statistics. PGlite runs no autovacuum, so without this a just-loaded
 * stage table is assumed large (a hash join against a full scan of the mirror table every batch)
 * and a just-synced mirror table has no statistics at all (the API's index seeks turn into scans).
 * SQL Server maintains statistics itself (AUTO_UPDATE_STATISTICS).
 */
export async function analyzeTable(db: MirrorDb, spec: TableSpec): Promise<void> {
  await sql`analyze ${sql.table(spec.name)}`.execute(db);
}

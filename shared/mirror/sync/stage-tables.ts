import type { Kysely } from 'kysely';
import type { SqlDialectName, TableSpec } from '../../db/schema/column-types';
import { mirroredTables, type MirrorDatabase } from '../../db/schema/mirror-tables';
import type { SyncEntity } from '../../sync/sync-entities';

export type MirrorDb = Kysely<MirrorDatabase>;

/**
 * Per-transaction scratch tables: `#name` is a session temp table on SQL Server (what `request.bulk`
 * and the MERGE on the same connection both see); on PGlite a temporary table. Both are dropped at
 * the end of the batch transaction and vanish on rollback, since DDL is transactional in both.
 */
const scratchName = (prefix: string, table: string, dialect: SqlDialectName) =>
  dialect === 'mssql' ? `#${prefix}_${table}` : `${prefix}_${table}`;

export function mirrorSpec(entity: SyncEntity): TableSpec {
  const spec = mirroredTables.find((t) => t.name === entity.table);
  if (!spec) throw new Error(`No mirror table for ${entity.table}`);
  return spec;
}

/** Staged upserts: the mirror table's columns (source columns, row_hash, sync_date). */
export function stageSpec(entity: SyncEntity, dialect: SqlDialectName): TableSpec {
  return { ...mirrorSpec(entity), name: scratchName('stage', entity.table, dialect) };
}

/** Staged deletions: key columns only. */
export function goneSpec(entity: SyncEntity, dialect: SqlDialectName): TableSpec {
  const spec = mirrorSpec(entity);
  return {
    name: scratchName('gone', entity.table, dialect),
    primaryKey: spec.primaryKey,
    columns: spec.columns.filter((c) => spec.primaryKey.includes(c.name)),
  };
}

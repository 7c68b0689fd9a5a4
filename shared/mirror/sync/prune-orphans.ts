import { sql } from 'kysely';
import type { SqlDialectName, TableSpec } from '../../db/schema/column-types';
import { keyOf, type KeyValues, type SyncEntity, type SyncRow } from '../../sync/sync-entities';
import type { MirrorDb } from './stage-tables';

/**
 * The entity's parent FK, as "parent row missing" on the staged row; a NULL reference in a nullable
 * column counts as missing.
 */
function missingParent(entity: SyncEntity, stage: string) {
  const parent = entity.parent;
  if (!parent) return null;
  const staged = sql.ref(`${stage}.${parent.column}`);
  const missing = sql`not exists (select 1 from ${sql.table(parent.table)} as ${sql.id('p')} where ${sql.ref(`p.${parent.column}`)} = ${staged})`;
  const nullable = entity.source.columns.some((c) => c.name === parent.column && c.nullable);
  return nullable ? sql`${staged} is null or ${missing}` : missing;
}

/** Removes staged rows whose parent is not in the mirror and returns their keys (skipped, counted by reason). */
export function pruneOrphansQuery(db: MirrorDb, entity: SyncEntity, stage: TableSpec, dialect: SqlDialectName) {
  const orphan = missingParent(entity, stage.name);
  if (!orphan) return null;
  const table = sql.table(stage.name);
  if (dialect === 'mssql') {
    const output = sql.join(entity.key.map((column) => sql.ref(`deleted.${column}`)));
    return sql<SyncRow>`delete from ${table} output ${output} where ${orphan}`.compile(db);
  }
  return sql<SyncRow>`delete from ${table} where ${orphan} returning ${sql.join(entity.key.map((c) => sql.ref(c)))}`.compile(db);
}

export async function pruneOrphans(db: MirrorDb, entity: SyncEntity, stage: TableSpec, dialect: SqlDialectName): Promise<KeyValues[]> {
  const query = pruneOrphansQuery(db, entity, stage, dialect);
  if (!query) return [];
  const result = await db.executeQuery(query);
  return result.rows.map((row) => keyOf(entity, row));
}

import { sql } from 'kysely';
import type { SqlDialectName, TableSpec } from '../../db/schema/column-types';
import { keyOf, type KeyValues, type SyncEntity, type SyncRow } from '../../sync/sync-entities';
import type { MirrorDb } from './stage-tables';

/** The FK each child entity must satisfy in the mirror, as "parent row missing" on the staged row. */
function missingParent(entity: SyncEntity, stage: string) {
  const staged = (column: string) => sql.ref(`${stage}.${column}`);
  switch (entity.skipReason) {
    case 'customer_missing':
      return sql`${staged('cust_no')} is null or not exists (select 1 from ${sql.table('customer')} as ${sql.id('p')} where ${sql.ref('p.cust_no')} = ${staged('cust_no')})`;
    case 'header_missing':
      return sql`not exists (select 1 from ${sql.table('ord_hedr')} as ${sql.id('p')} where ${sql.ref('p.order_no')} = ${staged('order_no')})`;
    case undefined:
      return null;
  }
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

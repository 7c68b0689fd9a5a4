import { sql } from 'kysely';
import type { SqlDialectName, TableSpec } from '../../db/schema/column-types';
import type { SyncEntity } from '../../sync/sync-entities';
import { mirrorSpec, type MirrorDb } from './stage-tables';

/**
 * Upserts the staged rows in place: readers see the old row until commit, then the new one, never a
 * gap. Equal hashes are left alone. Reports one action per row (`$action` / `merge_action()`).
 */
export function mergeStageQuery(db: MirrorDb, entity: SyncEntity, stage: TableSpec, dialect: SqlDialectName) {
  const columns = mirrorSpec(entity).columns.map((c) => c.name);
  const source = (column: string) => sql.ref(`s.${column}`);
  const on = sql.join(entity.key.map((column) => sql`${sql.ref(`t.${column}`)} = ${source(column)}`), sql` and `);
  const assignments = sql.join(
    columns.filter((column) => !entity.key.includes(column)).map((column) => sql`${sql.id(column)} = ${source(column)}`),
  );
  const report =
    dialect === 'mssql'
      ? sql`output $action as ${sql.id('action')};`
      : sql`returning merge_action() as ${sql.id('action')}`;
  return sql<{ action: string }>`merge into ${sql.table(entity.table)} as ${sql.id('t')}
using ${sql.table(stage.name)} as ${sql.id('s')} on ${on}
when matched and ${sql.ref('t.row_hash')} <> ${source('row_hash')} then update set ${assignments}
when not matched then insert (${sql.join(columns.map((c) => sql.id(c)))}) values (${sql.join(columns.map(source))})
${report}`.compile(db);
}

export async function mergeStage(db: MirrorDb, entity: SyncEntity, stage: TableSpec, dialect: SqlDialectName) {
  const { rows } = await db.executeQuery(mergeStageQuery(db, entity, stage, dialect));
  const inserted = rows.filter((r) => r.action.trim().toUpperCase() === 'INSERT').length;
  return { inserted, updated: rows.length - inserted };
}

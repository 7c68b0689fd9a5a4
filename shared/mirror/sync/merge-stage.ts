import { sql } from 'kysely';
import type { SqlDialectName, TableSpec } from '../../db/schema/column-types';
import type { SyncEntity } from '../../sync/sync-entities';
import type { MirrorDb } from './stage-tables';

/**
 * Upserts the staged rows in place: readers see the old row until commit, then the new one, never a
 * gap. Equal hashes are left alone. SQL Server reports one `$action` row per merged row; Postgres
 * counts them in the statement, so a batch returns one row instead of thousands to parse.
 */
export function mergeStageQuery(db: MirrorDb, entity: SyncEntity, stage: TableSpec, dialect: SqlDialectName) {
  const columns = entity.mirror.columns.map((c) => c.name);
  const source = (column: string) => sql.ref(`s.${column}`);
  const on = sql.join(entity.key.map((column) => sql`${sql.ref(`t.${column}`)} = ${source(column)}`), sql` and `);
  const assignments = sql.join(
    columns.filter((column) => !entity.key.includes(column)).map((column) => sql`${sql.id(column)} = ${source(column)}`),
  );
  const merge = sql`merge into ${sql.table(entity.table)} as ${sql.id('t')}
using ${sql.table(stage.name)} as ${sql.id('s')} on ${on}
when matched and ${sql.ref('t.row_hash')} <> ${source('row_hash')} then update set ${assignments}
when not matched then insert (${sql.join(columns.map((c) => sql.id(c)))}) values (${sql.join(columns.map(source))})`;
  if (dialect === 'mssql') return sql<MergeReport>`${merge}
output $action as ${sql.id('action')};`.compile(db);
  return sql<MergeReport>`with ${sql.id('merged')} as (${merge}
returning merge_action() as ${sql.id('action')})
select cast(count(*) filter (where ${sql.ref('action')} = 'INSERT') as int) as ${sql.id('inserted')},
  cast(count(*) as int) as ${sql.id('merged')} from ${sql.table('merged')}`.compile(db);
}

/** One row per merged row (`action`, SQL Server) or one row of counts (Postgres). */
type MergeReport = { action: string } | { inserted: number; merged: number };

export async function mergeStage(db: MirrorDb, entity: SyncEntity, stage: TableSpec, dialect: SqlDialectName) {
  const { rows } = await db.executeQuery(mergeStageQuery(db, entity, stage, dialect));
  const [first] = rows;
  if (first && 'merged' in first) return { inserted: first.inserted, updated: first.merged - first.inserted };
  const inserted = rows.filter((r) => 'action' in r && r.action.trim().toUpperCase() === 'INSERT').length;
  return { inserted, updated: rows.length - inserted };
}

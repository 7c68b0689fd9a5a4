import { sql, type CompiledQuery } from 'kysely';
import { cascadeOf, type SyncEntity } from '../../sync/sync-entities';
import type { SyncWindow } from '../../sync/sync-ports';
import type { MirrorDb } from './stage-tables';

/** The column of the entity's own `since` window. */
function sinceColumn(entity: SyncEntity): string {
  if (entity.window?.kind !== 'since') throw new Error(`${entity.table} has no window of its own to purge`);
  return entity.window.column;
}

/** Outside the window: before its start, or undated. */
const outside = (date: ReturnType<typeof sql.ref>, window: SyncWindow) => sql`(${date} < ${window.orderWindowStart} or ${date} is null)`;

/** Cascade children of rows that left the window (deleted first, with their parents, in one transaction); null without a cascade. */
export function purgeWindowChildrenQuery(db: MirrorDb, entity: SyncEntity, window: SyncWindow) {
  const cascade = cascadeOf(entity);
  if (!cascade) return null;
  const match = sql`${sql.ref(`h.${cascade.column}`)} = ${sql.ref(`${cascade.table}.${cascade.column}`)}`;
  const parentOutside = outside(sql.ref(`h.${sinceColumn(entity)}`), window);
  return sql`delete from ${sql.table(cascade.table)} where exists (select 1 from ${sql.table(entity.table)} as ${sql.id('h')} where ${match} and ${parentOutside})`.compile(db);
}

export function purgeWindowRowsQuery(db: MirrorDb, entity: SyncEntity, window: SyncWindow) {
  return sql`delete from ${sql.table(entity.table)} where ${outside(sql.ref(sinceColumn(entity)), window)}`.compile(db);
}

/** Removes the entity's rows that left its window, and their cascade children; returns [rows, children] deleted. */
export async function purgeWindow(db: MirrorDb, entity: SyncEntity, window: SyncWindow): Promise<readonly [number, number]> {
  const deleted = async (trx: MirrorDb, query: CompiledQuery | null) => (query ? Number((await trx.executeQuery(query)).numAffectedRows ?? 0n) : 0);
  return db.transaction().execute(async (trx) => {
    const children = await deleted(trx, purgeWindowChildrenQuery(trx, entity, window));
    const rows = await deleted(trx, purgeWindowRowsQuery(trx, entity, window));
    return [rows, children] as const;
  });
}

import { sql } from 'kysely';
import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import { keyOf, type KeyValues, type SyncEntity, type SyncRow } from '../sync/sync-entities';
import type { SourceChange, SyncWindow } from '../sync/sync-ports';
import { hashColumn, orderByKey, toHashedRow } from './erp-query';
import { windowPredicate } from './erp-window';
import { keyAfter } from '../db/keyset';
import { trackedObject } from './read-change-tracking';
import { rowHashSql } from './row-hash-sql';

const changedKey = (column: string) => `ct_${column}`;

/**
 * Keys changed since `since`, in key order, joined to the current row. The join also applies the
 * window, so a deleted row and a row that left the window both come back without data: both mean
 * "not in the mirror". SQL Server only.
 */
export function readErpChangesQuery(
  erp: PortalDatabase<ErpDatabase>,
  entity: SyncEntity,
  since: string,
  after: KeyValues | null,
  limit: number,
  window: SyncWindow,
) {
  const inWindow = windowPredicate(entity, window);
  let query = erp.db
    .selectFrom(sql`CHANGETABLE(CHANGES ${sql.table(trackedObject(entity))}, ${BigInt(since)})`.as('ct'))
    .leftJoin(sql.table(entity.table).as('t'), (join) => {
      let on = join.on((eb) => eb.and(entity.key.map((column) => eb(sql.ref(`t.${column}`), '=', sql.ref(`ct.${column}`)))));
      if (inWindow) on = on.on(inWindow);
      return on;
    })
    .select(entity.key.map((column) => sql.ref(`ct.${column}`).as(changedKey(column))))
    .select(entity.columns.map((column) => sql.ref(`t.${column}`).as(column)))
    .select(rowHashSql(entity, erp.dialect).as(hashColumn));
  if (after) query = query.where(keyAfter('ct', entity.key, after));
  return orderByKey(query, 'ct', entity.key).top(limit);
}

export async function readErpChanges(
  erp: PortalDatabase<ErpDatabase>,
  entity: SyncEntity,
  since: string,
  after: KeyValues | null,
  limit: number,
  window: SyncWindow,
): Promise<SourceChange[]> {
  const rows = (await readErpChangesQuery(erp, entity, since, after, limit, window).execute()) as Record<string, SyncRow[string]>[];
  return rows.map((raw) => {
    const changed: Record<string, SyncRow[string]> = {};
    for (const column of entity.key) changed[column] = raw[changedKey(column)] ?? null;
    const present = raw[entity.key[0] as string] !== null;
    return { key: keyOf(entity, changed), row: present ? toHashedRow(entity, raw) : null };
  });
}

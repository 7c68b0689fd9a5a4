import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { KeyValues, SyncEntity } from '../sync/sync-entities';
import type { SyncWindow } from '../sync/sync-ports';

/**
 * Which ERP rows belong in the mirror, as a predicate on alias `t`: orders by order_dt, lines whose
 * header is in the window or missing altogether (so orphans are read, then skipped and counted).
 * Null for customers: all of them. `after`, a keyset lower bound on `t`, also bounds the header
 * lookup: without it Postgres merge-joins from the first header on every batch.
 */
export function windowPredicate(entity: SyncEntity, window: SyncWindow, after: KeyValues | null = null): RawBuilder<SqlBool> | null {
  const start = window.orderWindowStart;
  const from = after ? sql` and ${sql.ref('h.order_no')} >= ${after[0]}` : sql``;
  switch (entity.name) {
    case 'customers':
      return null;
    case 'orders':
      return sql<SqlBool>`${sql.ref('t.order_dt')} >= ${start}`;
    case 'lines':
      return sql<SqlBool>`not exists (select 1 from ${sql.table('ord_hedr')} as ${sql.id('h')} where ${sql.ref('h.order_no')} = ${sql.ref('t.order_no')} and (${sql.ref('h.order_dt')} < ${start} or ${sql.ref('h.order_dt')} is null)${from})`;
  }
}

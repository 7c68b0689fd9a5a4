import { sql } from 'kysely';
import type { PortalDatabase } from '../db/portal-database';
import { spanBits } from '../db/range-digest-sql';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { SpanDigest } from '../sync/range-digest';
import { keyOf, type KeyValues, type SyncEntity, type SyncRow } from '../sync/sync-entities';
import type { SyncWindow } from '../sync/sync-ports';
import { firstRows, hashColumn, orderByKey, selectHashed } from './erp-query';

type Erp = PortalDatabase<ErpDatabase>;

/** The next `limit` (key, hash) rows of the window after `after`, in key order: the span a digest covers. */
export function erpSpanQuery(erp: Erp, entity: SyncEntity, after: KeyValues | null, limit: number, window: SyncWindow) {
  return firstRows(orderByKey(selectHashed(erp, entity, entity.key, window, after), 't', entity.key), erp.dialect, limit);
}

/**
 * One row for the span: its last key, its row count `n` and digest `d` (see range-digest.ts); no
 * row when the span is empty. Window aggregates over the whole span (SQL Server 2005 on) and a top-1
 * sort keep it one statement over one read of the span, so a no-change scan costs one small row per
 * span instead of every (key, hash).
 */
export function readErpSpanDigestQuery(erp: Erp, entity: SyncEntity, after: KeyValues | null, limit: number, window: SyncWindow) {
  const bits = spanBits(sql.ref(`s.${hashColumn}`), erp.dialect);
  const totals = erp.db
    .selectFrom(erpSpanQuery(erp, entity, after, limit, window).as('s'))
    .select([...entity.key.map((column) => sql.ref(`s.${column}`).as(column)), sql<number>`count(*) over ()`.as('n'), sql<string>`sum(${bits}) over ()`.as('d')]);
  const last = entity.key.reduce((q, column) => q.orderBy(sql.ref(`s.${column}`), 'desc'), totals);
  return firstRows(last, erp.dialect, 1);
}

export async function readErpSpanDigest(erp: Erp, entity: SyncEntity, after: KeyValues | null, limit: number, window: SyncWindow): Promise<SpanDigest> {
  const row = (await readErpSpanDigestQuery(erp, entity, after, limit, window).execute())[0];
  if (!row) return { count: 0, digest: '0', last: null };
  return { count: Number(row.n), digest: BigInt(String(row.d)).toString(), last: keyOf(entity, row as unknown as SyncRow) };
}

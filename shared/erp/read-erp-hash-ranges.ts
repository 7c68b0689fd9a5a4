import { sql, type SqlBool } from 'kysely';
import { keyHashJsonQuery, parseKeyHashJson } from '../db/key-hash-json';
import { keyAfter, keyAtMost, keyBefore } from '../db/keyset';
import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { KeyHash } from '../sync/batch-diff';
import type { KeyRange } from '../sync/range-digest';
import type { KeyValues, SyncEntity } from '../sync/sync-entities';
import type { SyncWindow } from '../sync/sync-ports';
import { selectHashed, toKeyHash } from './erp-query';

type Erp = PortalDatabase<ErpDatabase>;

function inRange(entity: SyncEntity, range: KeyRange) {
  const bounds = [range.after && keyAfter('t', entity.key, range.after), range.before && keyBefore('t', entity.key, range.before)];
  const present = bounds.filter((bound) => bound !== null);
  return present.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`(${sql.join(present, sql` and `)})`;
}

/** (key, hash) of the window's rows in (after, upTo] that lie in any of `ranges`; a null bound is open. */
export function readErpHashRangesQuery(
  erp: Erp,
  entity: SyncEntity,
  after: KeyValues | null,
  upTo: KeyValues | null,
  ranges: readonly KeyRange[],
  window: SyncWindow,
) {
  const span = selectHashed(erp, entity, entity.key, window, after);
  const bounded = upTo ? span.where(keyAtMost('t', entity.key, upTo)) : span;
  return bounded.where(sql<SqlBool>`(${sql.join(ranges.map((range) => inRange(entity, range)), sql` or `)})`);
}

/** Ranges per statement: at most eight parameters each (two composite bounds) stays far below SQL Server's 2,100. */
const rangesPerRead = 150;

export async function readErpHashRanges(
  erp: Erp,
  entity: SyncEntity,
  after: KeyValues | null,
  upTo: KeyValues | null,
  ranges: readonly KeyRange[],
  window: SyncWindow,
): Promise<KeyHash[]> {
  const pairs: KeyHash[] = [];
  for (let i = 0; i < ranges.length; i += rangesPerRead) {
    const query = readErpHashRangesQuery(erp, entity, after, upTo, ranges.slice(i, i + rangesPerRead), window);
    if (erp.dialect === 'pglite') {
      const { rows } = await keyHashJsonQuery(entity, query).execute(erp.db);
      pairs.push(...parseKeyHashJson(entity, rows[0]?.pairs ?? '[]'));
    } else {
      pairs.push(...(await query.execute()).map((raw) => toKeyHash(entity, raw)));
    }
  }
  return pairs;
}

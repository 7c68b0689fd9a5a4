import { sql } from 'kysely';
import { keyAtMost } from '../db/keyset';
import type { PortalDatabase } from '../db/portal-database';
import { groupBits } from '../db/range-digest-sql';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { KeyValues, SyncEntity } from '../sync/sync-entities';
import type { SyncWindow } from '../sync/sync-ports';
import { hashColumn } from './erp-query';
import { erpSpanQuery } from './read-erp-span-digest';

type Erp = PortalDatabase<ErpDatabase>;

/**
 * The digest of each `groupRows` rows of (after, upTo] in key order (at most `limit` rows), as
 * 6 bytes each: the sum of the group's leading 48 hash bits modulo 2^48 (range-digest.ts). Postgres
 * packs them into one value (PGlite's cost is per row and field); SQL Server sends one row per group
 * in group order, in syntax SQL Server 2008 has.
 */
export function readErpGroupDigestsQuery(
  erp: Erp,
  entity: SyncEntity,
  after: KeyValues | null,
  upTo: KeyValues | null,
  limit: number,
  groupRows: number,
  window: SyncWindow,
) {
  const keys = sql.join(entity.key.map((column) => sql.ref(`s.${column}`)));
  const span = erpSpanQuery(erp, entity, after, limit, window);
  const bounded = upTo ? span.where(keyAtMost('t', entity.key, upTo)) : span;
  const numbered = sql`select ${sql.ref(`s.${hashColumn}`)}, row_number() over (order by ${keys}) as ${sql.id('rn')} from (${bounded}) as ${sql.id('s')}`;
  const group = sql`(${sql.ref('w.rn')} - 1) / ${sql.lit(groupRows)}`;
  const sums = sql`select ${group} as ${sql.id('g')}, sum(${groupBits(sql.ref(`w.${hashColumn}`), erp.dialect)}) as ${sql.id('d')} from (${numbered}) as ${sql.id('w')} group by ${group}`;
  if (erp.dialect === 'pglite') {
    const hex = sql`lpad(to_hex((${sql.ref('g.d')} % 281474976710656)::bigint), 12, '0')`;
    return sql<{ d: Uint8Array | null }>`select decode(string_agg(${hex}, '' order by ${sql.ref('g.g')}), 'hex') as ${sql.id('d')} from (${sums}) as ${sql.id('g')}`;
  }
  const bytes = sql`SUBSTRING(CONVERT(binary(8), ${sql.ref('g.d')} % CONVERT(bigint, 281474976710656)), 3, 6)`;
  return sql<{ d: Uint8Array | null }>`select ${bytes} as ${sql.id('d')} from (${sums}) as ${sql.id('g')} order by ${sql.ref('g.g')}`;
}

export async function readErpGroupDigests(
  erp: Erp,
  entity: SyncEntity,
  after: KeyValues | null,
  upTo: KeyValues | null,
  limit: number,
  groupRows: number,
  window: SyncWindow,
): Promise<string[]> {
  const { rows } = await readErpGroupDigestsQuery(erp, entity, after, upTo, limit, groupRows, window).execute(erp.db);
  const hex = rows.map((row) => (row.d ? Buffer.from(row.d).toString('hex') : '')).join('');
  return hex.match(/.{12}/g) ?? [];
}

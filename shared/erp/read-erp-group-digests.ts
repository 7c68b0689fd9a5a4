import { sql } from 'kysely';
import { keyAtMost } from '../db/keyset';
import type { PortalDatabase } from '../db/portal-database';
import { groupBits } from '../db/range-digest-sql';
import type { ErpDatabase } from '../db/schema/erp-tables';
import { boundaryDigits } from '../sync/range-digest';
import type { KeyValues, SyncEntity } from '../sync/sync-entities';
import type { SyncWindow } from '../sync/sync-ports';
import { hashColumn } from './erp-query';
import { erpSpanQuery } from './read-erp-span-digest';

type Erp = PortalDatabase<ErpDatabase>;

/**
 * The digest of each group of (after, upTo] (at most `limit` rows) in key order, 6 bytes each: the
 * sum of its rows' leading 48 hash bits (+1) modulo 2^48 (range-digest.ts). A group ends at a row
 * whose hash ends in a boundary digit; its number is the count of boundary rows before a row, which
 * ROW_NUMBER gives without running sums (SQL Server 2008 has no ordered window aggregates): all
 * rows' number minus the number among rows of the same kind. Postgres packs the digests into one
 * value (PGlite's cost is per row and field); SQL Server sends one row per group, in group order.
 */
export function readErpGroupDigestsQuery(erp: Erp, entity: SyncEntity, after: KeyValues | null, upTo: KeyValues | null, limit: number, window: SyncWindow) {
  const keys = (alias: string) => sql.join(entity.key.map((column) => sql.ref(`${alias}.${column}`)));
  const hash = (alias: string) => sql.ref(`${alias}.${hashColumn}`);
  const span = erpSpanQuery(erp, entity, after, limit, window);
  const bounded = upTo ? span.where(keyAtMost('t', entity.key, upTo)) : span;
  const digits = sql.join(boundaryDigits.map((digit) => sql.lit(digit)));
  const right = erp.dialect === 'pglite' ? sql`right(${hash('s')}, 1)` : sql`RIGHT(${hash('s')}, 1)`;
  const flagged = sql`select ${keys('s')}, ${hash('s')}, case when ${right} in (${digits}) then 1 else 0 end as ${sql.id('b')} from ${bounded} as ${sql.id('s')}`;
  // Postgres counts the boundary rows before each row with one running sum; SQL Server 2008 needs the two numberings.
  const numbered =
    erp.dialect === 'pglite'
      ? sql`select ${hash('f')}, sum(${sql.ref('f.b')}) over (order by ${keys('f')} rows unbounded preceding) - ${sql.ref('f.b')} as ${sql.id('g')} from (${flagged}) as ${sql.id('f')}`
      : sql`select ${hash('n')}, case when ${sql.ref('n.b')} = 1 then ${sql.ref('n.rb')} - 1 else ${sql.ref('n.rn')} - ${sql.ref('n.rb')} end as ${sql.id('g')} from (select ${hash('f')}, ${sql.ref('f.b')}, row_number() over (order by ${keys('f')}) as ${sql.id('rn')}, row_number() over (partition by ${sql.ref('f.b')} order by ${keys('f')}) as ${sql.id('rb')} from (${flagged}) as ${sql.id('f')}) as ${sql.id('n')}`;
  const sums = sql`select ${sql.ref('w.g')}, sum(${groupBits(hash('w'), erp.dialect)}) as ${sql.id('d')} from (${numbered}) as ${sql.id('w')} group by ${sql.ref('w.g')}`;
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
  window: SyncWindow,
): Promise<string[]> {
  const { rows } = await readErpGroupDigestsQuery(erp, entity, after, upTo, limit, window).execute(erp.db);
  const hex = rows.map((row) => (row.d ? Buffer.from(row.d).toString('hex') : '')).join('');
  return hex.match(/.{12}/g) ?? [];
}

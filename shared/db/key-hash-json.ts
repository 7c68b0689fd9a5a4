import { sql, type Expression } from 'kysely';
import type { KeyHash } from '../sync/batch-diff';
import { keyOf, type SyncEntity, type SyncRow } from '../sync/sync-entities';

/**
 * Postgres only: the (key, row_hash) rows of `query` as one JSON text, in key order. PGlite's cost
 * is per row and field on the wire, so one value is several times cheaper than thousands of rows.
 * Non-integer keys travel as text, the shape the driver returns them in.
 */
export function keyHashJsonQuery(entity: SyncEntity, query: Expression<unknown>) {
  const fields = entity.key.map((column) => {
    const kind = entity.source.columns.find((c) => c.name === column)?.type.kind;
    return kind === 'int' || kind === 'bigint' ? sql.ref(`s.${column}`) : sql`${sql.ref(`s.${column}`)}::text`;
  });
  const order = sql.join(entity.key.map((column) => sql.ref(`s.${column}`)));
  const pairs = sql`json_agg(json_build_array(${sql.join([...fields, sql.ref('s.row_hash')])}) order by ${order})`;
  return sql<{ pairs: string }>`select coalesce(${pairs}, '[]')::text as ${sql.id('pairs')} from ${query} as ${sql.id('s')}`;
}

export function parseKeyHashJson(entity: SyncEntity, text: string): KeyHash[] {
  const pairs = JSON.parse(text) as (string | number)[][];
  return pairs.map((values) => ({
    key: keyOf(entity, Object.fromEntries(entity.key.map((column, i) => [column, values[i] ?? null])) as SyncRow),
    hash: String(values[entity.key.length]),
  }));
}

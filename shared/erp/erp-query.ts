import { sql } from 'kysely';
import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { HashedRow, KeyHash } from '../sync/batch-diff';
import { keyOf, type KeyValues, type SyncEntity, type SyncRow } from '../sync/sync-entities';
import type { SyncWindow } from '../sync/sync-ports';
import { windowPredicate } from './erp-window';
import { keyAfter } from '../db/keyset';
import { rowHashSql } from './row-hash-sql';

type Erp = PortalDatabase<ErpDatabase>;

export const hashColumn = 'row_hash';

/**
 * `select <columns of alias t>, <row hash> as row_hash from <table> as t where <window> and <key
 * after>`; a null `after` is open. The ERP's tables are addressed by name from the entity, so
 * queries are built over raw table refs.
 */
export function selectHashed(erp: Erp, entity: SyncEntity, columns: readonly string[], window: SyncWindow, after: KeyValues | null) {
  const query = erp.db
    .selectFrom(sql.table(entity.table).as('t'))
    .select([...columns.map((column) => sql.ref(`t.${column}`).as(column)), rowHashSql(entity, erp.dialect).as(hashColumn)]);
  const inWindow = windowPredicate(entity, window, after);
  const windowed = inWindow ? query.where(inWindow) : query;
  return after ? windowed.where(keyAfter('t', entity.key, after)) : windowed;
}

/** Splits a selected row into the source columns and the hash the ERP computed. */
export function toHashedRow(entity: SyncEntity, raw: Readonly<Record<string, unknown>>): HashedRow {
  const row: SyncRow = Object.fromEntries(entity.columns.map((column) => [column, (raw[column] ?? null) as SyncRow[string]]));
  return { row, hash: String(raw[hashColumn]) };
}

export const toKeyHash = (entity: SyncEntity, raw: Readonly<Record<string, unknown>>): KeyHash => ({
  key: keyOf(entity, raw as SyncRow),
  hash: String(raw[hashColumn]),
});

/** First `limit` rows: `top(n)` for T-SQL (it has no `limit`), standard `fetch next n rows` for Postgres. */
export function firstRows<Q extends { top(n: number): Q; offset(n: number): Q; fetch(n: number): Q }>(query: Q, dialect: PortalDatabase<unknown>['dialect'], limit: number): Q {
  return dialect === 'mssql' ? query.top(limit) : query.offset(0).fetch(limit);
}

/** `order by` the key columns, one call each (Kysely's array form is deprecated). */
export function orderByKey<Q extends { orderBy(expression: ReturnType<typeof sql.ref>): Q }>(query: Q, alias: string, key: readonly string[]): Q {
  return key.reduce((q, column) => q.orderBy(sql.ref(`${alias}.${column}`)), query);
}

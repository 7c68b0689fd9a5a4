import { sql, type Kysely } from 'kysely';
import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { SyncEntity } from '../sync/sync-entities';

/** The ERP's tables are addressed by name from the entity, so queries are built over raw table refs. */
export type ErpKysely = Kysely<ErpDatabase>;

/** `select <entity columns of alias t> from <table> as t`. */
export function selectEntity(db: ErpKysely, entity: SyncEntity) {
  return db
    .selectFrom(sql.table(entity.table).as('t'))
    .select(entity.columns.map((column) => sql.ref(`t.${column}`).as(column)));
}

/** First `limit` rows: `top(n)` for T-SQL (it has no `limit`), `limit n` for Postgres. */
export function firstRows<Q extends { top(n: number): Q; limit(n: number): Q }>(query: Q, dialect: PortalDatabase<unknown>['dialect'], limit: number): Q {
  return dialect === 'mssql' ? query.top(limit) : query.limit(limit);
}


/** `order by` the key columns, one call each (Kysely's array form is deprecated). */
export function orderByKey<Q extends { orderBy(expression: ReturnType<typeof sql.ref>): Q }>(query: Q, alias: string, key: readonly string[]): Q {
  return key.reduce((q, column) => q.orderBy(sql.ref(`${alias}.${column}`)), query);
}

import { sql, type Kysely } from 'kysely';
import { renderColumnType, type SqlDialectName, type TableSpec } from './column-types';

/**
 * Who sees the table: `permanent` tables get a primary key named `pk_<table>`; `session` scratch tables
 * (`#name` on SQL Server) get an unnamed one, because SQL Server keeps the constraint names of temp tables in
 * tempdb's catalog, shared by all sessions: two syncs creating `#stage_x` with a named key collide (Msg 2714).
 */
export type TableScope = 'permanent' | 'session';

/** `create table` for a spec, typed for the dialect. */
export function createTableFromSpec<DB>(db: Kysely<DB>, spec: TableSpec, dialect: SqlDialectName, scope: TableScope = 'permanent') {
  let builder = db.schema.createTable(spec.name);
  for (const column of spec.columns) {
    builder = builder.addColumn(column.name, sql.raw(renderColumnType(column.type, dialect)), (c) =>
      column.nullable ? c : c.notNull(),
    );
  }
  // Kysely compiles an empty constraint name to a bare `primary key (…)`; the T-SQL snapshots pin that.
  const name = scope === 'permanent' ? `pk_${spec.name}` : '';
  return builder.addPrimaryKeyConstraint(name, [...spec.primaryKey] as never);
}

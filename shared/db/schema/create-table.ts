import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { renderColumnType, type ColumnSpec, type SqlDialectName, type TableSpec } from './column-types';

/** Adds the columns to a `create table`, typed for the dialect. */
export function addColumns<T extends string>(builder: CreateTableBuilder<T>, columns: readonly ColumnSpec[], dialect: SqlDialectName) {
  return columns.reduce(
    (table, column) => table.addColumn(column.name, sql.raw(renderColumnType(column.type, dialect)), (c) => (column.nullable ? c : c.notNull())),
    builder,
  );
}

/** `create table` for a spec, typed for the dialect, with a primary key named `pk_<table>`. */
export function createTableFromSpec<DB>(db: Kysely<DB>, spec: TableSpec, dialect: SqlDialectName) {
  const builder = addColumns(db.schema.createTable(spec.name), spec.columns, dialect);
  return builder.addPrimaryKeyConstraint(`pk_${spec.name}`, [...spec.primaryKey] as never);
}

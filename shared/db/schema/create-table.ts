import { sql, type Kysely } from 'kysely';
import { renderColumnType, type SqlDialectName, type TableSpec } from './column-types';

/** `create table` for a spec, typed for the dialect, with the primary key named `pk_<table>`. */
export function createTableFromSpec<DB>(db: Kysely<DB>, spec: TableSpec, dialect: SqlDialectName) {
  let builder = db.schema.createTable(spec.name);
  for (const column of spec.columns) {
    builder = builder.addColumn(column.name, sql.raw(renderColumnType(column.type, dialect)), (c) =>
      column.nullable ? c : c.notNull(),
    );
  }
  return builder.addPrimaryKeyConstraint(`pk_${spec.name}`, [...spec.primaryKey] as never);
}

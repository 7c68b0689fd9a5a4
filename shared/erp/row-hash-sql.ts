import { sql, type RawBuilder } from 'kysely';
import type { ColumnType, SqlDialectName } from '../db/schema/column-types';
import type { SyncEntity } from '../sync/sync-entities';

/** The column as T-SQL text: datetimes in a fixed ODBC format, the rest by their default conversion. */
function tsqlText(type: ColumnType, ref: RawBuilder<unknown>): RawBuilder<string> {
  switch (type.kind) {
    case 'char':
    case 'varchar':
      return sql`${ref}`;
    case 'datetime':
      return sql`CONVERT(varchar(23), ${ref}, 121)`;
    default:
      return sql`CONVERT(varchar(50), ${ref})`;
  }
}

/**
 * 16 hex chars (64 bits) of MD5 over the source columns of alias `t`, computed by the ERP so a
 * scan can compare (key, hash) without transferring rows. The text must tell NULL from '' and must
 * not collide across column boundaries: T-SQL spells each column `<length>:<text>` or `-` for NULL;
 * Postgres uses the row constructor's text, which quotes '' and separators and leaves NULL empty
 * (and is cheaper to build). The text differs per engine, so the hash is only stable for one ERP
 * engine: the mirror stores what the source computed, and changing this expression rewrites every
 * row once.
 */
export function rowHashSql(entity: SyncEntity, dialect: SqlDialectName): RawBuilder<string> {
  const ref = (column: string): RawBuilder<unknown> => sql.ref(`t.${column}`);
  if (dialect === 'pglite') return sql<string>`left(md5(row(${sql.join(entity.columns.map(ref))})::text), 16)`;
  const items = entity.source.columns.map((column) => {
    const text = tsqlText(column.type, ref(column.name));
    return sql`COALESCE(CONVERT(varchar(12), DATALENGTH(${text})) + ':' + ${text}, '-')`;
  });
  return sql<string>`LOWER(CONVERT(varchar(16), SUBSTRING(HASHBYTES('MD5', ${sql.join(items, sql` + `)}), 1, 8), 2))`;
}

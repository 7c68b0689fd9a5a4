import { sql } from 'kysely';
import type { TableSpec } from '../../db/schema/column-types';
import type { MirrorDb } from './stage-tables';

/**
 * `delete from <table> where exists (staged key)`, matching on `keyColumns`. With a header key on
 * ord_detl it removes the lines of deleted orders; with the full key, the rows themselves.
 */
export function deleteStagedKeysQuery(db: MirrorDb, table: string, gone: TableSpec, keyColumns: readonly string[]) {
  const match = sql.join(
    keyColumns.map((column) => sql`${sql.ref(`g.${column}`)} = ${sql.ref(`${table}.${column}`)}`),
    sql` and `,
  );
  return sql`delete from ${sql.table(table)} where exists (select 1 from ${sql.table(gone.name)} as ${sql.id('g')} where ${match})`.compile(db);
}

export async function deleteStagedKeys(db: MirrorDb, table: string, gone: TableSpec, keyColumns: readonly string[]): Promise<number> {
  const result = await db.executeQuery(deleteStagedKeysQuery(db, table, gone, keyColumns));
  return Number(result.numAffectedRows ?? 0n);
}

import { sql, type SqlBool } from 'kysely';
import type { SyncEntity } from '../../sync/sync-entities';
import type { MirrorDb } from './stage-tables';

type ParentValue = string | number;

/** The parent keys among `values` that the mirror's parent table holds (pruneOrphans' rule, asked before the write). */
export function readPresentParentsQuery(db: MirrorDb, entity: SyncEntity, values: readonly ParentValue[]) {
  const parent = entity.parent;
  if (!parent) throw new Error(`${entity.table}: no parent to look up`);
  const column = sql.ref(`p.${parent.column}`);
  return db
    .selectFrom(sql.table(parent.table).as('p'))
    .select(column.as('v'))
    .where(sql<SqlBool>`${column} in (${sql.join(values)})`);
}

/** Values per statement: one parameter each stays far below SQL Server's 2,100. */
const valuesPerRead = 1000;

export async function readPresentParents(db: MirrorDb, entity: SyncEntity, values: readonly ParentValue[]): Promise<ParentValue[]> {
  const present: ParentValue[] = [];
  for (let i = 0; i < values.length; i += valuesPerRead) {
    const rows = await readPresentParentsQuery(db, entity, values.slice(i, i + valuesPerRead)).execute();
    // CHAR keys come back padded; trailing blanks are not significant (keyOf).
    present.push(...rows.map((row) => (typeof row.v === 'string' ? row.v.trimEnd() : (row.v as ParentValue))));
  }
  return present;
}

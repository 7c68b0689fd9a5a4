import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { KeyValues } from '../sync/sync-entities';

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/**
 * Row-value comparison `(k1, k2, …) > (v1, v2, …)` spelled out as or/and, which T-SQL lacks
 * natively; each branch is an index-seekable prefix of the primary key.
 */
function compareKey(alias: string, columns: readonly string[], values: KeyValues, last: '>' | '<=' | '<'): RawBuilder<SqlBool> {
  const strict = last === '>' ? sql.raw('>') : sql.raw('<');
  const branches = columns.map((column, i) => {
    const equal = columns.slice(0, i).map((prefix, j) => sql`${ref(alias, prefix)} = ${values[j]}`);
    const final = i === columns.length - 1 && last === '<=' ? sql`${ref(alias, column)} <= ${values[i]}` : sql`${ref(alias, column)} ${strict} ${values[i]}`;
    return sql`(${sql.join([...equal, final], sql` and `)})`;
  });
  const expanded = sql<SqlBool>`(${sql.join(branches, sql` or `)})`;
  if (columns.length === 1) return expanded;
  // A redundant bound on the leading column gives the planner a range to seek: neither engine
  // derives one from the or-expansion, and without it every batch rescans the table.
  const lead = sql`${ref(alias, columns[0] as string)} ${sql.raw(last === '>' ? '>=' : '<=')} ${values[0]}`;
  return sql<SqlBool>`(${lead} and ${expanded})`;
}

/** Keys strictly after `values`. */
export const keyAfter = (alias: string, columns: readonly string[], values: KeyValues) => compareKey(alias, columns, values, '>');

/** Keys up to and including `values`. */
export const keyAtMost = (alias: string, columns: readonly string[], values: KeyValues) => compareKey(alias, columns, values, '<=');

/** Keys strictly before `values`. */
export const keyBefore = (alias: string, columns: readonly string[], values: KeyValues) => compareKey(alias, columns, values, '<');

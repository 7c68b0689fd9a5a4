import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { KeyValues, SyncEntity } from '../sync/sync-entities';
import type { SyncWindow } from '../sync/sync-ports';

/**
 * Which ERP rows belong in the mirror (the entity's `window`), as a predicate on alias `t`. A
 * `parent-since` child is kept unless its parent is out of the window: a missing parent keeps it,
 * so orphans are read, then skipped and counted. Null without a window: every row. `after`, a
 * keyset lower bound on `t`, also bounds the parent lookup (the parent's key leads the child's):
 * without it Postgres merge-joins from the first parent on every batch.
 */
export function windowPredicate(entity: SyncEntity, window: SyncWindow, after: KeyValues | null = null): RawBuilder<SqlBool> | null {
  const start = window.orderWindowStart;
  const rule = entity.window;
  if (!rule) return null;
  if (rule.kind === 'since') return sql<SqlBool>`${sql.ref(`t.${rule.column}`)} >= ${start}`;
  const parent = entity.parent;
  if (!parent) throw new Error(`${entity.table}: a parent-since window needs a parent`);
  const key = (alias: string) => sql.ref(`${alias}.${parent.column}`);
  const date = sql.ref(`h.${rule.column}`);
  const from = after ? sql` and ${key('h')} >= ${after[0]}` : sql``;
  return sql<SqlBool>`not exists (select 1 from ${sql.table(parent.table)} as ${sql.id('h')} where ${key('h')} = ${key('t')} and (${date} < ${start} or ${date} is null)${from})`;
}

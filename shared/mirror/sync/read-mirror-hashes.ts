import { sql } from 'kysely';
import { keyHashJsonQuery, parseKeyHashJson } from '../../db/key-hash-json';
import { keyAfter, keyAtMost } from '../../db/keyset';
import type { SqlDialectName } from '../../db/schema/column-types';
import type { KeyHash } from '../../sync/batch-diff';
import { keyOf, type KeyValues, type SyncEntity, type SyncRow } from '../../sync/sync-entities';
import type { MirrorDb } from './stage-tables';

/** The entity's mirror rows as `t`, limited to keys in (after, upTo]; a null bound is open. */
export function mirrorKeyRange(db: MirrorDb, entity: SyncEntity, after: KeyValues | null, upTo: KeyValues | null) {
  let query = db.selectFrom(sql.table(entity.table).as('t'));
  if (after) query = query.where(keyAfter('t', entity.key, after));
  if (upTo) query = query.where(keyAtMost('t', entity.key, upTo));
  return query;
}

/** (key, row_hash) of the mirror rows in (after, upTo]; a null bound is open. */
export function readMirrorHashesQuery(db: MirrorDb, entity: SyncEntity, after: KeyValues | null, upTo: KeyValues | null) {
  return mirrorKeyRange(db, entity, after, upTo).select([
    ...entity.key.map((column) => sql.ref(`t.${column}`).as(column)),
    sql<string>`${sql.ref('t.row_hash')}`.as('row_hash'),
  ]);
}

export async function readMirrorHashes(
  db: MirrorDb,
  dialect: SqlDialectName,
  entity: SyncEntity,
  after: KeyValues | null,
  upTo: KeyValues | null,
): Promise<KeyHash[]> {
  const query = readMirrorHashesQuery(db, entity, after, upTo);
  if (dialect === 'pglite') {
    const { rows } = await keyHashJsonQuery(entity, query).execute(db);
    return parseKeyHashJson(entity, rows[0]?.pairs ?? '[]');
  }
  const rows = await query.execute();
  return rows.map((row) => ({ key: keyOf(entity, row as SyncRow), hash: String(row.row_hash) }));
}

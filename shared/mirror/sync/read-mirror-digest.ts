import { sql } from 'kysely';
import { keyAfter, keyAtMost } from '../../db/keyset';
import { spanBits } from '../../db/range-digest-sql';
import type { SqlDialectName } from '../../db/schema/column-types';
import type { RangeDigest } from '../../sync/range-digest';
import type { KeyValues, SyncEntity } from '../../sync/sync-entities';
import type { MirrorDb } from './stage-tables';

/** Row count and digest (range-digest.ts) of the mirror rows in (after, upTo]; a null bound is open. */
export function readMirrorDigestQuery(db: MirrorDb, dialect: SqlDialectName, entity: SyncEntity, after: KeyValues | null, upTo: KeyValues | null) {
  let query = db
    .selectFrom(sql.table(entity.table).as('t'))
    .select([sql<number>`count(*)`.as('n'), sql<string | null>`sum(${spanBits(sql.ref('t.row_hash'), dialect)})`.as('d')]);
  if (after) query = query.where(keyAfter('t', entity.key, after));
  if (upTo) query = query.where(keyAtMost('t', entity.key, upTo));
  return query;
}

export async function readMirrorDigest(
  db: MirrorDb,
  dialect: SqlDialectName,
  entity: SyncEntity,
  after: KeyValues | null,
  upTo: KeyValues | null,
): Promise<RangeDigest> {
  const row = await readMirrorDigestQuery(db, dialect, entity, after, upTo).executeTakeFirst();
  return { count: Number(row?.n ?? 0), digest: BigInt(String(row?.d ?? 0)).toString() };
}

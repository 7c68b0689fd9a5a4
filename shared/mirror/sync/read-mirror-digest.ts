import { sql } from 'kysely';
import { spanBits } from '../../db/range-digest-sql';
import type { SqlDialectName } from '../../db/schema/column-types';
import type { RangeDigest } from '../../sync/range-digest';
import type { KeyValues, SyncEntity } from '../../sync/sync-entities';
import { mirrorKeyRange } from './read-mirror-hashes';
import type { MirrorDb } from './stage-tables';

/** Row count and digest (range-digest.ts) of the mirror rows in (after, upTo]; a null bound is open. */
export function readMirrorDigestQuery(db: MirrorDb, dialect: SqlDialectName, entity: SyncEntity, after: KeyValues | null, upTo: KeyValues | null) {
  return mirrorKeyRange(db, entity, after, upTo).select([
    sql<number>`count(*)`.as('n'),
    sql<string | null>`sum(${spanBits(sql.ref('t.row_hash'), dialect)})`.as('d'),
  ]);
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

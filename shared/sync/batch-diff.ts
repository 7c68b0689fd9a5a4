import { rowHash } from './row-hash';
import { keyOf, keyText, type KeyValues, type SyncEntity, type SyncRow } from './sync-entities';

export interface HashedRow {
  readonly row: SyncRow;
  readonly hash: string;
}

export interface MirrorHash {
  readonly key: KeyValues;
  readonly hash: string;
}

export interface BatchDiff {
  /** New or changed rows; the only ones written. */
  readonly upserts: readonly HashedRow[];
  /** Mirror keys in the batch's key range that the source no longer has. */
  readonly gone: readonly KeyValues[];
}

/**
 * Diffs one source batch against the mirror's (key, hash) pairs for the same contiguous key range.
 * Because the range is contiguous and the source batch is complete within it, a mirror key the
 * batch lacks is exactly a deleted (or out-of-window) row.
 */
export function diffBatch(entity: SyncEntity, rows: readonly SyncRow[], mirror: readonly MirrorHash[]): BatchDiff {
  const known = new Map(mirror.map((m) => [keyText(m.key), m.hash]));
  const upserts: HashedRow[] = [];
  for (const row of rows) {
    const key = keyText(keyOf(entity, row));
    const hash = rowHash(entity.columns, row);
    if (known.get(key) !== hash) upserts.push({ row, hash });
    known.delete(key);
  }
  const gone = mirror.filter((m) => known.has(keyText(m.key))).map((m) => m.key);
  return { upserts, gone };
}

/** Every row as an upsert: change-tracking batches carry only changed keys, and the sink's MERGE skips equal hashes. */
export function hashAll(entity: SyncEntity, rows: readonly SyncRow[]): HashedRow[] {
  return rows.map((row) => ({ row, hash: rowHash(entity.columns, row) }));
}

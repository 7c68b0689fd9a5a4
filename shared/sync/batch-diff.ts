import { keyOf, keyText, type KeyValues, type SyncEntity, type SyncRow } from './sync-entities';

/** A source row with the hash the source computed over its columns. */
export interface HashedRow {
  readonly row: SyncRow;
  readonly hash: string;
}

export interface KeyHash {
  readonly key: KeyValues;
  readonly hash: string;
}

export interface BatchDiff {
  /** New or changed rows; the only ones written. */
  readonly upserts: readonly HashedRow[];
  /** Mirror keys in the batch's key range that the source no longer has. */
  readonly gone: readonly KeyValues[];
}

export interface HashDiff {
  /** Source keys whose hash the mirror lacks or holds differently. */
  readonly changed: readonly KeyValues[];
  readonly gone: readonly KeyValues[];
  /** The keys among `changed` the mirror holds (under another hash), as keyText. */
  readonly held: ReadonlySet<string>;
}

/**
 * Diffs one source batch's (key, hash) pairs against the mirror's for the same contiguous key range.
 * Because the range is contiguous and the source batch is complete within it, a mirror key the
 * batch lacks is exactly a deleted (or out-of-window) row.
 */
export function diffHashes(source: readonly KeyHash[], mirror: readonly KeyHash[]): HashDiff {
  const known = new Map(mirror.map((m) => [keyText(m.key), m.hash]));
  const changed: KeyValues[] = [];
  const held = new Set<string>();
  for (const { key, hash } of source) {
    const text = keyText(key);
    const mirrored = known.get(text);
    if (mirrored !== hash) changed.push(key);
    if (mirrored !== undefined && mirrored !== hash) held.add(text);
    known.delete(text);
  }
  const gone = mirror.filter((m) => known.has(keyText(m.key))).map((m) => m.key);
  return { changed, gone, held };
}

/** The rows among `rows` whose key is in `keys`. */
export function rowsWithKeys(entity: SyncEntity, rows: readonly HashedRow[], keys: readonly KeyValues[]): HashedRow[] {
  const wanted = new Set(keys.map(keyText));
  return rows.filter((r) => wanted.has(keyText(keyOf(entity, r.row))));
}

/** diffHashes over full rows. */
export function diffBatch(entity: SyncEntity, rows: readonly HashedRow[], mirror: readonly KeyHash[]): BatchDiff {
  const { changed, gone } = diffHashes(
    rows.map((r) => ({ key: keyOf(entity, r.row), hash: r.hash })),
    mirror,
  );
  return { upserts: changed.length === rows.length ? rows : rowsWithKeys(entity, rows, changed), gone };
}

import { rowsWithKeys, type HashedRow } from './batch-diff';
import { keyOf, keyText, type KeyValues, type SyncEntity } from './sync-entities';
import type { MirrorSink } from './sync-ports';

export interface Accepted {
  /** Rows whose parent the mirror holds: the ones to write. */
  readonly upserts: readonly HashedRow[];
  /** Orphans the mirror holds an older version of: applyBatch would remove them, so they go as gone. */
  readonly gone: readonly KeyValues[];
  /** Orphans: refused by the parent FK, counted under the entity's skipReason. */
  readonly skipped: number;
}

type Retry = <T>(operation: () => Promise<T>) => Promise<T>;

/** Compared as text, CHAR padding dropped: a driver may return a key as a number on one side and text on the other. */
const asText = (value: unknown) => (typeof value === 'string' ? value.trimEnd() : typeof value === 'number' ? String(value) : null);

async function presentParents(entity: SyncEntity, values: readonly unknown[], sink: MirrorSink, retry: Retry): Promise<Set<string | null>> {
  const asked = [...new Set(values.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number'))];
  return new Set((asked.length > 0 ? await retry(() => sink.presentParents(entity, asked)) : []).map(asText));
}

/**
 * Reads the changed keys' rows (`read`, which may return more rows than asked) and keeps those
 * pruneOrphans would accept, asking the mirror first: the ERP's orphans come back as changed on
 * every scan (the mirror never holds them), and a batch of nothing else then skips its
 * transaction. Where the parent's key is part of the key (lines), orphans are not even read. The
 * parent table is not written during its children's pass and reads wait for the previous write
 * (ReadAhead), so the answer is the one applyBatch would get; applyBatch still prunes.
 */
export async function readAccepted(
  entity: SyncEntity,
  changed: readonly KeyValues[],
  held: ReadonlySet<string>,
  read: (keys: readonly KeyValues[]) => Promise<readonly HashedRow[]>,
  sink: MirrorSink,
  retry: Retry,
): Promise<Accepted> {
  const parent = entity.parent;
  const at = parent ? entity.key.indexOf(parent.column) : -1;
  if (parent && at >= 0) {
    const present = await presentParents(entity, changed.map((key) => key[at]), sink, retry);
    const wanted = changed.filter((key) => present.has(asText(key[at])));
    const orphans = changed.filter((key) => !present.has(asText(key[at])));
    const upserts = wanted.length > 0 ? rowsWithKeys(entity, await read(wanted), wanted) : [];
    return { upserts, gone: orphans.filter((key) => held.has(keyText(key))), skipped: orphans.length };
  }
  const rows = rowsWithKeys(entity, await read(changed), changed);
  if (!parent) return { upserts: rows, gone: [], skipped: 0 };
  const present = await presentParents(entity, rows.map((r) => asText(r.row[parent.column])), sink, retry);
  const accepts = (r: HashedRow) => asText(r.row[parent.column]) !== null && present.has(asText(r.row[parent.column]));
  const upserts = rows.filter(accepts);
  const orphans = rows.filter((r) => !accepts(r)).map((r) => keyOf(entity, r.row));
  return { upserts, gone: orphans.filter((key) => held.has(keyText(key))), skipped: orphans.length };
}

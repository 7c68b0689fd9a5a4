import type { HashedRow } from './batch-diff';
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

const parentValue = (value: unknown) => (typeof value === 'string' ? value.trimEnd() : value);
/** Compared as text: a driver may return an integer key as a number on one side and text on the other. */
const asText = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);

/**
 * Splits rows to upsert by pruneOrphans' rule (a NULL or unmirrored parent), asked of the mirror
 * before the write: the ERP's orphans come back as changed on every scan (the mirror never holds
 * them), and a batch of nothing else then skips its transaction. The parent table is not written
 * during its children's pass and reads wait for the previous write (ReadAhead), so the answer is
 * the one applyBatch would get.
 */
export async function withoutOrphans(
  entity: SyncEntity,
  rows: readonly HashedRow[],
  held: ReadonlySet<string>,
  sink: MirrorSink,
  retry: <T>(operation: () => Promise<T>) => Promise<T>,
): Promise<Accepted> {
  const parent = entity.parent;
  if (!parent || rows.length === 0) return { upserts: rows, gone: [], skipped: 0 };
  const values = [...new Set(rows.map((r) => parentValue(r.row[parent.column])).filter((v): v is string | number => typeof v === 'string' || typeof v === 'number'))];
  const present = new Set((values.length > 0 ? await retry(() => sink.presentParents(entity, values)) : []).map(asText));
  const upserts: HashedRow[] = [];
  const gone: KeyValues[] = [];
  for (const r of rows) {
    const value = asText(parentValue(r.row[parent.column]));
    if (value !== null && present.has(value)) upserts.push(r);
    else if (held.has(keyText(keyOf(entity, r.row)))) gone.push(keyOf(entity, r.row));
  }
  return { upserts, gone, skipped: rows.length - upserts.length };
}

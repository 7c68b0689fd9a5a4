import { diffHashes, type HashDiff } from './batch-diff';
import { differingRegions } from './range-digest';
import type { KeyValues, SyncEntity } from './sync-entities';
import type { MirrorSink, SyncSource, SyncWindow } from './sync-ports';

export interface DigestContext {
  readonly source: SyncSource;
  readonly sink: MirrorSink;
  readonly window: SyncWindow;
  readonly batchSize: number;
  readonly retry: <T>(operation: () => Promise<T>) => Promise<T>;
}

export interface SpanComparison {
  /** ERP rows the span covered. */
  readonly read: number;
  /** Last key of the span; null when it reached the end of the table. */
  readonly upTo: KeyValues | null;
  readonly diff: HashDiff;
}

/** Batches per span: a span with no change costs one small ERP row, however many batches it holds. */
const spanBatches = 8;

/**
 * Compares the next span of the scan by digests (range-digest.ts), from coarse to fine: the span's
 * digest; where it differs, one digest per group of about five rows; (key, hash) pairs only for
 * the key ranges between matching groups. A delete, an insert or a row changed and changed back (the mirror holds the
 * intermediate hash) all change the digests. Null when much of the span differs (an empty or
 * rewritten mirror): then reading (key, hash) pairs batch by batch is cheaper.
 */
export async function compareSpan(entity: SyncEntity, after: KeyValues | null, ctx: DigestContext): Promise<SpanComparison | null> {
  const limit = ctx.batchSize * spanBatches;
  const erp = await ctx.retry(() => ctx.source.readSpanDigest(entity, after, limit, ctx.window));
  const upTo = erp.count < limit ? null : erp.last;
  const mirror = await ctx.retry(() => ctx.sink.readDigest(entity, after, upTo));
  if (mirror.count === erp.count && mirror.digest === erp.digest) return { read: erp.count, upTo, diff: { changed: [], gone: [], held: new Set() } };
  if (Math.abs(mirror.count - erp.count) * 2 > erp.count) return null;
  const pairs = await ctx.retry(() => ctx.sink.readHashes(entity, after, upTo));
  const groups = await ctx.retry(() => ctx.source.readGroupDigests(entity, after, upTo, limit, ctx.window));
  const regions = differingRegions(groups, pairs, after);
  const mirrorRows = regions.reduce((rows, region) => rows + region.mirror.length, 0);
  const erpGroups = regions.reduce((n, region) => n + region.erpGroups, 0);
  if (Math.max(mirrorRows / Math.max(1, pairs.length), erpGroups / Math.max(1, groups.length)) * 2 > 1) return null;
  const source = await ctx.retry(() => ctx.source.readHashRanges(entity, after, upTo, regions.map((region) => region.range), ctx.window));
  return { read: erp.count, upTo, diff: diffHashes(source, regions.flatMap((region) => region.mirror)) };
}

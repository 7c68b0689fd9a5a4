import { diffBatch, diffHashes, type BatchDiff } from './batch-diff';
import type { Checkpoint, CheckpointWrite, PassState } from './checkpoint';
import { compareSpan } from './digest-scan';
import type { EntityTally } from './entity-tally';
import { ReadAhead } from './read-ahead';
import { readAccepted } from './read-orphans';
import type { RunBudget } from './run-budget';
import { keyOf, type KeyValues, type SyncEntity } from './sync-entities';
import type { BatchResult, MirrorSink, SyncSource, SyncWindow } from './sync-ports';

export interface PassContext {
  readonly source: SyncSource;
  readonly sink: MirrorSink;
  readonly window: SyncWindow;
  readonly batchSize: number;
  readonly budget: RunBudget;
  readonly retry: <T>(operation: () => Promise<T>) => Promise<T>;
  readonly now: () => Date;
  readonly onBatch: (tally: EntityTally) => void;
}

interface ReadStep {
  readonly read: number;
  readonly diff: BatchDiff;
  /** Last key of the batch; null when the batch reached the end of the table. */
  readonly upTo: KeyValues | null;
  /** Orphans dropped before the write (read-orphans.ts); applyBatch counts the ones it prunes itself. */
  readonly skipped?: number;
}

/** Changed rows up to this many are read by key; more, by one range query. */
const keyReadLimit = 200;

/** A short batch reached the end of the table: its range stays open so the tail's deletions are found too. */
const batchEnd = (keys: readonly KeyValues[], ctx: PassContext) => (keys.length < ctx.batchSize ? null : (keys.at(-1) ?? null));

/** Full rows and hashes in one read: cheapest when most rows are new or changed. */
async function fullScanStep(entity: SyncEntity, pass: PassState, ctx: PassContext): Promise<ReadStep> {
  const rows = await ctx.retry(() => ctx.source.readBatch(entity, pass.after, ctx.batchSize, ctx.window));
  const upTo = batchEnd(rows.map((r) => keyOf(entity, r.row)), ctx);
  const mirror = await ctx.retry(() => ctx.sink.readHashes(entity, pass.after, upTo));
  return { read: rows.length, diff: diffBatch(entity, rows, mirror), upTo };
}

/** (key, hash) first; full rows only for what differs: cheapest when some of a batch changed. */
async function pairScanStep(entity: SyncEntity, pass: PassState, ctx: PassContext): Promise<ReadStep> {
  const source = await ctx.retry(() => ctx.source.readHashes(entity, pass.after, ctx.batchSize, ctx.window));
  const upTo = batchEnd(source.map((s) => s.key), ctx);
  const mirror = await ctx.retry(() => ctx.sink.readHashes(entity, pass.after, upTo));
  const { changed, gone, held } = diffHashes(source, mirror);
  const last = source.at(-1)?.key;
  if (changed.length === 0 || !last) return { read: source.length, diff: { upserts: [], gone }, upTo };
  const read = (keys: readonly KeyValues[]) =>
    ctx.retry(() => (keys.length <= keyReadLimit ? ctx.source.readKeys(entity, keys, ctx.window) : ctx.source.readRange(entity, pass.after, last, ctx.window)));
  const accepted = await readAccepted(entity, changed, held, read, ctx.sink, ctx.retry);
  return { read: source.length, diff: { upserts: accepted.upserts, gone: [...gone, ...accepted.gone] }, upTo, skipped: accepted.skipped };
}

/**
 * Digests first (digest-scan.ts), then full rows only for what differs: cheapest when little or
 * nothing changed; falls back to pairs when much of the span differs.
 */
async function hashScanStep(entity: SyncEntity, pass: PassState, ctx: PassContext): Promise<ReadStep> {
  const span = await compareSpan(entity, pass.after, ctx);
  if (!span) return pairScanStep(entity, pass, ctx);
  const { changed, gone, held } = span.diff;
  if (changed.length === 0) return { read: span.read, diff: { upserts: [], gone }, upTo: span.upTo };
  const read = (keys: readonly KeyValues[]) => ctx.retry(() => ctx.source.readKeys(entity, keys, ctx.window));
  const accepted = await readAccepted(entity, changed, held, read, ctx.sink, ctx.retry);
  return { read: span.read, diff: { upserts: accepted.upserts, gone: [...gone, ...accepted.gone] }, upTo: span.upTo, skipped: accepted.skipped };
}

async function changesStep(entity: SyncEntity, pass: PassState, ctx: PassContext): Promise<ReadStep> {
  const since = pass.since ?? '0';
  const changes = await ctx.retry(() => ctx.source.readChanges(entity, since, pass.after, ctx.batchSize, ctx.window));
  const upserts = changes.flatMap((c) => (c.row ? [c.row] : []));
  const gone = changes.filter((c) => !c.row).map((c) => c.key);
  return { read: changes.length, diff: { upserts, gone }, upTo: batchEnd(changes.map((c) => c.key), ctx) };
}

/**
 * Scans start hash-first and switch to full reads after a batch whose rows were mostly new or
 * changed (an empty mirror, a rewritten table), and back once batches stop changing; each switch
 * costs at most one batch read twice.
 */
const wantsFullRows = (step: ReadStep) => step.diff.upserts.length * 2 > step.read;

const nothingWritten: BatchResult = { inserted: 0, updated: 0, deleted: 0, skipped: 0, cascaded: 0 };

/**
 * A batch with nothing to write skips its transaction and leaves the checkpoint behind for up to
 * this long: resuming a little earlier only re-reads unchanged rows, and a no-change rerun no
 * longer pays one mirror transaction per batch.
 */
const idleCheckpointMs = 5_000;
const isIdle = (step: ReadStep) => step.upTo !== null && step.diff.upserts.length === 0 && step.diff.gone.length === 0;

function nextCheckpoint(pass: PassState, upTo: KeyValues | null, previous: Checkpoint | null, now: Date): CheckpointWrite {
  if (upTo === null) return { pass: null, ctVersion: pass.target, lastCompleteAt: now };
  return {
    pass: { ...pass, after: upTo },
    ctVersion: previous?.ctVersion ?? null,
    lastCompleteAt: previous?.lastCompleteAt ?? null,
  };
}

/**
 * Runs one entity's pass batch by batch: read, diff, then one sink transaction with the rows and the
 * moved checkpoint. Batch k+1's read needs only batch k's last key and scan mode, so its ERP part
 * runs while batch k is written (over a link, the ERP's latency hides behind mirror work); its
 * mirror part waits for that write (ReadAhead). One read ahead at most: memory stays at two
 * batches, and each checkpoint is still committed with its own rows.
 * Returns false when the budget stopped it before the end of the table.
 */
export async function runEntityPass(
  entity: SyncEntity,
  start: PassState,
  previous: Checkpoint | null,
  tally: EntityTally,
  ctx: PassContext,
): Promise<{ complete: boolean; cascaded: number }> {
  let cascaded = 0;
  let savedAt = ctx.now().getTime();
  const readFrom = (pass: PassState, fullRows: boolean) => {
    const read = pass.mode === 'changes' ? changesStep : fullRows ? fullScanStep : hashScanStep;
    return new ReadAhead((sink) => read(entity, pass, { ...ctx, sink }), ctx.sink);
  };
  const write = async (pass: PassState, step: ReadStep): Promise<BatchResult> => {
    const syncDate = ctx.now();
    if (isIdle(step) && syncDate.getTime() - savedAt < idleCheckpointMs) return nothingWritten;
    const checkpoint = nextCheckpoint(pass, step.upTo, previous, syncDate);
    const result = await ctx.retry(() =>
      ctx.sink.applyBatch(entity, { upserts: step.diff.upserts, gone: step.diff.gone, syncDate, checkpoint }),
    );
    savedAt = syncDate.getTime();
    return result;
  };
  if (ctx.budget.exhausted()) return { complete: false, cascaded };
  let pass = start;
  let reading = readFrom(pass, false);
  for (;;) {
    const current = pass;
    // A batch's time is what it adds once pipelined: waiting for its read, then its write.
    const { step, result, next } = await ctx.budget.time(async () => {
      const step = await reading.take();
      // Started only while the budget allows one more batch; dropped if it runs out during this write.
      const next = step.upTo !== null && !ctx.budget.exhausted() ? readFrom({ ...current, after: step.upTo }, wantsFullRows(step)) : null;
      const result = await write(current, step).catch(async (error: unknown) => {
        await next?.drop();
        throw error;
      });
      return { step, result, next };
    });
    tally.add(step.read, { ...result, skipped: result.skipped + (step.skipped ?? 0) });
    cascaded += result.cascaded;
    ctx.onBatch(tally);
    if (step.upTo === null) return { complete: true, cascaded };
    if (!next || ctx.budget.exhausted()) {
      await next?.drop();
      return { complete: false, cascaded };
    }
    reading = next;
    pass = { ...current, after: step.upTo };
  }
}

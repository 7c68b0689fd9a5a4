import type { HashedRow, KeyHash } from './batch-diff';
import type { Checkpoint, CheckpointWrite } from './checkpoint';
import type { KeyRange, RangeDigest, SpanDigest } from './range-digest';
import type { EntityName, KeyValues, SyncEntity } from './sync-entities';
import type { SyncRequestRecord, SyncRunRecord, SyncRunSummary } from './sync-summary';

/** Rows that belong in the mirror: orders and lines from `orderWindowStart` on (by order_dt). */
export interface SyncWindow {
  readonly orderWindowStart: Date;
}

/** SQL Server Change Tracking facts for one ERP table; versions are bigints as decimal strings. */
export interface ChangeTrackingInfo {
  readonly currentVersion: string;
  readonly minValidVersion: string;
}

/** One changed key; `row` is null when the row is gone from the source or outside the window. */
export interface SourceChange {
  readonly key: KeyValues;
  readonly row: HashedRow | null;
}

/**
 * The ERP side (Airbyte "source"): keyset batches ordered by primary key. Row hashes are computed by
 * the source, so a scan can compare (key, hash) pairs without reading the rows.
 */
export interface SyncSource {
  /** Null when change tracking is not available for the table (PGlite, or not enabled). */
  changeTracking(entity: SyncEntity): Promise<ChangeTrackingInfo | null>;
  /** The next `limit` full rows after `after`. */
  readBatch(entity: SyncEntity, after: KeyValues | null, limit: number, window: SyncWindow): Promise<HashedRow[]>;
  /** The same batch as readBatch, as (key, hash) only. */
  readHashes(entity: SyncEntity, after: KeyValues | null, limit: number, window: SyncWindow): Promise<KeyHash[]>;
  /** Row count, digest and last key of the next `limit` rows after `after` (range-digest.ts). */
  readSpanDigest(entity: SyncEntity, after: KeyValues | null, limit: number, window: SyncWindow): Promise<SpanDigest>;
  /** The digest of each group (range-digest.ts) of the rows in (after, upTo], in key order, over at most `limit` rows. */
  readGroupDigests(entity: SyncEntity, after: KeyValues | null, upTo: KeyValues | null, limit: number, window: SyncWindow): Promise<string[]>;
  /** (key, hash) of the rows in (after, upTo] within any of `ranges`. */
  readHashRanges(
    entity: SyncEntity,
    after: KeyValues | null,
    upTo: KeyValues | null,
    ranges: readonly KeyRange[],
    window: SyncWindow,
  ): Promise<KeyHash[]>;
  /** Full rows with after < key ≤ upTo. */
  readRange(entity: SyncEntity, after: KeyValues | null, upTo: KeyValues, window: SyncWindow): Promise<HashedRow[]>;
  /** Full rows of a few keys (the source bounds the statement's size). */
  readKeys(entity: SyncEntity, keys: readonly KeyValues[], window: SyncWindow): Promise<HashedRow[]>;
  readChanges(
    entity: SyncEntity,
    since: string,
    after: KeyValues | null,
    limit: number,
    window: SyncWindow,
  ): Promise<SourceChange[]>;
  /** Rows a scan will read; for progress bars only. */
  estimate(entity: SyncEntity, window: SyncWindow): Promise<number>;
}

export interface BatchWrite {
  readonly upserts: readonly HashedRow[];
  readonly gone: readonly KeyValues[];
  readonly syncDate: Date;
  /** Committed in the same transaction as the rows (Airbyte CDK style: state follows the records). */
  readonly checkpoint: CheckpointWrite;
}

export interface BatchResult {
  readonly inserted: number;
  readonly updated: number;
  readonly deleted: number;
  /** Rows refused by the entity's parent FK (counted under its `skipReason`). */
  readonly skipped: number;
  /** Lines removed together with their deleted headers. */
  readonly cascaded: number;
}

/** The mirror side (Airbyte "destination"). */
export interface MirrorSink {
  /** Each entity's stored checkpoint; applyBatch writes them, in the batch's transaction. */
  loadCheckpoints(): Promise<ReadonlyMap<EntityName, Checkpoint>>;
  /** (key, hash) of mirror rows with after < key ≤ upTo; a null bound is open. */
  readHashes(entity: SyncEntity, after: KeyValues | null, upTo: KeyValues | null): Promise<KeyHash[]>;
  /** Row count and digest of the mirror rows with after < key ≤ upTo, computed as the source's readSpanDigest. */
  readDigest(entity: SyncEntity, after: KeyValues | null, upTo: KeyValues | null): Promise<RangeDigest>;
  /**
   * The values among `values` of the entity's parent key that the mirror holds: the rule applyBatch
   * prunes orphans by, asked before the write so a batch of nothing but orphans needs no transaction.
   */
  presentParents(entity: SyncEntity, values: readonly (string | number)[]): Promise<(string | number)[]>;
  applyBatch(entity: SyncEntity, batch: BatchWrite): Promise<BatchResult>;
  /**
   * Removes the rows of an entity with a window of its own (`since`) that left it, and their cascade
   * children; returns [rows, children] deleted.
   */
  purgeWindow(entity: SyncEntity, window: SyncWindow): Promise<readonly [number, number]>;
  /** After a pass changed rows: keeps the API's query plans right where the engine has no auto-statistics. */
  refreshStatistics(entity: SyncEntity): Promise<void>;
}

export interface SyncRunStore {
  /**
   * Marks every run still 'running' as failed with `error`; returns how many. Called under the sync
   * lock, so none of them is alive: their process died (killed, host recycled) before recording an end.
   */
  closeInterrupted(error: string): Promise<number>;
  /** Starts a run; a row with the same id (a queued request, a killed attempt of it) becomes this run. */
  start(record: SyncRunRecord): Promise<void>;
  /** Records a manual request as 'queued'. */
  enqueue(request: SyncRequestRecord): Promise<void>;
  /** The oldest request still queued. */
  queuedRequest(): Promise<string | null>;
  requestState(runId: string): Promise<SyncRunRecord['status'] | null>;
  /** Marks a queued or running request failed with `error`. */
  abandon(runId: string, error: string): Promise<void>;
  finish(summary: SyncRunSummary): Promise<void>;
  recent(limit: number): Promise<SyncRunRecord[]>;
  lastSuccessAt(): Promise<Date | null>;
}

export type LockResult<T> = { readonly acquired: true; readonly value: T } | { readonly acquired: false };

/** Single flight across processes and within one. */
export interface SyncLock {
  runExclusive<T>(work: () => Promise<T>): Promise<LockResult<T>>;
}

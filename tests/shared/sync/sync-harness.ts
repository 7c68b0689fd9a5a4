import { createSyncServiceFor } from '../../../shared/composition/sync-composition';
import { ErpSyncSource } from '../../../shared/erp/erp-sync-source';
import { MirrorCheckpointStore, MirrorSyncSink } from '../../../shared/mirror/sync/mirror-sync-sink';
import { MirrorSyncLock } from '../../../shared/mirror/sync/mirror-sync-lock';
import { MirrorSyncRunStore } from '../../../shared/mirror/sync/mirror-sync-run-store';
import type { MirrorSink, SyncLock, SyncSource } from '../../../shared/sync/sync-ports';
import { createSyncService, type SyncService } from '../../../shared/sync/sync-service';
import { noopSyncTelemetry } from '../../../shared/sync/sync-telemetry';
import { isTransientError } from '../../../shared/sync/transient-error';
import { now, orderDays, type Erp, type Mirror } from './sync-fixtures';

const started = Date.now();
/** The fixtures' fixed "now", advancing with real time so durations stay real. */
export const clock = () => new Date(now.getTime() + (Date.now() - started));

export const testSettings = {
  SYNC_ORDER_DAYS: orderDays,
  SYNC_BATCH_SIZE: 4,
  SYNC_TIME_BUDGET_SECONDS: 600,
  SYNC_CHANGE_TRACKING: 'auto' as const,
};

export const fastRetry = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2, isTransient: isTransientError };

export function service(erp: Erp, mirror: Mirror, batchSize = 4): SyncService {
  return createSyncServiceFor(erp, mirror, { ...testSettings, SYNC_BATCH_SIZE: batchSize }, { now: clock, engine: { retry: fastRetry } });
}

/** A service whose source, sink and lock can be wrapped, e.g. to crash at the k-th batch. */
export function wrappedService(
  erp: Erp,
  mirror: Mirror,
  wrap: { source?: (s: SyncSource) => SyncSource; sink?: (s: MirrorSink) => MirrorSink; lock?: (l: SyncLock) => SyncLock },
  batchSize = 4,
): SyncService {
  const source = new ErpSyncSource(async () => erp);
  const sink = new MirrorSyncSink(mirror);
  return createSyncService({
    ports: {
      source: wrap.source ? wrap.source(source) : source,
      sink: wrap.sink ? wrap.sink(sink) : sink,
      checkpoints: new MirrorCheckpointStore(mirror),
    },
    runs: new MirrorSyncRunStore(mirror),
    lock: wrap.lock ? wrap.lock(new MirrorSyncLock(mirror)) : new MirrorSyncLock(mirror),
    telemetry: noopSyncTelemetry,
    settings: { batchSize, orderDays, changeTracking: 'auto', timeBudgetMs: 600_000, retry: fastRetry },
    now: clock,
  });
}

/** The sink, failing `error()` on its k-th applyBatch call, before or after the real commit. */
export function crashingSink(k: number, when: 'before' | 'after', error: () => unknown = () => new Error('killed')) {
  let calls = 0;
  return (sink: MirrorSink): MirrorSink => ({
    readHashes: (...args) => sink.readHashes(...args),
    purgeWindow: (...args) => sink.purgeWindow(...args),
    refreshStatistics: (...args) => sink.refreshStatistics(...args),
    applyBatch: async (entity, batch) => {
      calls++;
      if (calls === k && when === 'before') throw error();
      const result = await sink.applyBatch(entity, batch);
      if (calls === k && when === 'after') throw error();
      return result;
    },
  });
}

import { loadSettings, type Environment } from '../../../shared/config';
import { createApp, type AppOverrides, type AppWrap, type PortalApp } from '../../../shared/composition/create-app';
import type { MirrorSink } from '../../../shared/sync/sync-ports';
import type { SyncService } from '../../../shared/sync/sync-service';
import { noopSyncTelemetry } from '../../../shared/sync/sync-telemetry';
import { isTransientError } from '../../../shared/sync/transient-error';
import { now, orderDays, type Erp, type Mirror } from './sync-fixtures';

const started = Date.now();
/** The fixtures' fixed "now", advancing with real time so durations stay real. */
export const clock = () => new Date(now.getTime() + (Date.now() - started));

export const fastRetry = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2, isTransient: isTransientError };

/** The production composition (createApp) over the fixture databases: the fixtures' clock, small batches, instant retries. */
export function syncApp(
  erp: Erp,
  mirror: Mirror,
  options: { batchSize?: number; wrap?: AppWrap; overrides?: AppOverrides; env?: Environment } = {},
): PortalApp {
  const settings = loadSettings({
    ...options.env,
    SYNC_ORDER_DAYS: String(orderDays),
    SYNC_BATCH_SIZE: String(options.batchSize ?? 4),
    SYNC_TIME_BUDGET_SECONDS: '600',
  });
  return createApp(settings, {
    erp,
    mirror,
    now: clock,
    engine: { retry: fastRetry },
    syncTelemetry: noopSyncTelemetry,
    ...(options.wrap ? { wrap: options.wrap } : {}),
    ...options.overrides,
  });
}

export const service = (erp: Erp, mirror: Mirror, batchSize = 4): SyncService => syncApp(erp, mirror, { batchSize }).sync;

/** A service whose source, sink and lock are wrapped through createApp's `wrap`, e.g. to crash at the k-th batch. */
export const wrappedService = (erp: Erp, mirror: Mirror, wrap: AppWrap, batchSize = 4): SyncService =>
  syncApp(erp, mirror, { batchSize, wrap }).sync;

/** The sink, failing `error()` on its k-th applyBatch call, before or after the real commit. */
export function crashingSink(k: number, when: 'before' | 'after', error: () => unknown = () => new Error('killed')) {
  let calls = 0;
  return (sink: MirrorSink): MirrorSink => ({
    loadCheckpoints: () => sink.loadCheckpoints(),
    readHashes: (...args) => sink.readHashes(...args),
    readDigest: (...args) => sink.readDigest(...args),
    presentParents: (...args) => sink.presentParents(...args),
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

import type { Settings } from '../config';
import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { MirrorDatabase } from '../db/schema/mirror-tables';
import { ErpSyncSource } from '../erp/erp-sync-source';
import { MirrorCheckpointStore, MirrorSyncSink } from '../mirror/sync/mirror-sync-sink';
import { MirrorSyncLock } from '../mirror/sync/mirror-sync-lock';
import { MirrorSyncRunStore } from '../mirror/sync/mirror-sync-run-store';
import type { SyncEngineSettings } from '../sync/sync-engine';
import { createSyncService, type SyncService } from '../sync/sync-service';
import { noopSyncTelemetry, type SyncTelemetry } from '../sync/sync-telemetry';
import { isTransientError } from '../sync/transient-error';
import { syncRunTelemetry } from '../telemetry/sync-run-telemetry';
import { portalRuntime, type PortalRuntime } from './portal-runtime';

export type SyncSettings = Pick<
  Settings,
  'SYNC_ORDER_DAYS' | 'SYNC_BATCH_SIZE' | 'SYNC_TIME_BUDGET_SECONDS' | 'SYNC_CHANGE_TRACKING'
>;

export interface SyncCompositionOptions {
  readonly telemetry?: SyncTelemetry;
  /** Overrides for tests: smaller batches, no backoff waits, a fixed clock. */
  readonly engine?: Partial<SyncEngineSettings>;
  readonly now?: () => Date;
  readonly redact?: (text: string) => string;
}

export function syncEngineSettings(settings: SyncSettings): SyncEngineSettings {
  return {
    batchSize: settings.SYNC_BATCH_SIZE,
    orderDays: settings.SYNC_ORDER_DAYS,
    changeTracking: settings.SYNC_CHANGE_TRACKING,
    timeBudgetMs: settings.SYNC_TIME_BUDGET_SECONDS * 1000,
    retry: { attempts: 5, baseDelayMs: 500, maxDelayMs: 15_000, isTransient: isTransientError },
  };
}

/** The sync over explicit databases: for tests, the dev host and anything that already holds them. */
export function createSyncServiceFor(
  erp: PortalDatabase<ErpDatabase> | (() => Promise<PortalDatabase<ErpDatabase>>),
  mirror: PortalDatabase<MirrorDatabase>,
  settings: SyncSettings,
  options: SyncCompositionOptions = {},
): SyncService {
  return createSyncService({
    ports: {
      source: new ErpSyncSource(typeof erp === 'function' ? erp : async () => erp),
      sink: new MirrorSyncSink(mirror), checkpoints: new MirrorCheckpointStore(mirror) },
    runs: new MirrorSyncRunStore(mirror),
    lock: new MirrorSyncLock(mirror),
    telemetry: options.telemetry ?? noopSyncTelemetry,
    settings: { ...syncEngineSettings(settings), ...options.engine },
    ...(options.now ? { now: options.now } : {}),
    ...(options.redact ? { redact: options.redact } : {}),
  });
}

let shared: SyncService | undefined;

/** Run events and metrics for Application Insights (a no-op without a connection string). */
export function runtimeSyncTelemetry(runtime: PortalRuntime, mirror: PortalDatabase<MirrorDatabase>): SyncTelemetry {
  const runs = new MirrorSyncRunStore(mirror);
  return syncRunTelemetry(runtime.telemetry, () => runs.lastSuccessAt());
}

/** The process's sync over `portalRuntime()`; databases open on first use. */
export function syncService(): SyncService {
  if (shared) return shared;
  const runtime = portalRuntime();
  const connected = async () => {
    const mirror = await runtime.mirror();
    return createSyncServiceFor(() => runtime.erp(), mirror, runtime.settings, {
      telemetry: runtimeSyncTelemetry(runtime, mirror),
      redact: (text) => runtime.redactor.text(text),
    });
  };
  let inner: Promise<SyncService> | undefined;
  const service = () => {
    inner ??= connected();
    inner.catch(() => (inner = undefined));
    return inner;
  };
  shared = {
    run: async (options) => (await service()).run(options),
    status: async () => (await service()).status(),
  };
  return shared;
}

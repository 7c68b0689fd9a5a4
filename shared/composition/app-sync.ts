import type { Settings } from '../config';
import type { PortalDatabase } from '../db/portal-database';
import type { ErpDatabase } from '../db/schema/erp-tables';
import type { MirrorDatabase } from '../db/schema/mirror-tables';
import { erpSyncSource } from '../erp/erp-sync-source';
import { mirrorSyncSink } from '../mirror/sync/mirror-sync-sink';
import { MirrorSyncLock } from '../mirror/sync/mirror-sync-lock';
import { MirrorSyncRunStore } from '../mirror/sync/mirror-sync-run-store';
import type { SyncEngineSettings } from '../sync/sync-engine';
import type { MirrorSink, SyncLock, SyncRunStore, SyncSource } from '../sync/sync-ports';
import { createSyncService, type SyncService } from '../sync/sync-service';
import type { SyncTelemetry } from '../sync/sync-telemetry';
import { isTransientError } from '../sync/transient-error';

export type SyncSettings = Pick<
  Settings,
  'SYNC_ORDER_DAYS' | 'SYNC_BATCH_SIZE' | 'SYNC_TIME_BUDGET_SECONDS' | 'SYNC_CHANGE_TRACKING'
>;

/** Replaces an adapter by a wrapper around it (tests: crash at the k-th batch, faults, a busy lock). */
export interface SyncWrap {
  readonly source?: (source: SyncSource) => SyncSource;
  readonly sink?: (sink: MirrorSink) => MirrorSink;
  readonly lock?: (lock: SyncLock) => SyncLock;
  readonly runs?: (runs: SyncRunStore) => SyncRunStore;
}

export interface AppSyncParts {
  readonly settings: SyncSettings;
  erp(): Promise<PortalDatabase<ErpDatabase>>;
  mirror(): Promise<PortalDatabase<MirrorDatabase>>;
  telemetry(mirror: PortalDatabase<MirrorDatabase>): SyncTelemetry;
  readonly redact: (text: string) => string;
  readonly wrap: SyncWrap;
  /** Smaller batches, no backoff waits (tests). */
  readonly engine?: Partial<SyncEngineSettings>;
  readonly now?: () => Date;
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

const wrapped = <T>(value: T, wrap: ((value: T) => T) | undefined) => (wrap ? wrap(value) : value);

/** The sync side of createApp, its only caller: adapters wired to the engine once the mirror is open. */
export function buildAppSync(parts: AppSyncParts): SyncService {
  const connected = async () => {
    const mirror = await parts.mirror();
    return createSyncService({
      ports: {
        source: wrapped<SyncSource>(erpSyncSource(() => parts.erp()), parts.wrap.source),
        sink: wrapped<MirrorSink>(mirrorSyncSink(mirror), parts.wrap.sink),
      },
      runs: wrapped<SyncRunStore>(new MirrorSyncRunStore(mirror), parts.wrap.runs),
      lock: wrapped<SyncLock>(new MirrorSyncLock(mirror), parts.wrap.lock),
      telemetry: parts.telemetry(mirror),
      settings: { ...syncEngineSettings(parts.settings), ...parts.engine },
      redact: parts.redact,
      ...(parts.now ? { now: parts.now } : {}),
    });
  };
  let inner: Promise<SyncService> | undefined;
  const service = () => {
    inner ??= connected();
    inner.catch(() => (inner = undefined));
    return inner;
  };
  return {
    run: async (options) => (await service()).run(options),
    status: async () => (await service()).status(),
  };
}

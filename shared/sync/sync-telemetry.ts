import type { SyncRunSummary, SyncTrigger } from './sync-summary';

/**
 * Where run results go besides `sync_run`. Adapters map these to the names in
 * shared/telemetry/telemetry-names.json (events ErpSyncRun and ErpSyncEntity).
 */
export interface SyncTelemetry {
  runFinished(summary: SyncRunSummary): void;
  runSkipped(trigger: SyncTrigger): void;
}

export const noopSyncTelemetry: SyncTelemetry = {
  runFinished: () => {},
  runSkipped: () => {},
};

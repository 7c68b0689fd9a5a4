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

type Log = (line: string) => void;

/** One JSON line per event, with the workbook's event names; for the CLI and local hosts. */
export function consoleSyncTelemetry(log: Log = console.log): SyncTelemetry {
  return {
    runFinished(summary) {
      log(
        JSON.stringify({
          event: 'ErpSyncRun',
          runId: summary.runId,
          status: summary.status,
          trigger: summary.trigger,
          error: summary.error,
          durationMs: summary.durationMs,
          rowsChanged: summary.rowsChanged,
          skippedOrphans: summary.skippedOrphans,
          rowsPerSecond: summary.rowsPerSecond,
        }),
      );
      for (const e of summary.entities) {
        const { entity, read, inserted, updated, deleted, skipped, durationMs, rowsPerSecond } = e;
        log(JSON.stringify({ event: 'ErpSyncEntity', runId: summary.runId, entity, read, inserted, updated, deleted, skipped, durationMs, rowsPerSecond }));
      }
    },
    runSkipped(trigger) {
      log(JSON.stringify({ event: 'ErpSyncRun', status: 'skipped', trigger }));
    },
  };
}

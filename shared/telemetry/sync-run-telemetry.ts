import type { SyncTelemetry } from '../sync/sync-telemetry';
import type { SyncRunSummary, SyncTrigger } from '../sync/sync-summary';
import { telemetryNames, type Telemetry } from './telemetry';

const { events, metrics, dimensions } = telemetryNames;

/**
 * Sync results as the workbook and alert read them: one ErpSyncRun event per run, one
 * ErpSyncEntity event per entity, and metrics for charts that need no KQL.
 */
export function syncRunTelemetry(telemetry: Telemetry, lastSuccessAt: () => Promise<Date | null>): SyncTelemetry {
  const lag = async (finishedAt: Date, succeeded: boolean) => {
    const last = succeeded ? finishedAt : await lastSuccessAt().catch(() => null);
    if (last) telemetry.metric(metrics.syncLagSeconds, Math.max(0, (Date.now() - last.getTime()) / 1000));
  };
  return {
    runFinished(summary: SyncRunSummary) {
      const run = { [dimensions.runId]: summary.runId, [dimensions.trigger]: summary.trigger };
      telemetry.event(
        events.syncRun,
        { ...run, [dimensions.status]: summary.status, [dimensions.error]: summary.error },
        {
          durationMs: summary.durationMs,
          rowsChanged: summary.rowsChanged,
          skippedOrphans: summary.skippedOrphans,
          rowsPerSecond: summary.rowsPerSecond,
        },
      );
      for (const entity of summary.entities) {
        telemetry.event(
          events.syncEntity,
          { ...run, [dimensions.entity]: entity.entity },
          {
            read: entity.read,
            inserted: entity.inserted,
            updated: entity.updated,
            deleted: entity.deleted,
            skipped: entity.skipped,
            durationMs: entity.durationMs,
            rowsPerSecond: entity.rowsPerSecond,
          },
        );
      }
      telemetry.metric(metrics.syncDurationMs, summary.durationMs, run);
      telemetry.metric(metrics.syncRowsPerSecond, summary.rowsPerSecond, run);
      telemetry.metric(metrics.syncRowsChanged, summary.rowsChanged, run);
      telemetry.metric(metrics.syncSkippedOrphans, summary.skippedOrphans, run);
      void lag(summary.finishedAt, summary.status === 'succeeded');
    },
    runSkipped(trigger: SyncTrigger) {
      telemetry.event(events.syncRun, { [dimensions.status]: 'skipped', [dimensions.trigger]: trigger });
    },
  };
}

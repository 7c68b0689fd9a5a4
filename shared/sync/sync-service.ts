import { randomUUID } from 'node:crypto';
import type { Checkpoint } from './checkpoint';
import { errorText } from './error-text';
import { withRetry } from './retry';
import { runSyncEngine, type SyncEngineSettings, type SyncPorts, type SyncProgress } from './sync-engine';
import type { SyncLock, SyncRunStore } from './sync-ports';
import { rowsPerSecond, type SyncRunRecord, type SyncRunSummary, type SyncTrigger } from './sync-summary';
import type { SyncTelemetry } from './sync-telemetry';

export interface SyncRunOptions {
  readonly trigger: SyncTrigger;
  /** The run's id: a queued request runs under its request id; by default a new one. */
  readonly runId?: string;
  /** Restart every entity with a full hash-diff scan (ignores checkpoints and change tracking). */
  readonly full?: boolean;
  readonly onProgress?: (progress: SyncProgress) => void;
  /** Aborting stops the run cleanly between batches (status `partial`). */
  readonly signal?: AbortSignal;
}

export type SyncOutcome = { readonly status: 'already-running' } | SyncRunSummary;

export interface SyncStatus {
  /** Finish time of the last `succeeded` run: the health check's "age of last sync". */
  readonly lastSuccessAt: Date | null;
  readonly runs: readonly SyncRunRecord[];
  readonly checkpoints: readonly Checkpoint[];
}

/** The sync as the HTTP API, dev host, CLI and timer use it. */
export interface SyncService {
  run(options: SyncRunOptions): Promise<SyncOutcome>;
  status(): Promise<SyncStatus>;
}

export interface SyncServiceDependencies {
  readonly ports: SyncPorts;
  readonly runs: SyncRunStore;
  readonly lock: SyncLock;
  readonly telemetry: SyncTelemetry;
  readonly settings: SyncEngineSettings;
  readonly now?: () => Date;
  /** Scrubs known secret values from error text before it is stored or reported. */
  readonly redact: (text: string) => string;
}

const recentRuns = 20;
/** What a run found 'running' under the lock must have been. */
export const interruptedRunError =
  'interrupted: the run ended without recording a result (process killed or host recycled); the next run resumed from its checkpoints';

export function createSyncService(deps: SyncServiceDependencies): SyncService {
  const now = deps.now ?? (() => new Date());
  const describeError = (error: unknown) => errorText(error, deps.redact);
  const retry = <T>(operation: () => Promise<T>) => withRetry(operation, deps.settings.retry);

  async function execute(options: SyncRunOptions, runId: string, startedAt: Date): Promise<SyncRunSummary> {
    await retry(() => deps.runs.closeInterrupted(interruptedRunError));
    await retry(() => deps.runs.start({ runId, trigger: options.trigger, status: 'running', startedAt, finishedAt: null, entities: [], error: null }));
    const result = await runSyncEngine(deps.ports, deps.settings, options, now);
    const finishedAt = now();
    const durationMs = finishedAt.getTime() - startedAt.getTime();
    const entities = result.entities;
    const read = entities.reduce((sum, e) => sum + e.read, 0);
    const summary: SyncRunSummary = {
      runId,
      trigger: options.trigger,
      status: result.status,
      startedAt,
      finishedAt,
      durationMs,
      entities,
      rowsChanged: entities.reduce((sum, e) => sum + e.inserted + e.updated + e.deleted, 0),
      skippedOrphans: entities.reduce((sum, e) => sum + e.skipped, 0),
      rowsPerSecond: rowsPerSecond(read, durationMs),
      ...(result.error === undefined ? {} : { error: describeError(result.error) }),
    };
    await retry(() => deps.runs.finish(summary));
    return summary;
  }

  return {
    async run(options) {
      const runId = options.runId ?? randomUUID();
      const startedAt = now();
      let summary: SyncRunSummary;
      try {
        // Taking the lock is the run's first round trip, the likeliest to meet a dropped pooled
        // connection: it is retried like any statement. Once the work has started, a failure is the
        // run's own (recorded, or reported below) and retrying would run it twice.
        let started = false;
        const locked = await withRetry(
          () =>
            deps.lock.runExclusive(() => {
              started = true;
              return execute(options, runId, startedAt);
            }),
          { ...deps.settings.retry, isTransient: (error) => !started && deps.settings.retry.isTransient(error) },
        );
        if (!locked.acquired) {
          deps.telemetry.runSkipped(options.trigger);
          return { status: 'already-running' };
        }
        summary = locked.value;
      } catch (error) {
        // The mirror itself failed (lock or sync_run unreachable): report, since it cannot be recorded.
        const finishedAt = now();
        const durationMs = finishedAt.getTime() - startedAt.getTime();
        summary = { runId, trigger: options.trigger, status: 'failed', startedAt, finishedAt, durationMs, entities: [], rowsChanged: 0, skippedOrphans: 0, rowsPerSecond: 0, error: describeError(error) };
      }
      deps.telemetry.runFinished(summary);
      return summary;
    },
    async status() {
      const [runs, lastSuccessAt, checkpoints] = await Promise.all([
        deps.runs.recent(recentRuns),
        deps.runs.lastSuccessAt(),
        deps.ports.sink.loadCheckpoints(),
      ]);
      return { runs, lastSuccessAt, checkpoints: [...checkpoints.values()] };
    },
  };
}

import type { EntityName, SkipReason } from './sync-entities';

export type SyncTrigger = 'timer' | 'manual' | 'api' | 'cli' | 'startup';
export type RunStatus = 'succeeded' | 'failed' | 'partial';

export interface EntitySummary {
  readonly entity: EntityName;
  readonly mode: 'scan' | 'changes';
  readonly read: number;
  readonly inserted: number;
  readonly updated: number;
  readonly deleted: number;
  readonly skipped: number;
  readonly skippedByReason: Partial<Record<SkipReason, number>>;
  readonly durationMs: number;
  readonly rowsPerSecond: number;
  /** The pass reached the end of the table in this run. */
  readonly complete: boolean;
}

export interface SyncRunSummary {
  readonly runId: string;
  readonly trigger: SyncTrigger;
  readonly status: RunStatus;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly durationMs: number;
  readonly entities: readonly EntitySummary[];
  /** Rows inserted, updated or deleted in the mirror. */
  readonly rowsChanged: number;
  readonly skippedOrphans: number;
  readonly rowsPerSecond: number;
  readonly error?: string;
}

/** A manual request as recorded before it runs. */
export interface SyncRequestRecord {
  readonly runId: string;
  readonly trigger: SyncTrigger;
  readonly requestedAt: Date;
}

/** A `sync_run` row as the status API shows it; a queued request's startedAt is when it was requested. */
export interface SyncRunRecord {
  readonly runId: string;
  readonly trigger: SyncTrigger;
  readonly status: RunStatus | 'running' | 'queued';
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly entities: readonly EntitySummary[];
  readonly error: string | null;
}

export const rowsPerSecond = (rows: number, durationMs: number): number =>
  durationMs > 0 ? Math.round((rows * 1000) / durationMs) : rows;

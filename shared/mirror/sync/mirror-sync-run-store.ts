import type { PortalDatabase } from '../../db/portal-database';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import type { SyncRunStore } from '../../sync/sync-ports';
import type { EntitySummary, SyncRequestRecord, SyncRunRecord, SyncRunSummary } from '../../sync/sync-summary';
import {
  abandonSyncRunQuery,
  closeInterruptedSyncRunsQuery,
  enqueueSyncRunQuery,
  finishSyncRunQuery,
  lastSuccessQuery,
  queuedRequestQuery,
  recentSyncRunsQuery,
  requestStateQuery,
  startSyncRunQuery,
} from './sync-run-queries';

const entitiesOf = (summary: string | null): EntitySummary[] =>
  summary ? ((JSON.parse(summary) as { entities?: EntitySummary[] }).entities ?? []) : [];

/** `sync_run`: one row per run, written at start ('running') and at the end. */
export class MirrorSyncRunStore implements SyncRunStore {
  constructor(private readonly mirror: PortalDatabase<MirrorDatabase>) {}

  async closeInterrupted(error: string): Promise<number> {
    const result = await closeInterruptedSyncRunsQuery(this.mirror.db, error).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async start(record: SyncRunRecord): Promise<void> {
    await startSyncRunQuery(this.mirror.db, record).execute();
  }

  async enqueue(request: SyncRequestRecord): Promise<void> {
    await enqueueSyncRunQuery(this.mirror.db, request).execute();
  }

  async queuedRequest(): Promise<string | null> {
    return (await queuedRequestQuery(this.mirror.db, this.mirror.dialect).executeTakeFirst())?.run_id ?? null;
  }

  async requestState(runId: string): Promise<SyncRunRecord['status'] | null> {
    const row = await requestStateQuery(this.mirror.db, runId).executeTakeFirst();
    return (row?.status as SyncRunRecord['status'] | undefined) ?? null;
  }

  async abandon(runId: string, error: string): Promise<void> {
    await abandonSyncRunQuery(this.mirror.db, runId, error, new Date()).execute();
  }

  async finish(summary: SyncRunSummary): Promise<void> {
    await finishSyncRunQuery(this.mirror.db, summary).execute();
  }

  async recent(limit: number): Promise<SyncRunRecord[]> {
    const rows = await recentSyncRunsQuery(this.mirror.db, this.mirror.dialect, limit).execute();
    return rows.map((row) => ({
      runId: row.run_id,
      trigger: row.triggered_by as SyncRunRecord['trigger'],
      status: row.status as SyncRunRecord['status'],
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      entities: entitiesOf(row.summary),
      error: row.error,
    }));
  }

  async lastSuccessAt(): Promise<Date | null> {
    const row = await lastSuccessQuery(this.mirror.db).executeTakeFirst();
    return row?.last_success ? new Date(row.last_success) : null;
  }
}

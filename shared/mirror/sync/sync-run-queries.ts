import { sql } from 'kysely';
import type { SqlDialectName } from '../../db/schema/column-types';
import type { SyncRequestRecord, SyncRunRecord, SyncRunSummary } from '../../sync/sync-summary';
import type { MirrorDb } from './stage-tables';

/**
 * Records a run's start. A MERGE rather than an insert: after a lost reply (the row was written,
 * the connection dropped) the retry finds the row instead of hitting a key violation. A matched row
 * is also a queued request starting, or a killed attempt of one being retried: it becomes this run.
 */
export function startSyncRunQuery(db: MirrorDb, record: SyncRunRecord) {
  return db
    .mergeInto('sync_run as t')
    .using(db.selectNoFrom(sql<string>`cast(${record.runId} as varchar(36))`.as('run_id')).as('s'), 't.run_id', 's.run_id')
    .whenMatched()
    .thenUpdateSet({ status: record.status, started_at: record.startedAt, finished_at: null, summary: null, error: null })
    .whenNotMatched()
    .thenInsertValues({
      run_id: sql.ref('s.run_id'),
      triggered_by: record.trigger,
      status: record.status,
      started_at: record.startedAt,
      finished_at: null,
      summary: null,
      error: null,
    });
}

export function finishSyncRunQuery(db: MirrorDb, summary: SyncRunSummary) {
  return db
    .updateTable('sync_run')
    .set({
      status: summary.status,
      finished_at: summary.finishedAt,
      summary: JSON.stringify({ entities: summary.entities, rowsChanged: summary.rowsChanged, skippedOrphans: summary.skippedOrphans }),
      error: summary.error ?? null,
    })
    .where('run_id', '=', summary.runId);
}

/** Runs a dead process left 'running' (see SyncRunStore.closeInterrupted); finished_at stays unknown. */
export function closeInterruptedSyncRunsQuery(db: MirrorDb, error: string) {
  return db.updateTable('sync_run').set({ status: 'failed', error }).where('status', '=', 'running');
}

export function recentSyncRunsQuery(db: MirrorDb, dialect: SqlDialectName, limit: number) {
  const query = db
    .selectFrom('sync_run')
    .select(['run_id', 'triggered_by', 'status', 'started_at', 'finished_at', 'summary', 'error'])
    .orderBy('started_at', 'desc');
  return dialect === 'mssql' ? query.top(limit) : query.offset(0).fetch(limit);
}

export function lastSuccessQuery(db: MirrorDb) {
  return db
    .selectFrom('sync_run')
    .select(sql<Date | null>`max(${sql.ref('finished_at')})`.as('last_success'))
    .where('status', '=', 'succeeded');
}

/** A manual request waiting on the queue: its row carries the request time as started_at until it runs. */
export function enqueueSyncRunQuery(db: MirrorDb, request: SyncRequestRecord) {
  return db.insertInto('sync_run').values({
    run_id: request.runId,
    triggered_by: request.trigger,
    status: 'queued',
    started_at: request.requestedAt,
    finished_at: null,
    summary: null,
    error: null,
  });
}

/** The oldest request still waiting, if any. */
export function queuedRequestQuery(db: MirrorDb, dialect: SqlDialectName) {
  const query = db.selectFrom('sync_run').select('run_id').where('status', '=', 'queued').orderBy('started_at');
  return dialect === 'mssql' ? query.top(1) : query.offset(0).fetch(1);
}

export function requestStateQuery(db: MirrorDb, runId: string) {
  return db.selectFrom('sync_run').select('status').where('run_id', '=', runId);
}

/** Ends a request that will not run (could not be queued, or gave up); a finished run is left alone. */
export function abandonSyncRunQuery(db: MirrorDb, runId: string, error: string, at: Date) {
  return db
    .updateTable('sync_run')
    .set({ status: 'failed', finished_at: at, error })
    .where('run_id', '=', runId)
    .where('status', 'in', ['queued', 'running']);
}

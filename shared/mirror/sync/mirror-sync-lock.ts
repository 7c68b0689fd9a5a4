import type { PortalDatabase } from '../../db/portal-database';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import type { LockResult, SyncLock } from '../../sync/sync-ports';
import { advisoryUnlockQuery, getAppLockQuery, tryAdvisoryLockQuery } from './app-lock-queries';

/** Mirrors with a run in progress in this process, keyed by their Kysely instance. */
const runningHere = new WeakSet<object>();

/**
 * Single flight across processes and inside one.
 *
 * SQL Server: `sp_getapplock` owned by a transaction that stays open for the whole run on its own
 * pooled connection; the batches use other connections, and the lock dies with the connection.
 *
 * PGlite: one process per data directory (open-database holds a pid lock) and one session, in
 * which advisory locks are re-entrant, so `pg_try_advisory_lock` alone would let a second run in
 * the same process through. The in-process guard decides; the advisory lock documents the run in
 * pg_locks and keeps the same contract as SQL Server. No transaction is held: PGlite's single
 * connection would block every other query of the run.
 */
export class MirrorSyncLock implements SyncLock {
  constructor(private readonly mirror: PortalDatabase<MirrorDatabase>) {}

  async runExclusive<T>(work: () => Promise<T>): Promise<LockResult<T>> {
    const { db, dialect } = this.mirror;
    // Finished work stands even if releasing the lock then fails: a broken session loses its applock
    // (SQL Server) or advisory lock (PGlite, re-entrant in its one session) anyway.
    if (dialect === 'mssql') {
      let done: LockResult<T> | undefined;
      try {
        return await db.transaction().execute(async (trx) => {
          const { rows } = await trx.executeQuery(getAppLockQuery(trx));
          if ((rows[0]?.result ?? -1) < 0) return { acquired: false };
          done = { acquired: true, value: await work() };
          return done;
        });
      } catch (error) {
        if (done) return done;
        throw error;
      }
    }
    if (runningHere.has(db)) return { acquired: false };
    runningHere.add(db);
    try {
      const { rows } = await db.executeQuery(tryAdvisoryLockQuery(db));
      if (rows[0]?.acquired !== true) return { acquired: false };
      try {
        return { acquired: true, value: await work() };
      } finally {
        await db.executeQuery(advisoryUnlockQuery(db)).catch(() => undefined);
      }
    } finally {
      runningHere.delete(db);
    }
  }
}

import { sql } from 'kysely';
import type { MirrorDb } from './stage-tables';

export const syncLockResource = 'erp-portal:erp-sync';
/** pg advisory lock key for the sync: a fixed 64-bit number ("erpsync" in ASCII). */
export const syncAdvisoryKey = 0x65727073796e63n;

/**
 * SQL Server application lock owned by the calling transaction: released by its commit or rollback,
 * and by the server if the connection dies. Timeout 0: a second caller gets -1 at once.
 */
export function getAppLockQuery(db: MirrorDb) {
  return sql<{ result: number }>`declare @result int;
exec @result = sp_getapplock @Resource = '${sql.raw(syncLockResource)}', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 0;
select @result as result;`.compile(db);
}

export function tryAdvisoryLockQuery(db: MirrorDb) {
  return sql<{ acquired: boolean }>`select pg_try_advisory_lock(${sql.lit(syncAdvisoryKey.toString())}) as acquired`.compile(db);
}

export function advisoryUnlockQuery(db: MirrorDb) {
  return sql`select pg_advisory_unlock(${sql.lit(syncAdvisoryKey.toString())})`.compile(db);
}

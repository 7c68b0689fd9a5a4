import { Kysely, MssqlAdapter, MssqlIntrospector, MssqlQueryCompiler, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MirrorDatabase } from '../../../../shared/db/schema/mirror-tables';
import { MirrorSyncLock } from '../../../../shared/mirror/sync/mirror-sync-lock';
import { OneFault } from '../../../reliability/helpers/fault-plans';
import { faultyPglite } from '../../../reliability/helpers/faulty-database';
import { socketReset } from '../../../reliability/helpers/sql-server-errors';

describe('MirrorSyncLock on PGlite (pg advisory lock)', () => {
  let mirror: Awaited<ReturnType<typeof faultyPglite<MirrorDatabase>>>;
  beforeAll(async () => {
    mirror = await faultyPglite<MirrorDatabase>(inject('pgliteTemplates').mirror);
  });
  afterAll(() => mirror.database.close());

  it('keeps the result of finished work when releasing the lock fails, and can be taken again', async () => {
    const fault = new OneFault((s) => s.sql.includes('pg_advisory_unlock'), 1, socketReset);
    mirror.gate.plan = fault;
    const lock = new MirrorSyncLock(mirror.database);
    expect(await lock.runExclusive(async () => 42)).toEqual({ acquired: true, value: 42 });
    mirror.gate.plan = null;
    expect(fault.seen).toBe(1);
    expect(await lock.runExclusive(async () => 'again')).toEqual({ acquired: true, value: 'again' });
  });

  it('still fails with the work\'s own error, and releases the lock', async () => {
    const lock = new MirrorSyncLock(mirror.database);
    await expect(lock.runExclusive(() => Promise.reject(new Error('work failed')))).rejects.toThrow('work failed');
    expect(await lock.runExclusive(async () => 1)).toEqual({ acquired: true, value: 1 });
  });
});

/** A SQL Server driver stand-in: sp_getapplock answers `applock`; the commit that releases it can fail. */
function mssqlMirror(applock: number, commit: () => Promise<void>) {
  const connection: DatabaseConnection = {
    executeQuery: async <R>() => ({ rows: [{ result: applock }] }) as QueryResult<R>,
    streamQuery: () => {
      throw new Error('not used');
    },
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async () => {},
    commitTransaction: commit,
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  const db = new Kysely<MirrorDatabase>({
    dialect: { createAdapter: () => new MssqlAdapter(), createDriver: () => driver, createIntrospector: (k) => new MssqlIntrospector(k), createQueryCompiler: () => new MssqlQueryCompiler() },
  });
  return new MirrorSyncLock({ dialect: 'mssql', db, close: () => db.destroy() });
}

describe('MirrorSyncLock on SQL Server (sp_getapplock in a transaction)', () => {
  it('keeps the result of finished work when the commit releasing the applock fails', async () => {
    const lock = mssqlMirror(0, () => Promise.reject(socketReset()));
    expect(await lock.runExclusive(async () => 'done')).toEqual({ acquired: true, value: 'done' });
  });

  it('reports a lock held elsewhere, and a failure before the work started', async () => {
    expect(await mssqlMirror(-1, async () => {}).runExclusive(async () => 'never')).toEqual({ acquired: false });
    await expect(mssqlMirror(0, () => Promise.reject(socketReset())).runExclusive(() => Promise.reject(new Error('work failed')))).rejects.toThrow('work failed');
  });
});

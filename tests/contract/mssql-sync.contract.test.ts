import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ordersList } from '../../functions/orders-list';
import { migrateMirror } from '../../shared/db/migrations/migrate-mirror';
import type { SyncOutcome } from '../../shared/sync/sync-service';
import type { SyncRunSummary } from '../../shared/sync/sync-summary';
import { createErpTables } from '../../shared/erp/create-erp-tables';
import { invoke, useTestApi, withKey } from '../functions/helpers/invoke';
import { service } from '../shared/sync/sync-harness';
import { expectMirrorEqualsErp, seedErp, type Erp, type Mirror } from '../shared/sync/sync-fixtures';
import { mssqlTestConnection, scratchDatabases } from './mssql-databases';

const contractKey = 'contract-key-0123456789abcdef0123456789';

const summary = (outcome: SyncOutcome): SyncRunSummary => {
  if (outcome.status === 'already-running') throw new Error('unexpected already-running');
  return outcome;
};

/**
 * The sync and the API against a real SQL Server: ERP and mirror in two scratch databases, the
 * same fixtures and assertions as the PGlite suite, plus Change Tracking, which only SQL Server has.
 */
describe.skipIf(!mssqlTestConnection)('SQL Server contract: sync and API', () => {
  let erp: Erp;
  let mirror: Mirror;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const scratch = await scratchDatabases(['erp', 'mirror']);
    erp = scratch.databases.erp as unknown as Erp;
    mirror = scratch.databases.mirror as unknown as Mirror;
    drop = scratch.drop;
    await createErpTables(erp.db, 'mssql');
    await seedErp(erp);
    await migrateMirror(mirror);
  });
  afterAll(async () => {
    await drop?.();
  });

  it('mirrors the ERP (stage by bulk copy, MERGE, checkpoints) and a rerun writes nothing', async () => {
    const first = summary(await service(erp, mirror).run({ trigger: 'manual' }));
    expect(first.error).toBeUndefined();
    expect(first.status).toBe('succeeded');
    await expectMirrorEqualsErp(mirror, erp);
    const second = summary(await service(erp, mirror).run({ trigger: 'manual' }));
    expect(second.rowsChanged).toBe(0);
  });

  it('holds the application lock: a second concurrent run is refused', async () => {
    const outcomes = await Promise.all([service(erp, mirror).run({ trigger: 'manual' }), service(erp, mirror).run({ trigger: 'manual' })]);
    expect(outcomes.filter((o) => o.status === 'already-running')).toHaveLength(1);
  });

  it('reads Change Tracking changes once enabled, and applies an update', async () => {
    const database = (await sql<{ name: string }>`select db_name() as name`.execute(erp.db)).rows[0]!.name;
    await sql.raw(`alter database [${database}] set change_tracking = on (change_retention = 2 days, auto_cleanup = on)`).execute(erp.db);
    for (const table of ['customer', 'ord_hedr', 'ord_detl']) await sql.raw(`alter table ${table} enable change_tracking`).execute(erp.db);
    // The first run after enabling has no stored version: a full scan that records one.
    expect(summary(await service(erp, mirror).run({ trigger: 'manual' })).status).toBe('succeeded');
    await erp.db.updateTable('customer').set({ cust_name: 'Renamed by CT' }).where('cust_no', '=', 'C0001').execute();
    const tracked = summary(await service(erp, mirror).run({ trigger: 'manual' }));
    const customers = tracked.entities.find((e) => e.entity === 'customers');
    expect(customers).toMatchObject({ mode: 'changes', updated: 1 });
    await expectMirrorEqualsErp(mirror, erp);
  });

  it('serves the orders list from the SQL Server mirror', async () => {
    useTestApi(mirror, { env: { PORTAL_API_KEYS: contractKey } });
    const answer = await invoke(ordersList, 'v1/orders?customer=C0001&pageSize=2', { headers: withKey(contractKey) });
    expect(answer.status).toBe(200);
    expect(answer.json.data.pagination).toMatchObject({ page: 1, pageSize: 2 });
    expect(answer.json.data.orders.length).toBeGreaterThan(0);
  });
});

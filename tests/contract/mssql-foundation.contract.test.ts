import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoad } from '../../shared/db/bulk-load';
import { migrateMirror } from '../../shared/db/migrations/migrate-mirror';
import type { PortalDatabase } from '../../shared/db/portal-database';
import { mirrorOrderHeaderTable, mirrorOrderLineTable, type MirrorDatabase } from '../../shared/db/schema/mirror-tables';
import { mssqlTestConnection, scratchDatabases } from './mssql-databases';

describe.skipIf(!mssqlTestConnection)('SQL Server contract: query layer and migrations', () => {
  let mirror: PortalDatabase<MirrorDatabase>;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const scratch = await scratchDatabases<MirrorDatabase>(['mirror']);
    mirror = scratch.databases.mirror!;
    drop = scratch.drop;
  });
  afterAll(() => drop?.());

  it('applies the mirror migrations once and then nothing', async () => {
    expect(await migrateMirror(mirror)).toEqual(['0001-mirror-tables', '0002-order-summary-view', '0003-catalog-variants', '0004-order-summary-line-amounts']);
    expect(await migrateMirror(mirror)).toEqual([]);
  });

  it('bulk-loads on the transaction connection and returns decimals, CHARs and dates like PGlite', async () => {
    const now = new Date('2026-01-02T03:04:05.678Z');
    await mirror.db.transaction().execute(async (trx) => {
      await bulkLoad(trx, mirrorOrderHeaderTable, [
        [1, 'O', now, 'C00001', 'PO "1", x', null, 'UPS', null, null, null, 'O', '10.00', '1.25', 'abcdabcdabcdabcd', now],
      ]);
      await bulkLoad(trx, mirrorOrderLineTable, [
        [1, '1', 'ITEM', 'Widget', 3, 1, '0.1000', 'O', 'abcdabcdabcdabcd', now],
        [1, '2', 'ITEM2', null, 2, 2, '0.2000', 'C', 'abcdabcdabcdabcd', now],
        // 3 × 0.3350 = 1.005: SQL Server's ROUND must give 1.01 (half away from zero), as the API does.
        [1, '3', 'ITEM3', null, 3, 0, '0.3350', 'O', 'abcdabcdabcdabcd', now],
        [1, '4', 'ITEM4', null, 2, 0, '5.0000', 'V', 'abcdabcdabcdabcd', now],
      ]);
    });
    const summary = await mirror.db.selectFrom('vw_order_summary').selectAll().execute();
    expect(summary).toEqual([{ order_no: 1, line_count: 4, subtotal: '1.71', shipped_value: '0.50', total: '12.96' }]);
    const header = await mirror.db.selectFrom('ord_hedr').selectAll().where('cust_no', '=', 'C00001').executeTakeFirstOrThrow();
    expect(header.cust_po).toBe('PO "1", x           ');
    expect(header.order_dt).toEqual(now);
    expect(header.freight).toBe('10.00');
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoad } from '../../../../shared/db/bulk-load';
import { migrateMirror } from '../../../../shared/db/migrations/migrate-mirror';
import type { PortalDatabase } from '../../../../shared/db/portal-database';
import { mirrorOrderHeaderTable, mirrorOrderLineTable, type MirrorDatabase } from '../../../../shared/db/schema/mirror-tables';
import { createTestMirror } from '../../../helpers/databases';

describe('mirror migrations on PGlite', () => {
  let mirror: PortalDatabase<MirrorDatabase>;
  beforeAll(async () => {
    mirror = await createTestMirror();
  });
  afterAll(() => mirror.close());

  it('is idempotent: a second run applies nothing', async () => {
    expect(await migrateMirror(mirror)).toEqual([]);
  });

  it('creates every table, the view and the API index', async () => {
    const tables = await mirror.db.introspection.getTables();
    const names = tables.map((t) => t.name).sort();
    expect(names).toEqual(
      expect.arrayContaining(['customer', 'customer_link', 'ord_detl', 'ord_hedr', 'sync_run', 'sync_state', 'vw_order_summary']),
    );
    const indexes = await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexname = 'ix_ord_hedr_cust_date'`.execute(
      mirror.db,
    );
    expect(indexes.rows[0]?.indexdef).toContain('(cust_no, order_dt DESC, order_no DESC)');
  });

  it('accepts customer_link rows with only the contract columns', async () => {
    await mirror.db.insertInto('customer_link').values({ bc_customer_id: 42, cust_no: 'C00042' }).execute();
    const link = await mirror.db.selectFrom('customer_link').selectAll().where('bc_customer_id', '=', 42).executeTakeFirstOrThrow();
    expect(link).toEqual({ bc_customer_id: 42, cust_no: 'C00042', updated_at: null });
  });

  it('bulk-loads inside a transaction and the view totals to the cent', async () => {
    const now = new Date('2026-01-02T03:04:05.678Z');
    await mirror.db.transaction().execute(async (trx) => {
      await bulkLoad(trx, mirrorOrderHeaderTable, [
        [1, 'O', now, 'C00001', 'PO "1", x', null, 'UPS', null, null, null, 'O', '10.00', '1.25', 'abcdabcdabcdabcd', now],
        [2, 'O', now, 'C00001', '', null, null, null, null, null, 'C', null, null, 'abcdabcdabcdabcd', now],
      ]);
      await bulkLoad(trx, mirrorOrderLineTable, [
        [1, '1', 'ITEM', 'Widget', 3, 1, '0.1000', 'O', 'abcdabcdabcdabcd', now],
        [1, '2', 'ITEM2', null, 2, 2, '0.2000', 'C', 'abcdabcdabcdabcd', now],
      ]);
    });
    const summary = await mirror.db.selectFrom('vw_order_summary').selectAll().orderBy('order_no').execute();
    expect(summary).toEqual([
      { order_no: 1, line_count: 2, subtotal: '0.70', shipped_value: '0.50', total: '11.95' },
      { order_no: 2, line_count: 0, subtotal: '0.00', shipped_value: '0.00', total: '0.00' },
    ]);
    const header = await mirror.db.selectFrom('ord_hedr').selectAll().where('order_no', '=', 1).executeTakeFirstOrThrow();
    expect(header.cust_po).toBe('PO "1", x           ');
    expect(header.order_dt).toEqual(now);
    const empty = await mirror.db.selectFrom('ord_hedr').select('cust_po').where('order_no', '=', 2).executeTakeFirstOrThrow();
    expect(empty.cust_po).toBe(' '.repeat(20));
  });

  it('rolls a bulk load back with its transaction', async () => {
    const now = new Date();
    await expect(
      mirror.db.transaction().execute(async (trx) => {
        await bulkLoad(trx, mirrorOrderHeaderTable, [
          [99, 'O', now, 'C00002', null, null, null, null, null, null, 'O', null, null, 'ffffffffffffffff', now],
        ]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const row = await mirror.db.selectFrom('ord_hedr').select('order_no').where('order_no', '=', 99).executeTakeFirst();
    expect(row).toBeUndefined();
  });
});

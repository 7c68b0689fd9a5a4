import { readFileSync } from 'node:fs';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { bulkLoad } from '../../../../shared/db/bulk-load';
import type { BulkRow } from '../../../../shared/db/bulk-table';
import { PGliteDialect } from '../../../../shared/db/pglite/pglite-dialect';
import { PGliteWorkerSession } from '../../../../shared/db/pglite/pglite-worker-session';
import { customerTable, type ErpDatabase } from '../../../../shared/db/schema/erp-tables';

/** The empty ERP of the run's templates, opened in a worker thread of its own. */
const startErpWorker = () => new PGliteWorkerSession({ loadDataDir: new Blob([new Uint8Array(readFileSync(inject('pgliteTemplates').erp))]) });

let session: PGliteWorkerSession;
let db: Kysely<ErpDatabase>;

beforeAll(async () => {
  session = startErpWorker();
  db = new Kysely<ErpDatabase>({ dialect: new PGliteDialect(session) });
});

afterAll(async () => {
  await db?.destroy();
});

const customer = (custNo: string, name: string | null): BulkRow => [custNo, name, null, null, null, null, null, true];
const names = async () => (await db.selectFrom('customer').select(['cust_no', 'cust_name']).orderBy('cust_no').execute()).map((r) => [r.cust_no.trim(), r.cust_name?.trim() ?? null]);

describe('PGlite in a worker thread, through Kysely', () => {
  it('runs queries with parameters and returns rows with their types, and affected-row counts', async () => {
    const inserted = await db
      .insertInto('customer')
      .values([
        { cust_no: 'W00001', cust_name: 'Alpha', active: true },
        { cust_no: 'W00002', cust_name: 'Beta', active: false },
      ])
      .executeTakeFirst();
    expect(inserted.numInsertedOrUpdatedRows).toBe(2n);
    const row = await db.selectFrom('customer').selectAll().where('cust_no', '=', 'W00002').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ cust_no: 'W00002', cust_name: expect.stringMatching(/^Beta +$/), active: false, cust_phone: null });
    const typed = await sql<{ at: Date; amount: string; big: number; bytes: Uint8Array }>`
      select ${new Date('2026-01-02T03:04:05.678Z')}::timestamptz as at, 12.5::numeric(12,4) as amount, 9007199254740::int8 as big, '\\x0102ff'::bytea as bytes`.execute(db);
    expect(typed.rows[0]?.at).toEqual(new Date('2026-01-02T03:04:05.678Z'));
    expect(typed.rows[0]?.amount).toBe('12.5000');
    expect(typed.rows[0]?.big).toBe(9007199254740);
    expect(Array.from(typed.rows[0]?.bytes ?? [])).toEqual([1, 2, 255]);
    const deleted = await db.deleteFrom('customer').where('cust_no', 'in', ['W00001', 'W00002']).executeTakeFirst();
    expect(deleted.numDeletedRows).toBe(2n);
  });

  it('commits a transaction, and rolls one back when its callback throws', async () => {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('customer').values({ cust_no: 'T00001', cust_name: 'Kept' }).execute();
    });
    const failed = db.transaction().execute(async (trx) => {
      await trx.insertInto('customer').values({ cust_no: 'T00002', cust_name: 'Dropped' }).execute();
      // Visible inside its own transaction before the rollback.
      expect(await trx.selectFrom('customer').select('cust_no').where('cust_no', '=', 'T00002').execute()).toHaveLength(1);
      throw new Error('abort this one');
    });
    await expect(failed).rejects.toThrow('abort this one');
    expect(await names()).toEqual([['T00001', 'Kept']]);
    await db.deleteFrom('customer').execute();
  });

  it('bulk-loads with COPY inside a transaction, values intact, and a rollback takes the rows back', async () => {
    // What COPY's CSV must carry safely: quotes, commas, line breaks, an empty string (not NULL), NULL, padding.
    const rows = [customer('B00001', 'Quote " comma, newline\nend'), customer('B00002', ''), customer('B00003', null), customer('B00004', ' padded ')];
    await db.transaction().execute((trx) => bulkLoad(trx, customerTable, rows));
    expect(await names()).toEqual([
      ['B00001', 'Quote " comma, newline\nend'],
      ['B00002', ''],
      ['B00003', null],
      ['B00004', 'padded'],
    ]);
    const rolledBack = db.transaction().execute(async (trx) => {
      await bulkLoad(trx, customerTable, [customer('B00005', 'Gone')]);
      throw new Error('roll back the load');
    });
    await expect(rolledBack).rejects.toThrow('roll back the load');
    expect((await names()).map(([custNo]) => custNo)).toEqual(['B00001', 'B00002', 'B00003', 'B00004']);
    await db.deleteFrom('customer').execute();
  });

  it('keeps the Postgres error code, message and fields, and the session stays usable', async () => {
    await db.insertInto('customer').values({ cust_no: 'E00001' }).execute();
    const duplicate = await db
      .insertInto('customer')
      .values({ cust_no: 'E00001' })
      .execute()
      .then(() => undefined, (error: unknown) => error as Error & Record<string, unknown>);
    expect(duplicate).toBeInstanceOf(Error);
    expect(duplicate).toMatchObject({ code: '23505', severity: 'ERROR', table: 'customer', constraint: 'pk_customer' });
    expect(duplicate?.message).toMatch(/duplicate key value violates unique constraint "pk_customer"/);
    await expect(sql`select * from no_such_table`.execute(db)).rejects.toMatchObject({ code: '42P01', message: 'relation "no_such_table" does not exist' });
    const aborted = db.transaction().execute(async (trx) => {
      await sql`select 1 / 0`.execute(trx);
    });
    await expect(aborted).rejects.toMatchObject({ code: '22012' });
    expect(await names()).toEqual([['E00001', null]]);
    await db.deleteFrom('customer').execute();
  });

  it('ends the worker thread when the database is destroyed; later queries fail instead of hanging', async () => {
    const own = startErpWorker();
    const ownDb = new Kysely<ErpDatabase>({ dialect: new PGliteDialect(own) });
    expect((await sql<{ one: number }>`select 1 as one`.execute(ownDb)).rows).toEqual([{ one: 1 }]);
    await ownDb.destroy();
    expect(await own.exited).toBeTypeOf('number');
    await expect(own.query('select 1', [])).rejects.toThrow(/worker thread exited/);
  });

  it('reports an engine that cannot start through ready, and ends its thread', async () => {
    const broken = new PGliteWorkerSession({ loadDataDir: new Blob([new Uint8Array([1, 2, 3])]) });
    await expect(broken.ready).rejects.toBeInstanceOf(Error);
    await broken.close();
    expect(await broken.exited).toBeTypeOf('number');
  });
});

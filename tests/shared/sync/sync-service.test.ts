import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SyncRunSummary } from '../../../shared/sync/sync-summary';
import { MirrorSyncRunStore } from '../../../shared/mirror/sync/mirror-sync-run-store';
import { interruptedRunError, type SyncOutcome } from '../../../shared/sync/sync-service';
import { createTestErp, createTestMirror } from '../../helpers/databases';
import type { MirrorSink, SyncLock } from '../../../shared/sync/sync-ports';
import { service, wrappedService } from './sync-harness';
import { customer, daysAgo, expectMirrorEqualsErp, header, line, now, resetMirror, seedErp, type Erp, type Mirror } from './sync-fixtures';

let erp: Erp;
let mirror: Mirror;

beforeAll(async () => {
  [erp, mirror] = await Promise.all([createTestErp(), createTestMirror()]);
  await seedErp(erp);
});
afterAll(async () => {
  await Promise.all([erp.close(), mirror.close()]);
});
beforeEach(() => resetMirror(mirror));

function summary(outcome: SyncOutcome): SyncRunSummary {
  if (outcome.status === 'already-running') throw new Error('unexpected already-running');
  return outcome;
}
const entity = (s: SyncRunSummary, name: string) => s.entities.find((e) => e.entity === name);

describe('sync on PGlite', () => {
  it('mirrors the ERP within the window, then a rerun writes nothing', async () => {
    const first = summary(await service(erp, mirror).run({ trigger: 'manual' }));
    expect(first.status).toBe('succeeded');
    await expectMirrorEqualsErp(mirror, erp);
    expect(entity(first, 'orders')?.skippedByReason).toEqual({ customer_missing: 2 });
    expect(entity(first, 'lines')?.skippedByReason).toEqual({ header_missing: 6 });
    expect(first.skippedOrphans).toBe(8);

    const second = summary(await service(erp, mirror).run({ trigger: 'manual' }));
    expect(second.status).toBe('succeeded');
    expect(second.rowsChanged).toBe(0);
    expect(second.skippedOrphans).toBe(8);
    await expectMirrorEqualsErp(mirror, erp);

    // PGlite has no autovacuum: a pass that changed rows refreshes the planner's statistics itself.
    const analyzed = await sql<{ relname: string; reltuples: number }>`
      select relname, reltuples from pg_class where relname in ('customer', 'ord_hedr', 'ord_detl') order by relname`.execute(mirror.db);
    expect(analyzed.rows.every((r) => r.reltuples > 0)).toBe(true);

    const status = await service(erp, mirror).status();
    expect(status.runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    expect(status.runs[0]?.entities.find((e) => e.entity === 'orders')?.skipped).toBe(2);
    expect(status.lastSuccessAt).toEqual(second.finishedAt);
    expect(status.checkpoints.every((c) => c.pass === null && c.lastCompleteAt !== null)).toBe(true);
  });

  it('drops orphans before the write, counting them, and removes a mirrored row that became one', async () => {
    await service(erp, mirror).run({ trigger: 'manual' });
    const written: number[] = [];
    const counting = (sink: MirrorSink): MirrorSink => ({
      ...sink,
      applyBatch: (entity, batch) => (written.push(batch.upserts.length), sink.applyBatch(entity, batch)),
    });
    const rerun = summary(await wrappedService(erp, mirror, { sink: counting }).run({ trigger: 'manual' }));
    expect(rerun.skippedOrphans).toBe(8);
    // Only the passes' closing checkpoints are written: the ERP's orphans never reach a transaction.
    expect(written.every((n) => n === 0)).toBe(true);

    // Order 1000 (two lines, both mirrored) now names a customer the mirror lacks.
    await erp.db.updateTable('ord_hedr').set({ cust_no: 'NOPE02' }).where('order_no', '=', 1000).execute();
    try {
      const run = summary(await service(erp, mirror).run({ trigger: 'manual' }));
      expect(entity(run, 'orders')).toMatchObject({ deleted: 1, skipped: 3 });
      expect(entity(run, 'lines')?.skipped).toBe(8);
      await expectMirrorEqualsErp(mirror, erp);
    } finally {
      await erp.db.updateTable('ord_hedr').set({ cust_no: 'C0001' }).where('order_no', '=', 1000).execute();
    }
  });

  it('reflects ERP edits, inserts and deletes; retires customers; purges orders that left the window', async () => {
    await service(erp, mirror).run({ trigger: 'manual' });
    await erp.db.transaction().execute(async (trx) => {
      await trx.updateTable('customer').set({ cust_name: 'Renamed Inc', active: false }).where('cust_no', '=', 'C0002').execute();
      await trx.insertInto('customer').values([customer(50), customer(51)]).execute();
      // C0003 keeps orders in the mirror: retired as inactive. C0008 loses its only order (1007) too:
      // the customers pass runs first, so it is inactive after this run and removed by the next one.
      await trx.deleteFrom('customer').where('cust_no', 'in', ['C0003', 'C0008']).execute();
      await trx.deleteFrom('ord_detl').where('order_no', '=', 1007).execute();
      await trx.deleteFrom('ord_hedr').where('order_no', '=', 1007).execute();
      await trx.updateTable('ord_hedr').set({ status: 'C', freight: '99.99' }).where('order_no', '=', 1000).execute();
      await trx.updateTable('ord_hedr').set({ order_dt: daysAgo(300) }).where('order_no', '=', 1001).execute();
      await trx.deleteFrom('ord_detl').where('order_no', '=', 1005).execute();
      await trx.deleteFrom('ord_hedr').where('order_no', '=', 1005).execute();
      await trx.insertInto('ord_hedr').values([header(1500, 'C0050', 1), header(1501, 'C0001', 0)]).execute();
      await trx.insertInto('ord_detl').values([line(1500, 1), line(1501, 1), line(1501, 2), line(1000, 9)]).execute();
      await trx.updateTable('ord_detl').set({ qty_shipd: 7 }).where('order_no', '=', 1003).where('lin_no', '=', '1').execute();
      await trx.deleteFrom('ord_detl').where('order_no', '=', 1006).where('lin_no', '=', '1').execute();
    });
    const run = summary(await service(erp, mirror).run({ trigger: 'manual' }));
    expect(run.status).toBe('succeeded');
    const retired = (await mirror.db.selectFrom('customer').selectAll().where('cust_no', '=', 'C0003').executeTakeFirstOrThrow());
    expect(retired.active).toBe(false);
    await expectMirrorEqualsErp(mirror, erp, [{ ...customer(3), active: false }, { ...customer(8), active: false }]);
    expect(await mirror.db.selectFrom('ord_detl').select('lin_no').where('order_no', 'in', [1001, 1005, 1007]).execute()).toEqual([]);

    const again = summary(await service(erp, mirror).run({ trigger: 'manual' }));
    expect(again.rowsChanged).toBe(1);
    expect(entity(again, 'customers')?.deleted).toBe(1);
    await expectMirrorEqualsErp(mirror, erp, [{ ...customer(3), active: false }]);
    expect(summary(await service(erp, mirror).run({ trigger: 'manual' })).rowsChanged).toBe(0);
    // C0003 returns unchanged: it becomes active again although its data hashes as before.
    await erp.db.insertInto('customer').values(customer(3)).execute();
    await service(erp, mirror).run({ trigger: 'manual' });
    await expectMirrorEqualsErp(mirror, erp);
  });

  it('never lets a reader miss a customer or order during a full resync', async () => {
    await service(erp, mirror, 3).run({ trigger: 'manual' });
    await mirror.db.updateTable('customer').set({ row_hash: 'ffffffffffffffff' }).execute();
    await mirror.db.updateTable('ord_hedr').set({ row_hash: 'ffffffffffffffff' }).execute();
    const customers = new Set((await mirror.db.selectFrom('customer').select('cust_no').execute()).map((r) => r.cust_no));
    const orders = new Set((await mirror.db.selectFrom('ord_hedr').select('order_no').execute()).map((r) => r.order_no));
    let done = false;
    let polls = 0;
    const reader = (async () => {
      while (!done) {
        const seenCustomers = new Set((await mirror.db.selectFrom('customer').select('cust_no').execute()).map((r) => r.cust_no));
        const seenOrders = new Set((await mirror.db.selectFrom('ord_hedr').select('order_no').execute()).map((r) => r.order_no));
        for (const c of customers) expect(seenCustomers.has(c)).toBe(true);
        for (const o of orders) expect(seenOrders.has(o)).toBe(true);
        polls++;
      }
    })();
    const run = summary(await service(erp, mirror, 3).run({ trigger: 'manual', full: true }).finally(() => (done = true)));
    await reader;
    expect(run.status).toBe('succeeded');
    expect(entity(run, 'customers')?.updated).toBe(customers.size);
    expect(polls).toBeGreaterThan(3);
    await expectMirrorEqualsErp(mirror, erp);
  });

  it('lets exactly one of two concurrent runs do the work', async () => {
    const [a, b] = await Promise.all([service(erp, mirror).run({ trigger: 'timer' }), service(erp, mirror).run({ trigger: 'api' })]);
    expect([a.status, b.status].sort()).toEqual(['already-running', 'succeeded']);
    expect((await service(erp, mirror).status()).runs).toHaveLength(1);
    await expectMirrorEqualsErp(mirror, erp);
    expect((await service(erp, mirror).run({ trigger: 'cli' })).status).toBe('succeeded');
  });

  it('closes the sync_run row of a run whose process died as failed, before recording its own', async () => {
    // What a run killed mid-way leaves behind: its start, never its end.
    await new MirrorSyncRunStore(mirror).start({ runId: 'killed', trigger: 'cli', status: 'running', startedAt: new Date(now.getTime() - 60_000), finishedAt: null, entities: [], error: null });
    const run = summary(await service(erp, mirror).run({ trigger: 'timer' }));
    expect(run.status).toBe('succeeded');
    const runs = (await service(erp, mirror).status()).runs;
    expect(runs.map((r) => [r.runId, r.status])).toEqual([[run.runId, 'succeeded'], ['killed', 'failed']]);
    expect(runs[1]).toMatchObject({ finishedAt: null, error: interruptedRunError });
    await expectMirrorEqualsErp(mirror, erp);
  });

  it('retries taking the sync lock after a transient failure, but never reruns work that started', async () => {
    const reset = () => Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    let takes = 0;
    const flakyTake = (lock: SyncLock): SyncLock => ({ runExclusive: (work) => (++takes === 1 ? Promise.reject(reset()) : lock.runExclusive(work)) });
    expect((await wrappedService(erp, mirror, { lock: flakyTake }).run({ trigger: 'timer' })).status).toBe('succeeded');
    expect(takes).toBe(2);

    let works = 0;
    const failsAfterWork = (lock: SyncLock): SyncLock => ({
      runExclusive: async (work) => {
        await lock.runExclusive(() => {
          works++;
          return work();
        });
        throw reset();
      },
    });
    expect(summary(await wrappedService(erp, mirror, { lock: failsAfterWork }).run({ trigger: 'timer' })).error).toContain('ECONNRESET');
    expect(works).toBe(1);
    await expectMirrorEqualsErp(mirror, erp);
  });

  it('stops cleanly when aborted between batches and continues from the checkpoint', async () => {
    const controller = new AbortController();
    const first = summary(
      await service(erp, mirror).run({
        trigger: 'manual',
        signal: controller.signal,
        onProgress: (p) => p.entity === 'orders' && p.read > 0 && controller.abort(),
      }),
    );
    expect(first.status).toBe('partial');
    expect(entity(first, 'customers')?.complete).toBe(true);
    expect(entity(first, 'orders')?.complete).toBe(false);
    const second = summary(await service(erp, mirror).run({ trigger: 'manual' }));
    expect(second.status).toBe('succeeded');
    const full = summary(await service(erp, mirror).run({ trigger: 'manual' }));
    expect((entity(first, 'orders')?.read ?? 0) + (entity(second, 'orders')?.read ?? 0)).toBe(entity(full, 'orders')?.read);
    await expectMirrorEqualsErp(mirror, erp);
  });
});

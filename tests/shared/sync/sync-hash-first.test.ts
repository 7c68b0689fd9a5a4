import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncSource } from '../../../shared/sync/sync-ports';
import type { SyncOutcome } from '../../../shared/sync/sync-service';
import { createTestErp, createTestMirror } from '../../helpers/databases';
import { service, wrappedService } from './sync-harness';
import { expectMirrorEqualsErp, seedErp, type Erp, type Mirror } from './sync-fixtures';

let erp: Erp;
let mirror: Mirror;

beforeAll(async () => {
  [erp, mirror] = await Promise.all([createTestErp(), createTestMirror()]);
  await seedErp(erp, { customers: 12, orders: 300 });
});
afterAll(async () => {
  await Promise.all([erp.close(), mirror.close()]);
});

const counted = (calls: Record<string, number>) => (s: SyncSource): SyncSource => {
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  return {
    changeTracking: (...a) => s.changeTracking(...a),
    estimate: (...a) => s.estimate(...a),
    readChanges: (...a) => s.readChanges(...a),
    readBatch: (...a) => (count('batch'), s.readBatch(...a)),
    readHashes: (...a) => (count('hashes'), s.readHashes(...a)),
    readSpanDigest: (...a) => (count('span'), s.readSpanDigest(...a)),
    readGroupDigests: (...a) => (count('groups'), s.readGroupDigests(...a)),
    readHashRanges: (...a) => (count('hashRanges'), s.readHashRanges(...a)),
    readRange: (...a) => (count('range'), s.readRange(...a)),
    readKeys: (...a) => (count('keys'), s.readKeys(...a)),
  };
};
const customers = (run: SyncOutcome) => (run.status === 'already-running' ? undefined : run.entities.find((e) => e.entity === 'customers'));

describe('hash-first scans', () => {
  it('read full rows only for changed keys, and notice NULL becoming empty mid-batch', async () => {
    const first: Record<string, number> = {};
    expect((await wrappedService(erp, mirror, { source: counted(first) }, 12).run({ trigger: 'manual' })).status).toBe('succeeded');
    expect(first.batch).toBeGreaterThan(0);

    const idle: Record<string, number> = {};
    const rerun = await wrappedService(erp, mirror, { source: counted(idle) }, 12).run({ trigger: 'manual' });
    expect(rerun.status === 'succeeded' && rerun.rowsChanged).toBe(0);
    expect(idle.batch ?? 0).toBe(0);
    expect(idle.range ?? 0).toBe(0);

    // C0007's name is NULL; C0005 sits mid-batch among unchanged customers.
    await erp.db.updateTable('customer').set({ cust_name: '' }).where('cust_no', '=', 'C0007').execute();
    await erp.db.updateTable('customer').set({ cust_city: 'Shelbyville' }).where('cust_no', '=', 'C0005').execute();
    await erp.db.updateTable('ord_detl').set({ unit_price: '2.7182' }).where('order_no', '=', 1003).where('lin_no', '=', '1').execute();
    const edit: Record<string, number> = {};
    const run = await wrappedService(erp, mirror, { source: counted(edit) }, 12).run({ trigger: 'manual' });
    expect(customers(run)?.updated).toBe(2);
    expect(run.status === 'succeeded' && run.rowsChanged).toBe(3);
    expect(edit.batch ?? 0).toBe(0);
    await expectMirrorEqualsErp(mirror, erp);
  });

  it('reads a batch of mostly changed rows by range, then switches to full-row batches', async () => {
    await mirror.db.updateTable('ord_detl').set({ row_hash: 'ffffffffffffffff' }).execute();
    const calls: Record<string, number> = {};
    const lines = await mirror.db.selectFrom('ord_detl').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const run = await wrappedService(erp, mirror, { source: counted(calls) }, 250).run({ trigger: 'manual' });
    expect(run.status === 'succeeded' && run.rowsChanged).toBe(Number(lines.n));
    expect(calls.range).toBe(1);
    expect(calls.batch).toBeGreaterThan(0);
    await expectMirrorEqualsErp(mirror, erp);
    expect((await service(erp, mirror).run({ trigger: 'manual' })).status).toBe('succeeded');
  });
});

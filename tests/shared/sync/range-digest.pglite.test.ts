import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erpSyncSource } from '../../../shared/erp/erp-sync-source';
import { mirrorSyncSink } from '../../../shared/mirror/sync/mirror-sync-sink';
import { groupDigest, groupPairs } from '../../../shared/sync/range-digest';
import { syncEntities, type KeyValues, type SyncEntity } from '../../../shared/sync/sync-entities';
import type { MirrorSink, SyncSource } from '../../../shared/sync/sync-ports';
import { createTestErp, createTestMirror } from '../../helpers/databases';
import { service } from './sync-harness';
import { daysAgo, line, orderDays, seedErp, type Erp, type Mirror } from './sync-fixtures';

let erp: Erp;
let mirror: Mirror;
let source: SyncSource;
let sink: MirrorSink;
const window = { orderWindowStart: daysAgo(orderDays) };
const lines = syncEntities[2] as SyncEntity;

beforeAll(async () => {
  [erp, mirror] = await Promise.all([createTestErp(), createTestMirror()]);
  await seedErp(erp, { customers: 12, orders: 60 });
  // Without the seed's orphans (never mirrored), a synced mirror holds every in-window row.
  await erp.db.deleteFrom('ord_detl').where('order_no', 'in', [2000, 2001, 3000]).execute();
  await erp.db.deleteFrom('ord_hedr').where('order_no', 'in', [2000, 2001]).execute();
  source = erpSyncSource(async () => erp);
  sink = mirrorSyncSink(mirror);
});
afterAll(async () => {
  await Promise.all([erp.close(), mirror.close()]);
});

const synced = async () => expect((await service(erp, mirror).run({ trigger: 'manual' })).status).toBe('succeeded');

/** The ERP's span digest after `after`, and the mirror's over the same keys. */
async function both(entity: SyncEntity, after: KeyValues | null, limit: number) {
  const span = await source.readSpanDigest(entity, after, limit, window);
  const upTo = span.count < limit ? null : span.last;
  return { erp: { count: span.count, digest: span.digest }, mirror: await sink.readDigest(entity, after, upTo), upTo };
}

/** The ERP's group digests of the span and the same computed from the mirror's (key, hash) pairs. */
async function groups(entity: SyncEntity, after: KeyValues | null, upTo: KeyValues | null, limit: number) {
  const pairs = await sink.readHashes(entity, after, upTo);
  const ours = groupPairs(pairs).map((group) => groupDigest(group.map((p) => p.hash)));
  return { erp: await source.readGroupDigests(entity, after, upTo, limit, window), mirror: ours };
}

const setQty = (orderNo: number, linNo: string, qty: number) =>
  erp.db.updateTable('ord_detl').set({ qty_shipd: qty }).where('order_no', '=', orderNo).where('lin_no', '=', linNo).execute();

describe('range digests on PGlite', () => {
  it('are equal on both sides for every entity and span once synced, and group digests agree', async () => {
    await synced();
    for (const entity of syncEntities) {
      for (const [after, limit] of [[null, 1_000], [null, 7]] as const) {
        const { erp: e, mirror: m, upTo } = await both(entity, after, limit);
        expect(e.count).toBeGreaterThan(0);
        expect(m).toEqual(e);
        const g = await groups(entity, after, upTo, limit);
        expect(g.erp.length).toBeGreaterThan(e.count / 10);
        expect(g.mirror).toEqual(g.erp);
      }
    }
    const tail = await both(lines, [1010, '1'], 1_000);
    expect(tail.upTo).toBeNull();
    expect(tail.mirror).toEqual(tail.erp);
  });

  it('differ on an update, a delete, an insert and a change undone after a sync saw it', async () => {
    const cases: [string, () => Promise<unknown>][] = [
      ['update', () => setQty(1003, '1', 41)],
      ['delete', () => erp.db.deleteFrom('ord_detl').where('order_no', '=', 1006).where('lin_no', '=', '2').execute()],
      ['insert', () => erp.db.insertInto('ord_detl').values(line(1003, 7)).execute()],
    ];
    for (const [name, change] of cases) {
      await synced();
      await change();
      const { erp: e, mirror: m, upTo } = await both(lines, null, 1_000);
      expect(m, name).not.toEqual(e);
      const g = await groups(lines, null, upTo, 1_000);
      expect(g.mirror, name).not.toEqual(g.erp);
    }
    await synced();
    const before = (await source.readHashes(lines, [1003, '0'], 1, window))[0];
    await setQty(1003, '1', 42);
    await synced();
    await setQty(1003, '1', 41);
    expect((await source.readHashes(lines, [1003, '0'], 1, window))[0]).toEqual(before);
    const { erp: e, mirror: m } = await both(lines, null, 1_000);
    expect(m).not.toEqual(e);
    await synced();
    const again = await both(lines, null, 1_000);
    expect(again.mirror).toEqual(again.erp);
  });

  it('reads (key, hash) pairs of open and closed key ranges only', async () => {
    const all = await source.readHashes(lines, null, 1_000, window);
    const key = (i: number) => all[i]?.key ?? [];
    const ranges = [
      { after: null, before: key(2) },
      { after: key(5), before: key(8) },
      { after: key(all.length - 3), before: null },
    ];
    const picked = await source.readHashRanges(lines, null, null, ranges, window);
    expect(picked).toEqual([all[0], all[1], all[6], all[7], all.at(-2), all.at(-1)]);
    expect(await source.readHashRanges(lines, key(5), key(6), ranges, window)).toEqual([all[6]]);
  });
});

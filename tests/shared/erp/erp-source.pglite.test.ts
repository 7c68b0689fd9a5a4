import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erpSyncSource } from '../../../shared/erp/erp-sync-source';
import { keyOf, syncEntities } from '../../../shared/sync/sync-entities';
import type { SyncSource } from '../../../shared/sync/sync-ports';
import { createTestErp } from '../../helpers/databases';
import { daysAgo, orderDays, seedErp, type Erp } from '../sync/sync-fixtures';

let erp: Erp;
let source: SyncSource;
const window = { orderWindowStart: daysAgo(orderDays) };
const [customers, , lines] = syncEntities as [(typeof syncEntities)[0], (typeof syncEntities)[0], (typeof syncEntities)[0]];

beforeAll(async () => {
  erp = await createTestErp();
  await seedErp(erp);
  source = erpSyncSource(async () => erp);
});
afterAll(() => erp.close());

describe('ERP source reads on PGlite', () => {
  it('serves one batch alike as full rows, (key, hash), a key range and a key list', async () => {
    const after = [1002, '1'];
    const batch = await source.readBatch(lines, after, 6, window);
    const pairs = batch.map((r) => ({ key: keyOf(lines, r.row), hash: r.hash }));
    expect(batch).toHaveLength(6);
    expect(pairs.every((p) => /^[0-9a-f]{16}$/.test(p.hash))).toBe(true);
    expect(await source.readHashes(lines, after, 6, window)).toEqual(pairs);
    const upTo = pairs.at(-1)?.key ?? [];
    expect(await source.readRange(lines, after, upTo, window)).toEqual(expect.arrayContaining(batch));
    expect(await source.readRange(lines, after, upTo, window)).toHaveLength(6);
    const picked = [pairs[1], pairs[4]].map((p) => p?.key ?? []);
    const keyed = await source.readKeys(lines, picked, window);
    expect(keyed.map((r) => keyOf(lines, r.row)).sort()).toEqual(picked.sort());
  });

  it('hashes NULL, empty and moved text differently', async () => {
    const hashOf = async () => (await source.readHashes(customers, null, 1, window))[0]?.hash;
    const set = (values: Record<string, string | null>) => erp.db.updateTable('customer').set(values).where('cust_no', '=', 'C0001').execute();
    await set({ cust_phone: null, cust_zip: null });
    const base = await hashOf();
    await set({ cust_phone: '' });
    const empty = await hashOf();
    await set({ cust_phone: null, cust_zip: '' });
    const moved = await hashOf();
    expect(new Set([base, empty, moved]).size).toBe(3);
    await set({ cust_zip: null });
    expect(await hashOf()).toBe(base);
  });
});

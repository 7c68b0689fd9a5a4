import { describe, expect, it } from 'vitest';
import { diffBatch, diffHashes } from '../../../shared/sync/batch-diff';
import { syncEntities } from '../../../shared/sync/sync-entities';

const customers = syncEntities[0]!;
const row = (cust_no: string, cust_name: string | null) => ({ cust_no, cust_name, cust_addr1: null, cust_city: null, cust_state: null, cust_zip: null, cust_phone: null, active: true });

describe('diffBatch', () => {
  it('keeps unchanged rows out, stages new and changed ones, and finds keys gone from the range', () => {
    const a = { row: row('A     ', 'Alpha'), hash: 'ha' };
    const b = { row: row('B     ', 'Beta'), hash: 'hb' };
    const c = { row: row('C     ', null), hash: 'hc' };
    const mirror = [
      { key: ['A'], hash: 'ha' },
      { key: ['B'], hash: 'stale' },
      { key: ['BB'], hash: 'x' },
    ];
    const diff = diffBatch(customers, [a, b, c], mirror);
    expect(diff.upserts.map((u) => u.row.cust_no)).toEqual(['B     ', 'C     ']);
    expect(diff.gone).toEqual([['BB']]);
  });
});

describe('diffHashes', () => {
  it('compares (key, hash) pairs without rows', () => {
    const source = [
      { key: [1, '1'], hash: 'h1' },
      { key: [1, '2'], hash: 'new' },
      { key: [2, '1'], hash: 'h3' },
    ];
    const mirror = [
      { key: [1, '1'], hash: 'h1' },
      { key: [1, '2'], hash: 'old' },
      { key: [1, '3'], hash: 'h4' },
    ];
    // Only [1, '2'] is held by the mirror (under another hash); [2, '1'] is new.
    expect(diffHashes(source, mirror)).toEqual({ changed: [[1, '2'], [2, '1']], gone: [[1, '3']], held: new Set(['[1,"2"]']) });
  });
});

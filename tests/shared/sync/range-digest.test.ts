import { describe, expect, it } from 'vitest';
import type { KeyHash } from '../../../shared/sync/batch-diff';
import { differingRegions, groupDigest, groupPairs } from '../../../shared/sync/range-digest';

/** Distinct leading bits per key, as real hashes have; keys divisible by 4 end their group (last digit 0). */
const hash = (key: number, version = 0) => `${((key + version * 1_000) * 7_919_993).toString(16).padStart(12, '0')}abc${key % 4 === 0 ? '0' : 'f'}`;
const pairs = (keys: readonly number[], changed: readonly number[] = []): KeyHash[] => keys.map((k) => ({ key: [k], hash: hash(k, changed.includes(k) ? 1 : 0) }));
/** The ERP's group digests, as readGroupDigests returns them. */
const digests = (rows: readonly KeyHash[]) => groupPairs(rows).map((group) => groupDigest(group.map((p) => p.hash)));
const keys = Array.from({ length: 20 }, (_, i) => 10 + i);
const shape = (regions: ReturnType<typeof differingRegions>) => regions.map((r) => ({ ...r.range, mirror: r.mirror.map((m) => m.key[0]) }));

describe('group digests and differing regions', () => {
  it('cut groups after boundary rows and sum 1 + the leading 48 bits modulo 2^48, so a zero hash still counts', () => {
    expect(groupPairs(pairs(keys)).map((g) => g.map((p) => p.key[0]))).toEqual([[10, 11, 12], [13, 14, 15, 16], [17, 18, 19, 20], [21, 22, 23, 24], [25, 26, 27, 28], [29]]);
    expect(groupDigest(['ffffffffffff0000', '0000000000000000'])).toBe('000000000001');
    expect(groupDigest(['0000000000000000'])).not.toBe(groupDigest([]));
  });

  it('are none when the sides agree', () => {
    expect(differingRegions(digests(pairs(keys)), pairs(keys), null)).toEqual([]);
  });

  it('bound an update by the keys of the matching groups around it', () => {
    expect(shape(differingRegions(digests(pairs(keys, [18])), pairs(keys), [9]))).toEqual([{ after: [16], before: [21], mirror: [17, 18, 19, 20] }]);
  });

  it('keep the groups after a delete, an orphan or a retired row aligned', () => {
    const deleted = keys.filter((k) => k !== 12);
    expect(shape(differingRegions(digests(pairs(deleted)), pairs(keys), null))).toEqual([{ after: null, before: [17], mirror: [10, 11, 12, 13, 14, 15, 16] }]);
    const orphan = pairs([...keys, 30]);
    expect(shape(differingRegions(digests(pairs(keys)), pairs(keys.filter((k) => k !== 22)), null))).toEqual([{ after: [20], before: [25], mirror: [21, 23, 24] }]);
    expect(shape(differingRegions(digests(orphan), pairs(keys), null))).toEqual([{ after: [28], before: null, mirror: [29] }]);
  });

  it('cover an empty mirror whole', () => {
    const regions = differingRegions(digests(pairs(keys)), [], [9]);
    expect(regions.map((r) => [r.range, r.erpGroups])).toEqual([[{ after: [9], before: null }, 6]]);
  });
});

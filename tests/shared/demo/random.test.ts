import { describe, expect, it } from 'vitest';
import { cents, fit, tenThousandths } from '../../../shared/demo/format';
import { Quota } from '../../../shared/demo/quota';
import { Random } from '../../../shared/demo/random';

const draws = (random: Random, n: number) => Array.from({ length: n }, () => random.uint32());

describe('Random', () => {
  it('repeats a stream for the same seed and name, and differs otherwise', () => {
    const first = draws(Random.stream(42, 'orders'), 8);
    expect(draws(Random.stream(42, 'orders'), 8)).toEqual(first);
    expect(draws(Random.stream(43, 'orders'), 8)).not.toEqual(first);
    expect(draws(Random.stream(42, 'customers'), 8)).not.toEqual(first);
  });

  it('keeps int() within its inclusive bounds and reaches both ends', () => {
    const random = Random.stream(1, 'bounds');
    const seen = new Set(Array.from({ length: 2000 }, () => random.int(3, 7)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });
});

describe('Quota', () => {
  it('fires about rate × calls, the first time within 20 calls', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const quota = new Quota(0.01, Random.stream(seed, 'quota'));
      const hits: number[] = [];
      for (let i = 0; i < 10_000; i++) if (quota.next()) hits.push(i);
      expect(hits[0]).toBeLessThan(40);
      expect(hits.length).toBeGreaterThanOrEqual(95);
      expect(hits.length).toBeLessThanOrEqual(105);
    }
  });
});

describe('format', () => {
  it('writes exact numeric literals without floating point', () => {
    expect([cents(0), cents(5), cents(1250), cents(123_456_789)]).toEqual(['0.00', '0.05', '12.50', '1234567.89']);
    expect([tenThousandths(425), tenThousandths(125_000)]).toEqual(['0.0425', '12.5000']);
  });

  it('cuts text to a CHAR width without a trailing space', () => {
    expect(fit('Müller & Sons Hardware', 14)).toBe('Müller & Sons');
    expect(fit('short', 40)).toBe('short');
  });
});

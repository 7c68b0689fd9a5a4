import { describe, expect, it } from 'vitest';
import { isoDate, statusLabel, sumMoney, trimmed } from '../../../shared/portal/map-values';

describe('row value mapping', () => {
  it('labels O, C and V and passes other codes through', () => {
    expect(['O', 'C', 'V', 'X', 'O ', null].map(statusLabel)).toEqual(['Open', 'Complete', 'Void', 'X', 'Open', null]);
  });

  it('trims CHAR padding and writes ISO dates', () => {
    expect(trimmed('ABC   ')).toBe('ABC');
    expect(trimmed(null)).toBeNull();
    expect(isoDate(new Date(Date.UTC(2025, 0, 2)))).toBe('2025-01-02T00:00:00.000Z');
  });

  it('sums money exactly, without float rounding', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney(['-1.05', '0.05', null])).toBe('-1.00');
    expect(sumMoney(['123456789012.99', '0.01'])).toBe('123456789013.00');
    expect(sumMoney([])).toBe('0.00');
  });
});

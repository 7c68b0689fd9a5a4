import { describe, expect, it } from 'vitest';
import { lineAmount } from '../../../shared/portal/line-amount';
import { sumMoney } from '../../../shared/portal/map-values';

const line = (ord_qty: number | null, unit_price: string | null, status: string | null = 'O') => ({ ord_qty, unit_price, status });

describe('lineAmount (the money rule, line by line)', () => {
  it('is exact ordered quantity × unit price, rounded half away from zero to cents', () => {
    expect(lineAmount(line(3, '0.3350'))).toBe('1.01'); // 1.005: banker's rounding would give 1.00
    expect(lineAmount(line(1, '0.0050'))).toBe('0.01');
    expect(lineAmount(line(1, '-0.0050'))).toBe('-0.01');
    expect(lineAmount(line(-1, '0.0050'))).toBe('-0.01');
    expect(lineAmount(line(3, '0.3333'))).toBe('1.00');
    expect(lineAmount(line(1000, '12345678.9999'))).toBe('12345678999.90');
    expect(lineAmount(line(2, '10.1'))).toBe('20.20');
    expect(lineAmount(line(0, '0.10'))).toBe('0.00');
  });

  it('bills nothing for a void line, nor where the ERP left quantity or price empty', () => {
    expect(lineAmount(line(5, '9.9900', 'V'))).toBe('0.00');
    expect(lineAmount(line(5, '9.9900', 'V '))).toBe('0.00');
    expect(lineAmount(line(null, '9.9900'))).toBe('0.00');
    expect(lineAmount(line(5, null))).toBe('0.00');
    expect(lineAmount(line(5, '9.9900', null))).toBe('49.95');
    expect(lineAmount(line(5, '9.9900', 'X'))).toBe('49.95');
  });

  it('adds up: the sum of rounded lines differs from the rounded sum, and the rule takes the former', () => {
    const lines = [line(1, '0.0050'), line(1, '0.0050'), line(1, '0.0050')];
    expect(sumMoney(lines.map(lineAmount))).toBe('0.03'); // round(0.015, 2) would say 0.02
  });
});

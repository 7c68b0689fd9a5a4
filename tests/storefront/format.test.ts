import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatQuantity, multiplyMoney } from '../../storefront/src/format';

describe('money and dates for display', () => {
  it('formats decimal strings without floats, keeping significant sub-cent digits', () => {
    expect(formatMoney('1234567.5000')).toBe('$1,234,567.50');
    expect(formatMoney('0.1250')).toBe('$0.125');
    expect(formatMoney('-12.3')).toBe('-$12.30');
    expect(formatMoney('9007199254740993.01')).toBe('$9,007,199,254,740,993.01');
    expect(formatMoney(null)).toBe('');
    expect(formatMoney('n/a')).toBe('n/a');
  });

  it('multiplies a unit price by a quantity exactly, rounding half away from zero', () => {
    expect(multiplyMoney('12.5000', 2)).toBe('25.00');
    expect(multiplyMoney('0.3333', 3)).toBe('1.00');
    expect(multiplyMoney('0.0050', 1)).toBe('0.01');
    expect(multiplyMoney('-0.0050', 1)).toBe('-0.01');
    expect(multiplyMoney('7', 3)).toBe('21.00');
    expect(multiplyMoney('0.10', 0)).toBe('0.00');
    expect(multiplyMoney(null, 2)).toBeNull();
  });

  it('shows the ERP calendar day whatever the browser time zone', () => {
    expect(formatDate('2025-02-14T23:30:00.000Z', 'en-US')).toBe('Feb 14, 2025');
    expect(formatDate(null)).toBe('');
    expect(formatQuantity(12345)).toBe('12,345');
  });
});

import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatQuantity, formatUnitPrice } from '../../storefront/src/format';

describe('money and dates for display', () => {
  it('formats decimal strings without floats, keeping significant sub-cent digits', () => {
    expect(formatMoney('1234567.5000')).toBe('$1,234,567.50');
    expect(formatMoney('1628.67')).toBe('$1,628.67');
    expect(formatMoney('-12.3')).toBe('-$12.30');
    expect(formatMoney('9007199254740993.01')).toBe('$9,007,199,254,740,993.01');
    expect(formatMoney(null)).toBe('');
    expect(formatMoney('n/a')).toBe('n/a');
  });

  it('spells unit prices with 2 decimals, or 4 where the price has sub-cent digits, never 3', () => {
    expect(formatUnitPrice('12.5000')).toBe('$12.50');
    expect(formatUnitPrice('0.1250')).toBe('$0.1250');
    expect(formatUnitPrice('0.3350')).toBe('$0.3350');
    expect(formatUnitPrice('1234.0001')).toBe('$1,234.0001');
    expect(formatUnitPrice('7')).toBe('$7.00');
    expect(formatUnitPrice(null)).toBe('');
  });

  it('shows the ERP calendar day whatever the browser time zone', () => {
    expect(formatDate('2025-02-14T23:30:00.000Z', 'en-US')).toBe('Feb 14, 2025');
    expect(formatDate(null)).toBe('');
    expect(formatQuantity(12345)).toBe('12,345');
  });
});

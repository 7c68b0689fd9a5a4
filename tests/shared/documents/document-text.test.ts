import { describe, expect, it } from 'vitest';
import * as paper from '../../../shared/documents/document-text';
import * as screen from '../../../storefront/src/format';

/** One rule everywhere: the PDFs and the storefront spell every value alike. */
const values = ['12.5000', '0.1250', '0.3350', '1234567.0001', '7', '-12.3', '1628.67', '0.00', 'n/a', null];

describe('document and storefront formatting agree', () => {
  it.each(values)('unit price %s', (value) => {
    expect(paper.formatUnitPrice(value)).toBe(screen.formatUnitPrice(value));
  });

  it.each(values)('amount %s', (value) => {
    expect(paper.formatMoney(value)).toBe(screen.formatMoney(value));
  });

  it('unit prices show 2 decimals, or 4 where needed; amounts 2', () => {
    expect(['12.5000', '0.1250', '0.3300', '0.3350'].map(paper.formatUnitPrice)).toEqual(['$12.50', '$0.1250', '$0.33', '$0.3350']);
    expect(paper.formatMoney('1628.6')).toBe('$1,628.60');
  });
});

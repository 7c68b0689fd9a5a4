import { trimmed } from './map-values';

/** The line columns the money rule reads. */
export interface PricedLine {
  readonly ord_qty: number | null;
  readonly unit_price: string | null;
  readonly status: string | null;
}

const decimal = /^(-?)(\d+)(?:\.(\d*))?$/;

/** A void line stays on the documents, but bills nothing. */
export const isVoidLine = (line: Pick<PricedLine, 'status'>): boolean => trimmed(line.status) === 'V';

/**
 * What a line bills, as a 2-decimal string: round(ordered quantity × unit price, 2), half away from
 * zero, computed exactly in integers; 0.00 for a void line and where the ERP left the quantity or
 * price empty. It bills the ordered quantity, as the ERP does (its invoice total, and the tax on it,
 * are for the order). vw_order_summary sums exactly these, so the lines add up to the subtotal.
 */
export function lineAmount(line: PricedLine): string {
  const match = line.unit_price === null ? null : decimal.exec(line.unit_price.trim());
  if (isVoidLine(line) || line.ord_qty === null || !match) return '0.00';
  const [, sign = '', whole = '0', fraction = ''] = match;
  const scale = BigInt(fraction.length);
  const product = BigInt(`${whole}${fraction}`) * BigInt(Math.abs(line.ord_qty));
  const negative = (sign === '-') !== line.ord_qty < 0;
  const cents = scale > 2n ? (product + 10n ** (scale - 2n) / 2n) / 10n ** (scale - 2n) : product * 10n ** (2n - scale);
  const digits = cents.toString().padStart(3, '0');
  return `${negative && cents !== 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

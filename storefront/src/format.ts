/** Display formatting. Money stays a decimal string end to end: no float ever touches it. */

const decimalPattern = /^(-?)(\d+)(?:\.(\d+))?$/;

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * "1234.5000" → "$1,234.50". Scale above 2 is kept only where it carries digits (unit prices
 * like "0.1250"); anything that is not a decimal string is shown as is.
 */
export function formatMoney(value: string | null | undefined, symbol = '$'): string {
  if (value === null || value === undefined || value === '') return '';
  const match = decimalPattern.exec(value.trim());
  if (!match) return value;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  const decimals = significant.length > 2 ? significant : fraction.padEnd(2, '0').slice(0, 2);
  return `${sign}${symbol}${groupThousands(whole.replace(/^0+(?=\d)/, ''))}.${decimals}`;
}

/** Exact `quantity × unitPrice` as a 2-decimal string, rounded half away from zero. */
export function multiplyMoney(unitPrice: string | null, quantity: number | null): string | null {
  if (unitPrice === null || quantity === null) return null;
  const match = decimalPattern.exec(unitPrice.trim());
  if (!match) return null;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const scale = fraction.length;
  // BigInt() calls, not literals: the bundle targets ES2019, which has no `1n` syntax.
  const zero = BigInt(0);
  const ten = BigInt(10);
  let scaled = BigInt(`${whole}${fraction}`) * BigInt(quantity);
  const negative = (sign === '-') !== scaled < zero;
  if (scaled < zero) scaled = -scaled;
  if (scale > 2) {
    const divisor = ten ** BigInt(scale - 2);
    scaled = (scaled + divisor / BigInt(2)) / divisor;
  } else {
    scaled *= ten ** BigInt(2 - scale);
  }
  const digits = scaled.toString().padStart(3, '0');
  return `${negative && scaled !== zero ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * ERP dates are wall-clock values sent as UTC ISO strings: formatting in UTC keeps the buyer's
 * calendar day whatever their time zone.
 */
export function formatDate(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}

export const formatQuantity = (value: number | null | undefined): string =>
  value === null || value === undefined ? '' : groupThousands(String(value));

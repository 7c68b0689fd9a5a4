/**
 * How the printed documents spell values. Money stays a decimal string end to end, as in the API and
 * the storefront: the line amount is computed in integer ten-thousandths, never through a float.
 */

const decimal = /^(-?)(\d+)(?:\.(\d+))?$/;

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * "1234.5000" → "$1,234.50": two decimals, more only where they carry digits (a unit price of
 * "0.1250"), so what is printed is exactly the API's value.
 */
export function formatMoney(value: string | null): string {
  if (value === null) return '';
  const match = decimal.exec(value.trim());
  if (!match) return value;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  const decimals = significant.length > 2 ? significant : fraction.padEnd(2, '0').slice(0, 2);
  return `${sign}$${groupThousands(whole.replace(/^0+(?=\d)/, ''))}.${decimals}`;
}

/**
 * Exact `quantity × unitPrice` rounded half away from zero to cents: the storefront's line amount
 * (storefront/src/format.ts), so the paper and the screen agree. The order's subtotal is the
 * mirror's, rounded once over the unrounded lines, exactly as the detail endpoint reports it.
 */
export function lineAmount(unitPrice: string | null, quantity: number | null): string | null {
  if (unitPrice === null || quantity === null) return null;
  const match = decimal.exec(unitPrice.trim());
  if (!match) return null;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const product = BigInt(`${whole}${fraction}`) * BigInt(quantity) * (sign === '-' ? -1n : 1n);
  const negative = product < 0n;
  let cents = negative ? -product : product;
  if (fraction.length > 2) {
    const divisor = 10n ** BigInt(fraction.length - 2);
    cents = (cents + divisor / 2n) / divisor;
  } else {
    cents *= 10n ** BigInt(2 - fraction.length);
  }
  const digits = cents.toString().padStart(3, '0');
  return `${negative && cents !== 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** ERP dates are wall-clock values sent as UTC: formatted in UTC, the calendar day is the ERP's. */
export const formatDate = (iso: string | null): string => (iso === null ? '' : dateFormat.format(new Date(iso)));

export const formatQuantity = (value: number | null): string => (value === null ? '' : groupThousands(String(value)));

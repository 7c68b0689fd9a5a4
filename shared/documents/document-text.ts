/**
 * How the printed documents spell values. Money stays a decimal string end to end, as in the API and
 * the storefront; the line amounts are the API's (shared/portal/line-amount.ts).
 */

const decimal = /^(-?)(\d+)(?:\.(\d+))?$/;

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Spells a decimal string with the given count of decimals chosen from its fraction; not a decimal: as is. */
function spell(value: string | null, decimals: (significant: string) => number): string {
  if (value === null) return '';
  const match = decimal.exec(value.trim());
  if (!match) return value;
  const [, sign = '', whole = '0', fraction = ''] = match;
  // Only trailing zeros are cut: the count asked for is never below the significant digits.
  const count = decimals(fraction.replace(/0+$/, ''));
  return `${sign}$${groupThousands(whole.replace(/^0+(?=\d)/, ''))}.${fraction.padEnd(count, '0').slice(0, count)}`;
}

/**
 * Amounts and totals: "1234.5" → "$1,234.50". The API sends them at scale 2; a digit beyond would be
 * shown rather than rounded away.
 */
export const formatMoney = (value: string | null): string => spell(value, (significant) => Math.max(2, significant.length));

/**
 * Unit prices: 2 decimals, or 4 where the price has sub-cent digits ("12.5000" → "$12.50",
 * "0.1250" → "$0.1250"), never 3, so a column mixes only those two lengths. The same rule as the
 * storefront's (storefront/src/format.ts), so paper and screen agree.
 */
export const formatUnitPrice = (value: string | null): string => spell(value, (significant) => (significant.length > 2 ? Math.max(4, significant.length) : 2));

const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** ERP dates are wall-clock values sent as UTC: formatted in UTC, the calendar day is the ERP's. */
export const formatDate = (iso: string | null): string => (iso === null ? '' : dateFormat.format(new Date(iso)));

export const formatQuantity = (value: number | null): string => (value === null ? '' : groupThousands(String(value)));

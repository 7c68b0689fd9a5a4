/** Display formatting. Money stays a decimal string end to end: no float ever touches it. */

const decimalPattern = /^(-?)(\d+)(?:\.(\d+))?$/;

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Spells a decimal string with the count of decimals chosen from its fraction; anything else is shown as is. */
function spell(value: string | null | undefined, decimals: (significant: string) => number, symbol: string): string {
  if (value === null || value === undefined || value === '') return '';
  const match = decimalPattern.exec(value.trim());
  if (!match) return value;
  const [, sign = '', whole = '0', fraction = ''] = match;
  // Only trailing zeros are cut: the count asked for is never below the significant digits.
  const count = decimals(fraction.replace(/0+$/, ''));
  return `${sign}${symbol}${groupThousands(whole.replace(/^0+(?=\d)/, ''))}.${fraction.padEnd(count, '0').slice(0, count)}`;
}

/** Amounts and totals: "1234.5" → "$1,234.50" (the API sends them at scale 2). */
export const formatMoney = (value: string | null | undefined, symbol = '$'): string =>
  spell(value, (significant) => Math.max(2, significant.length), symbol);

/**
 * Unit prices: 2 decimals, or 4 where the price has sub-cent digits ("12.5000" → "$12.50",
 * "0.1250" → "$0.1250"), never 3. The printed documents follow the same rule.
 */
export const formatUnitPrice = (value: string | null | undefined, symbol = '$'): string =>
  spell(value, (significant) => (significant.length > 2 ? Math.max(4, significant.length) : 2), symbol);

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

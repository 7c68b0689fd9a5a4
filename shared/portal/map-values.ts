/** Row → DTO value conversions shared by every mapper. */

/** CHAR padding removed; null stays null. */
export const trimmed = (value: string | null | undefined): string | null => (value == null ? null : value.trimEnd());

export const isoDate = (value: Date | null | undefined): string | null => (value == null ? null : value.toISOString());

const statusLabels: Readonly<Record<string, string>> = { O: 'Open', C: 'Complete', V: 'Void' };

/** O/C/V become labels; any other code is passed through as the ERP wrote it. */
export function statusLabel(code: string | null | undefined): string | null {
  const value = trimmed(code);
  if (value === null) return null;
  return statusLabels[value] ?? value;
}

/** Parses a fixed-scale decimal string to integer hundredths, exactly. */
function toCents(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(amount.trim());
  if (!match) throw new Error(`Not a decimal amount: ${amount}`);
  const [, sign, whole, fraction = ''] = match;
  const cents = BigInt(whole ?? '0') * 100n + BigInt((fraction + '00').slice(0, 2));
  return sign === '-' ? -cents : cents;
}

function fromCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const magnitude = cents < 0n ? -cents : cents;
  return `${sign}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
}

/** Sum of 2-decimal money strings without float rounding; nulls count as zero. */
export const sumMoney = (amounts: readonly (string | null)[]): string =>
  fromCents(amounts.reduce((total, amount) => total + (amount === null ? 0n : toCents(amount)), 0n));

/** Cuts text to a CHAR(n) column's width; the database pads it back. */
export function fit(text: string, length: number): string {
  return text.length <= length ? text : text.slice(0, length).trimEnd();
}

export function zeroPad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Whole cents as a numeric(12,2) literal: 1250 → '12.50'. */
export function cents(value: number): string {
  return `${Math.trunc(value / 100)}.${zeroPad(value % 100, 2)}`;
}

/** Ten-thousandths as a numeric(12,4) literal: 125000 → '12.5000'. */
export function tenThousandths(value: number): string {
  return `${Math.trunc(value / 10_000)}.${zeroPad(value % 10_000, 4)}`;
}

export const dayMs = 86_400_000;

/** Midnight UTC of the day `date` falls on. */
export function utcMidnight(date: Date): Date {
  return new Date(Math.floor(date.getTime() / dayMs) * dayMs);
}

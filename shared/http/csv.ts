/**
 * Cells a spreadsheet would evaluate as a formula (OWASP CSV injection): a formula character, after
 * any leading whitespace, no-break or zero-width space (which spreadsheets skip), ASCII or fullwidth
 * (＝＋－＠, which some spreadsheets read as their ASCII forms).
 */
const formulaStart = /^[\s\u00A0\u180E\u200B-\u200D\u2060\uFEFF]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;
const plainNumber = /^-?\d+(\.\d+)?$/;
const needsQuoting = /[",\r\n]/;

export type CsvValue = string | number | boolean | null | undefined;

/** One RFC 4180 field: formula-like text is prefixed with `'` (plain negative numbers stay numbers). */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (formulaStart.test(text) && !plainNumber.test(text)) text = `'${text}`;
  return needsQuoting.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV document with a header row and CRLF line ends. */
export function toCsv(columns: readonly string[], rows: readonly Readonly<Record<string, unknown>>[]): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvField(row[column] as CsvValue)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A filename safe inside a quoted Content-Disposition parameter. */
export const csvFilename = (stem: string): string => `${stem.replace(/[^A-Za-z0-9._-]+/g, '_')}.csv`;

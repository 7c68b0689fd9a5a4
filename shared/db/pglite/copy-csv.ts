import type { BulkRow, BulkValue } from '../bulk-table';

const needsQuoting = /[",\n\r]|^\s|\s$/;

function field(value: BulkValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = String(value);
  // An empty string must be quoted: unquoted empty means NULL in COPY's CSV format.
  if (text === '' || needsQuoting.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/** Rows as PostgreSQL COPY CSV. Dates are written as UTC wall-clock, matching timestamp columns. */
export function toCopyCsv(rows: readonly BulkRow[]): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(row.map(field).join(','));
  lines.push('');
  return lines.join('\n');
}

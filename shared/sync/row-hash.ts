import { createHash } from 'node:crypto';
import type { SyncRow } from './sync-entities';

const separator = '\u001f';

function encode(value: SyncRow[string]): string {
  if (value === null || value === undefined) return '\u0000';
  if (value instanceof Date) return `d${value.toISOString()}`;
  if (typeof value === 'boolean') return value ? 'b1' : 'b0';
  return `${typeof value === 'number' ? 'n' : 's'}${value}`;
}

/**
 * 16 hex chars (64 bits) of sha1 over a canonical, type-tagged encoding of the source columns.
 * Both drivers return the same shapes (fixed-scale numeric strings, UTC dates, padded CHARs), so a
 * row hashes the same whichever engine it was read from.
 */
export function rowHash(columns: readonly string[], row: SyncRow): string {
  const text = columns.map((column) => encode(row[column] ?? null)).join(separator);
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

import { sql, type Expression, type RawBuilder } from 'kysely';
import type { SqlDialectName } from './schema/column-types';

/**
 * The leading `hexChars` of a row hash (16 lowercase hex chars, see row-hash-sql) as an unsigned
 * bigint plus one, spelled per engine so both compute the same number from the same text: range
 * digests are sums of these, compared between the ERP and the mirror whatever engine each runs on.
 * The one keeps a row whose hash is zero (a retired customer's) from vanishing from a sum.
 */
export function hashBits(hash: Expression<unknown>, dialect: SqlDialectName, hexChars: 10 | 12): RawBuilder<number> {
  if (dialect === 'pglite') return sql<number>`('x' || left(${hash}, ${sql.lit(hexChars)}))::bit(${sql.raw(String(hexChars * 4))})::bigint + 1`;
  // Style 2 reads hex digits without 0x; a binary shorter than 8 bytes converts as the bigint's low bytes.
  return sql<number>`CONVERT(bigint, CONVERT(binary(${sql.raw(String(hexChars / 2))}), LEFT(${hash}, ${sql.lit(hexChars)}), 2)) + 1`;
}

/**
 * A span's digest: the sum of its rows' values (hashBits) of 40 bits. Order-independent, so each engine may sum
 * in its own order; 8 million rows still fit a bigint, so SQL Server's SUM cannot overflow.
 */
export const spanBits = (hash: Expression<unknown>, dialect: SqlDialectName) => hashBits(hash, dialect, 10);

/** A group's digest: the sum of its few rows' values of 48 bits, modulo 2^48 (see range-digest.ts). */
export const groupBits = (hash: Expression<unknown>, dialect: SqlDialectName) => hashBits(hash, dialect, 12);

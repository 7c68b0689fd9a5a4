import { sql, type Expression, type RawBuilder } from 'kysely';

/**
 * ASCII letters to upper case, nothing else: the fold customer numbers use. Unicode case mapping
 * would turn look-alikes into ASCII (`ß` becomes `SS`, a dotless `ı` becomes `I`), so a search for
 * them would match other item numbers.
 */
export const asciiUpper = (text: string): string => text.replace(/[a-z]+/g, (letters) => letters.toUpperCase());

/** The same fold in SQL: translate, never upper(), whose mapping is Unicode's (and the collation's). */
export const asciiUpperSql = (expression: Expression<string | null>): RawBuilder<string> =>
  sql<string>`translate(${expression}, ${sql.lit('abcdefghijklmnopqrstuvwxyz')}, ${sql.lit('ABCDEFGHIJKLMNOPQRSTUVWXYZ')})`;

import fc from 'fast-check';

/**
 * Abstract request pieces: references such as "an order of the acting customer" are resolved at run
 * time against the demo data, so the arbitraries stay plain values that fast-check can shrink.
 */
export type Ref =
  | { readonly ref: 'own-customer' | 'other-customer'; readonly variant: CustomerVariant }
  | { readonly ref: 'own-order' | 'other-order' | 'own-quote' | 'other-quote' | 'own-invoice' | 'other-invoice' | 'shared-invoice' | 'own-item' | 'other-item'; readonly index: number }
  | { readonly ref: 'text'; readonly text: string };

/**
 * Spellings of a real customer number: case variants the ERP rule folds, and Unicode look-alikes
 * (fullwidth letters and digits, Cyrillic С, a dotless ı prefix) that Unicode case mapping or
 * normalisation would turn into it, but which no ERP key can hold.
 */
export type CustomerVariant = 'exact' | 'lower' | 'mixed' | 'padded' | 'suffixed' | 'prefix' | 'fullwidth' | 'cyrillic' | 'dotless';

/** Strings that have broken parsers, SQL and encoders elsewhere. */
const notorious = [
  "' OR 1=1 --",
  "'; drop table customer; --",
  "' union select cust_no from customer --",
  '%', '_', '[a-z]', '\\', '%00', '\u0000', 'C0\u00000001', '\t', '\r\n', ' ',
  '../../etc/passwd', '<script>alert(1)</script>', '${7*7}', '{{7*7}}', '%s%s%n',
  'NaN', 'Infinity', '-Infinity', '-0', '1e308', '1e-7', '0x10', '0b1', ' 12 ', '１２', '٣', '1_000',
  'null', 'undefined', 'true', '[]', '{}', '__proto__', 'constructor',
  '😀', '\u202e', '\ufeff', 'ǅ', 'ß', 'İ', '\u0301', 'Ⅻ', 'ıNK001', 'ＩＮＫ００１', 'INK00\u212a', 'ſ00001', 'C00001\u00a0',
  'ﬀ', 'ﬁ', 'ﬆ', 'ß', 'ǆ', 'ŉ', '＝1+2', '\u200b=1+2', '\u00a0@SUM(A1)',
  '9'.repeat(400), 'A'.repeat(5_000), '2147483648', '-2147483649', '9007199254740993', '18446744073709551616',
] as const;

/** An ISO-looking day with every field possibly out of range (years 0000 and 9999 included). */
const dayText = fc
  .tuple(fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 1, 1752, 1753, 1970, 2024, 2025, 9998, 9999)), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const recentDay = fc.integer({ min: -500, max: 30 }).map((days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10));

const numberText = fc.oneof(
  fc.integer({ min: -3, max: 120 }).map(String),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
);

/** Anything a client could put in a query value or path segment (no lone surrogates: URLs cannot carry them). */
export const nastyText = fc.oneof(
  fc.constantFrom(...notorious),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: 'binary-ascii', maxLength: 12 }),
  fc.string({ maxLength: 12 }),
  numberText,
  dayText,
);

const text = (arbitrary: fc.Arbitrary<string>): fc.Arbitrary<Ref> => arbitrary.map((value) => ({ ref: 'text', text: value }));
const customerRef = fc.record({
  ref: fc.constantFrom('own-customer' as const, 'other-customer' as const),
  variant: fc.constantFrom<CustomerVariant>('exact', 'exact', 'exact', 'lower', 'mixed', 'padded', 'suffixed', 'prefix', 'fullwidth', 'cyrillic', 'dotless'),
});
/** Mostly the caller's own resource of the endpoint's kind; otherwise someone else's, or another kind's number. */
const resourceRef = (kind: 'order' | 'quote' | 'invoice', others: readonly ('order' | 'quote' | 'invoice')[]) =>
  fc.record({
    ref: fc.oneof(
      { weight: 4, arbitrary: fc.constant(`own-${kind}` as const) },
      { weight: 2, arbitrary: fc.constant(`other-${kind}` as const) },
      { weight: 2, arbitrary: fc.constantFrom(...others.flatMap((k) => [`own-${k}` as const, `other-${k}` as const])) },
    ),
    index: fc.nat(1_000),
  }) as fc.Arbitrary<Ref>;

export const customerValue: fc.Arbitrary<Ref> = fc.oneof({ weight: 4, arbitrary: customerRef }, { weight: 1, arbitrary: text(nastyText) });
export const orderIdValue: fc.Arbitrary<Ref> = fc.oneof({ weight: 4, arbitrary: resourceRef('order', ['quote', 'invoice']) }, { weight: 2, arbitrary: text(nastyText) });
/** Quote numbers: mostly quotes, but orders too, which a quote endpoint must never serve. */
export const quoteNoValue: fc.Arbitrary<Ref> = fc.oneof({ weight: 4, arbitrary: resourceRef('quote', ['order', 'invoice']) }, { weight: 2, arbitrary: text(nastyText) });
export const invoiceNoValue: fc.Arbitrary<Ref> = fc.oneof(
  { weight: 4, arbitrary: resourceRef('invoice', ['order']) },
  { weight: 2, arbitrary: fc.record({ ref: fc.constant('shared-invoice' as const), index: fc.nat(1_000) }) },
  { weight: 2, arbitrary: text(nastyText) },
);

/** An item number the acting customer, or another one, has bought. */
const itemRef: fc.Arbitrary<Ref> = fc.record({ ref: fc.constantFrom('own-item' as const, 'other-item' as const), index: fc.nat(1_000) });

/** Values worth trying for each known query parameter, besides nasty text. */
const likely = new Map<string, fc.Arbitrary<Ref>>([
  ['customer', customerValue],
  ['page', text(fc.oneof(fc.integer({ min: 0, max: 12 }).map(String), fc.constantFrom('1000000', '1000001', '1.0', '+2')))],
  ['pageSize', text(fc.oneof(fc.integer({ min: 0, max: 101 }).map(String), fc.constantFrom('100', '101', '20.5')))],
  ['from', text(fc.oneof(recentDay, dayText, fc.constantFrom('2025-01-01T00:00:00Z', '20250101', '2025-1-1')))],
  ['to', text(fc.oneof(recentDay, dayText, fc.constantFrom('9999-12-31', '0001-01-01', '0000-01-01')))],
  ['format', text(fc.constantFrom('json', 'csv', 'CSV', 'xml', 'csv ', 'json,csv'))],
  ['status', text(fc.constantFrom('O', 'C', 'V', 'X', 'H', 'c', 'open', 'Complete', 'VOID', ' o ', 'OV', ''))],
  ['po', text(fc.constantFrom('ACME', 'PO', '-', '1', '%', '_', '[', '\\', "o'", 'x'.repeat(21)))],
  // Demo item numbers look like "HB-10007-ZN" and descriptions like "Hex Bolt 3/8\" ZN".
  ['q', fc.oneof(itemRef, text(fc.constantFrom('HB', 'bolt', 'zn', ' valve ', '-', '/', '"', '%', '_', '[', '\\', "'", 'x'.repeat(30), 'x'.repeat(31), 'ß', 'ﬀ', 'ſ', 'ı', 'ǆ')))],
  ['item', fc.oneof({ weight: 3, arbitrary: itemRef }, { weight: 1, arbitrary: text(fc.constantFrom('HB', '%', '_', "'", 'x'.repeat(25), 'x'.repeat(26), 'ß', 'ﬀ', 'ı')) })],
]);

const pairFor = (name: string): fc.Arbitrary<[string, Ref]> => {
  const value = likely.get(name);
  const values = value ? fc.oneof({ weight: 5, arbitrary: value }, { weight: 1, arbitrary: text(nastyText) }) : text(nastyText);
  return values.map((v): [string, Ref] => [name, v]);
};

/**
 * [name, value] pairs over the endpoint's parameters, unknown names and duplicates. List queries
 * are usually led by a `customer`, which API-key callers must send there.
 */
export function queryPairs(known: readonly string[], list: boolean): fc.Arbitrary<[string, Ref][]> {
  const name = fc.oneof(
    { weight: 6, arbitrary: known.length > 0 ? fc.constantFrom(...known) : fc.constant('customer') },
    { weight: 1, arbitrary: fc.constantFrom('sort', 'order', 'limit', 'offset', 'page[size]', 'customer[]', 'CUSTOMER', 'pagesize', '$where', '', '__proto__', 'constructor') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  );
  const lead = list ? fc.option(pairFor('customer'), { freq: 4, nil: undefined }) : fc.constant(undefined);
  return fc
    .tuple(lead, fc.array(name.chain(pairFor), { maxLength: list ? 4 : 2 }))
    .map(([first, rest]) => (first ? [first, ...rest] : rest));
}

/** A header value as a client could send it (Latin-1, no CR/LF/NUL). */
export const headerText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 40 }),
  fc.constantFrom('A'.repeat(8_000), 'null', '*', '""'),
);

/** Origin, Accept, If-None-Match and other headers besides credentials. */
export const extraHeaders: fc.Arbitrary<Record<string, string>> = fc
  .record(
    {
      origin: fc.oneof(fc.constantFrom('https://shop.example.com', 'https://evil.example', 'null', 'https://shop.example.com.evil.example', 'http://shop.example.com'), headerText),
      accept: fc.oneof(fc.constantFrom('text/csv', 'application/json', '*/*', 'text/csv;q=0', 'text/html', 'TEXT/CSV'), headerText),
      'if-none-match': fc.oneof({ weight: 1, arbitrary: fc.constant('*') }, { weight: 4, arbitrary: headerText }),
      'x-forwarded-for': fc.oneof(fc.constantFrom('203.0.113.9', '203.0.113.9:5000, 10.0.0.1', '[::1]:443', ''), headerText),
      'content-type': fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x'),
      'access-control-request-method': fc.constantFrom('GET', 'POST', 'DELETE', 'get'),
    },
    { requiredKeys: [] },
  );

/** Bodies for the endpoints that accept one. */
export const bodyText = fc.oneof(
  fc.json({ maxDepth: 2 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  // Either side of the 64 KB body cap (413 PAYLOAD_TOO_LARGE, and only after authentication).
  fc.constantFrom('{', '{"full":true}', 'x'.repeat(65_536), 'x'.repeat(65_537), 'x'.repeat(300_000)),
);

import type { BulkRow } from '../db/bulk-table';
import type { CustomerBook } from './customer-book';
import { fit, zeroPad } from './format';
import { cities, placeNames, streets, suffixes, surnames, trades } from './names';
import type { Random } from './random';

function customerName(random: Random): string {
  const surname = random.pick(surnames);
  const suffix = random.pick(suffixes);
  const roll = random.next();
  let name: string;
  if (roll < 0.3) name = `${surname}'s ${random.pick(trades)}`;
  else if (roll < 0.6) name = `${surname} ${random.pick(trades)} ${suffix}`;
  else if (roll < 0.75) name = `${surname} & ${random.pick(surnames)} ${suffix}`;
  else name = `${random.pick(placeNames)} ${random.pick(trades)} ${suffix}`;
  const text = name.trim();
  // Legacy ERPs often hold names typed in capitals.
  return fit(random.chance(0.15) ? text.toUpperCase() : text, 40);
}

function phone(random: Random, areaCode: string): string {
  const exchange = random.int(200, 989);
  const line = zeroPad(random.int(0, 9999), 4);
  const roll = random.next();
  if (roll < 0.5) return `(${areaCode}) ${exchange}-${line}`;
  if (roll < 0.8) return `${areaCode}-${exchange}-${line}`;
  if (roll < 0.95) return `${areaCode}.${exchange}.${line}`;
  return `${areaCode}-${exchange}-${line} x${random.int(1, 999)}`;
}

function customerRow(book: CustomerBook, index: number, random: Random): BulkRow {
  const [city, state, zipPrefix, areaCode] = random.pick(cities);
  const name = random.chance(0.003) ? null : customerName(random);
  const hasAddress = !random.chance(0.04);
  const suite = random.chance(0.15) ? `, Suite ${random.int(100, 950)}` : '';
  const zip = `${zipPrefix}${zeroPad(random.int(1, 99), 2)}`;
  return [
    book.custNo(index),
    name,
    hasAddress ? fit(`${random.int(1, 9999)} ${random.pick(streets)}${suite}`, 50) : null,
    hasAddress ? city : null,
    hasAddress ? state : null,
    hasAddress ? (random.chance(0.25) ? `${zip}-${zeroPad(random.int(0, 9999), 4)}` : zip) : null,
    random.chance(0.08) ? null : phone(random, areaCode),
    book.isActive(index),
  ];
}

/** `customer` rows in key order, `chunkSize` at a time. */
export function* generateCustomers(book: CustomerBook, random: Random, chunkSize: number): Generator<BulkRow[]> {
  let chunk: BulkRow[] = [];
  for (let i = 0; i < book.count; i++) {
    chunk.push(customerRow(book, i, random));
    if (chunk.length >= chunkSize) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

import type { MirrorRows } from './expected-mirror';

type Row = Readonly<Record<string, unknown>>;

const keys: Record<keyof MirrorRows, readonly string[]> = {
  customer: ['cust_no'],
  ord_hedr: ['order_no'],
  ord_detl: ['order_no', 'lin_no'],
};

const rowsOf = (rows: readonly object[]) => rows as readonly Row[];
const text = (value: unknown) => (value instanceof Date ? value.toISOString() : JSON.stringify(value));
const keyOf = (row: Row, columns: readonly string[]) =>
  columns.map((c) => (typeof row[c] === 'string' ? (row[c] as string).trimEnd() : row[c])).join('|');

export interface MirrorDiff {
  /** Rows looked at: expected rows plus mirror rows nobody expected. */
  readonly rowsCompared: number;
  /** Missing, unexpected or differing rows. */
  readonly differences: number;
  /** A few differences, for the failure message. */
  readonly samples: readonly string[];
}

/** Row-by-row, column-by-column comparison of two mirror contents, keyed by primary key. */
export function diffMirror(expected: MirrorRows, actual: MirrorRows): MirrorDiff {
  let rowsCompared = 0;
  const samples: string[] = [];
  const note = (message: string) => samples.push(message);
  for (const table of Object.keys(keys) as (keyof MirrorRows)[]) {
    const columns = keys[table];
    const found = new Map(rowsOf(actual[table]).map((row) => [keyOf(row, columns), row]));
    for (const want of rowsOf(expected[table])) {
      rowsCompared++;
      const key = keyOf(want, columns);
      const got = found.get(key);
      found.delete(key);
      if (!got) {
        note(`${table} ${key}: missing from the mirror`);
        continue;
      }
      const changed = Object.keys(want).filter((c) => text(want[c]) !== text(got[c]));
      if (changed.length > 0) note(`${table} ${key}: ${changed.map((c) => `${c} ${text(got[c])} ≠ ${text(want[c])}`).join(', ')}`);
    }
    rowsCompared += found.size;
    for (const key of found.keys()) note(`${table} ${key}: in the mirror but not expected`);
  }
  return { rowsCompared, differences: samples.length, samples: samples.slice(0, 10) };
}

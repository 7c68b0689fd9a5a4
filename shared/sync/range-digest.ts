import type { KeyHash } from './batch-diff';
import type { KeyValues } from './sync-entities';

/** Rows and their digest over a key range: the sum over its rows of 1 + the hash's leading 40 bits, as decimal text. */
export interface RangeDigest {
  readonly count: number;
  readonly digest: string;
}

/** The ERP's digest of the next rows of a scan, with the last key it covered (null when none). */
export interface SpanDigest extends RangeDigest {
  readonly last: KeyValues | null;
}

/** Keys strictly between `after` and `before`; a null bound is open. */
export interface KeyRange {
  readonly after: KeyValues | null;
  readonly before: KeyValues | null;
}

/**
 * Rows per group digest: a changed row costs the (key, hash) pairs of its group, and every row a
 * share of one 6-byte digest; about five rows balances the two for rows of 100–200 bytes.
 */
export const groupRows = 5;

const groupModulus = 2 ** 48;

/**
 * One group's digest as the ERP spells it (range-digest-sql.ts): the sum over its rows of 1 + the
 * hash's leading 48 bits, modulo 2^48, in 12 hex chars. Exact in a double: five such values sum
 * below 2^51. The one keeps a zero hash (a retired customer) from vanishing from the sum.
 */
export function groupDigest(hashes: readonly string[]): string {
  const sum = hashes.reduce((total, hash) => total + parseInt(hash.slice(0, 12), 16) + 1, 0);
  return (sum % groupModulus).toString(16).padStart(12, '0');
}

/** The mirror's rows of a differing run, and the key range the ERP must be read over for it. */
export interface DifferingRun {
  readonly range: KeyRange;
  readonly groups: number;
  readonly mirror: readonly KeyHash[];
}

/**
 * Compares the ERP's group digests of a span with the mirror's rows of the same span, grouped the
 * same way (by position, `groupRows` at a time, in key order). A group with an equal digest holds
 * the same rows on both sides, so the keys around it are the same on both sides too: each run of
 * differing groups lies strictly between the mirror's last key before it and the first key after
 * it. An insert or delete shifts the positions after it, so the run then extends to the span's end.
 */
export function differingRuns(erpGroups: readonly string[], mirror: readonly KeyHash[], after: KeyValues | null): DifferingRun[] {
  const mirrorGroups: KeyHash[][] = [];
  for (let i = 0; i < mirror.length; i += groupRows) mirrorGroups.push(mirror.slice(i, i + groupRows));
  const groups = Math.max(erpGroups.length, mirrorGroups.length);
  const differs = (i: number) => erpGroups[i] !== (mirrorGroups[i] ? groupDigest(mirrorGroups[i].map((m) => m.hash)) : undefined);
  const runs: DifferingRun[] = [];
  for (let i = 0; i < groups; i++) {
    if (!differs(i)) continue;
    let j = i;
    while (j + 1 < groups && differs(j + 1)) j++;
    const before = mirrorGroups[j + 1]?.[0]?.key ?? null;
    const start = i === 0 ? after : (mirrorGroups[i - 1]?.at(-1)?.key ?? null);
    runs.push({ range: { after: start, before }, groups: j - i + 1, mirror: mirrorGroups.slice(i, j + 1).flat() });
    i = j;
  }
  return runs;
}

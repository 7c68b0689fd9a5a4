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
 * Group boundaries come from the rows themselves (content-defined, as rsync and backup tools chunk):
 * a row whose hash ends in one of these hex digits ends its group, so groups hold about 16/3 ≈ 5
 * rows. A row the mirror lacks (an orphan it skips) or keeps (a retired customer) changes only its
 * own group; the groups after it stay aligned. About five rows balances a changed row's cost (its
 * group's (key, hash) pairs) against every row's share of one 6-byte digest.
 */
export const boundaryDigits = ['0', '1', '2'] as const;
export const isBoundary = (hash: string) => (boundaryDigits as readonly string[]).includes(hash.charAt(15));

const groupModulus = 2 ** 48;

/**
 * One group's digest as the ERP spells it (range-digest-sql.ts): the sum over its rows of 1 + the
 * hash's leading 48 bits, modulo 2^48, in 12 hex chars. The one keeps a zero hash (a retired
 * customer) from vanishing from the sum.
 */
export function groupDigest(hashes: readonly string[]): string {
  const sum = hashes.reduce((total, hash) => (total + parseInt(hash.slice(0, 12), 16) + 1) % groupModulus, 0);
  return sum.toString(16).padStart(12, '0');
}

/** (key, hash) pairs in key order, cut into groups after each boundary row. */
export function groupPairs(pairs: readonly KeyHash[]): KeyHash[][] {
  const groups: KeyHash[][] = [];
  let current: KeyHash[] = [];
  for (const pair of pairs) {
    current.push(pair);
    if (isBoundary(pair.hash)) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** A key range where the sides differ: the mirror's rows in it, and how many ERP groups it holds. */
export interface DifferingRegion {
  readonly range: KeyRange;
  readonly mirror: readonly KeyHash[];
  readonly erpGroups: number;
}

/**
 * Matches the ERP's group digests of a span with the mirror's groups in order. A matched group holds
 * the same rows on both sides, so it anchors the keys: whatever lies between two anchors (ERP groups
 * without a match, mirror groups without a match) lies strictly between the mirror's last key of
 * the one and first key of the other, on both sides.
 */
export function differingRegions(erpGroups: readonly string[], mirror: readonly KeyHash[], after: KeyValues | null): DifferingRegion[] {
  const groups = groupPairs(mirror);
  const at = new Map<string, number[]>();
  groups.forEach((group, i) => {
    const digest = groupDigest(group.map((pair) => pair.hash));
    at.set(digest, [...(at.get(digest) ?? []), i]);
  });
  const regions: DifferingRegion[] = [];
  let m = 0;
  let erpUnmatched = 0;
  let lower = after;
  const close = (next: number, before: KeyValues | null) => {
    if (next > m || erpUnmatched > 0) regions.push({ range: { after: lower, before }, mirror: groups.slice(m, next).flat(), erpGroups: erpUnmatched });
  };
  for (const digest of erpGroups) {
    const found = at.get(digest)?.find((i) => i >= m);
    if (found === undefined) {
      erpUnmatched++;
      continue;
    }
    close(found, groups[found]?.[0]?.key ?? null);
    lower = groups[found]?.at(-1)?.key ?? null;
    m = found + 1;
    erpUnmatched = 0;
  }
  close(groups.length, null);
  return regions;
}

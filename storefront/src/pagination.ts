export interface Pagination {
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

export type PageItem = number | 'gap';

export const pageCount = ({ total, pageSize }: Pagination): number => Math.max(1, Math.ceil(total / pageSize));

/** 1-based positions of the first and last row shown; 0–0 for an empty list. */
export function shownRange({ page, pageSize, total }: Pagination): { from: number; to: number } {
  if (total === 0) return { from: 0, to: 0 };
  const from = Math.min(total, (page - 1) * pageSize + 1);
  return { from, to: Math.min(total, page * pageSize) };
}

/**
 * Page links to offer: always the first and last, the current with `radius` neighbours each side,
 * and a gap marker where numbers are skipped (1 … 4 5 6 … 20).
 */
export function pageItems(current: number, count: number, radius = 1): PageItem[] {
  const pages = new Set([1, count]);
  for (let p = current - radius; p <= current + radius; p++) if (p >= 1 && p <= count) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const items: PageItem[] = [];
  sorted.forEach((page, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && page - previous === 2) items.push(previous + 1);
    else if (previous !== undefined && page - previous > 2) items.push('gap');
    items.push(page);
  });
  return items;
}

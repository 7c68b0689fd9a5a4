import { describe, expect, it } from 'vitest';
import { defaultMessages } from '../../storefront/src/messages';
import { pageCount, pageItems, shownRange } from '../../storefront/src/pagination';
import { renderPagination } from '../../storefront/src/render-pagination';
import { textOf, type VElement } from '../../storefront/src/vnode';

describe('pagination math', () => {
  it('counts pages and the rows shown', () => {
    expect(pageCount({ page: 1, pageSize: 20, total: 45 })).toBe(3);
    expect(pageCount({ page: 1, pageSize: 20, total: 0 })).toBe(1);
    expect(shownRange({ page: 3, pageSize: 20, total: 45 })).toEqual({ from: 41, to: 45 });
    expect(shownRange({ page: 1, pageSize: 20, total: 0 })).toEqual({ from: 0, to: 0 });
  });

  it('offers first, last and neighbours, with gaps only where pages are skipped', () => {
    expect(pageItems(1, 3)).toEqual([1, 2, 3]);
    expect(pageItems(5, 20)).toEqual([1, 'gap', 4, 5, 6, 'gap', 20]);
    expect(pageItems(3, 20)).toEqual([1, 2, 3, 4, 'gap', 20]);
    expect(pageItems(20, 20)).toEqual([1, 'gap', 19, 20]);
    expect(pageItems(1, 1)).toEqual([1]);
  });

  it('renders Cornerstone pagination with the current page marked and none for one page', () => {
    const pages: number[] = [];
    const nav = renderPagination({ page: 2, pageSize: 20, total: 45 }, defaultMessages, (p) => pages.push(p)) as VElement;
    expect(nav.attrs['aria-label']).toBe('Pagination');
    const items = (nav.children[0] as VElement).children as VElement[];
    expect(items.map((item) => item.attrs.class)).toEqual([
      'pagination-item pagination-item--previous',
      'pagination-item',
      'pagination-item pagination-item--current',
      'pagination-item',
      'pagination-item pagination-item--next',
    ]);
    expect(textOf(items[2]!)).toBe('2');
    ((items[4]!.children[0] as VElement).on.click as () => void)();
    expect(pages).toEqual([3]);
    expect(renderPagination({ page: 1, pageSize: 20, total: 20 }, defaultMessages, () => undefined)).toBeUndefined();
  });
});

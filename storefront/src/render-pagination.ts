import { fill, type Messages } from './messages';
import { pageCount, pageItems, type Pagination } from './pagination';
import { h, type VElement } from './vnode';

/** Cornerstone's pagination markup, with buttons: paging swaps the table in place, there is no URL. */
export function renderPagination(pagination: Pagination, messages: Messages, onPage: (page: number) => void): VElement | undefined {
  const count = pageCount(pagination);
  if (count <= 1) return undefined;
  const current = Math.min(pagination.page, count);
  const button = (page: number, label: string, ariaLabel?: string) =>
    h('button', { type: 'button', class: 'pagination-link', 'aria-label': ariaLabel, 'on:click': () => onPage(page) }, label);
  return h(
    'nav',
    { class: 'pagination erp-portal-pagination', 'aria-label': messages.pagination },
    h(
      'ul',
      { class: 'pagination-list' },
      current > 1 && h('li', { class: 'pagination-item pagination-item--previous' }, button(current - 1, `‹ ${messages.previous}`)),
      pageItems(current, count).map((item) =>
        item === 'gap'
          ? h('li', { class: 'pagination-item pagination-item--gap', 'aria-hidden': 'true' }, '…')
          : item === current
            ? h(
                'li',
                { class: 'pagination-item pagination-item--current' },
                h('span', { class: 'pagination-link', 'aria-current': 'page' }, String(item)),
              )
            : h('li', { class: 'pagination-item' }, button(item, String(item), fill(messages.page, { page: item }))),
      ),
      current < count && h('li', { class: 'pagination-item pagination-item--next' }, button(current + 1, `${messages.next} ›`)),
    ),
  );
}

import type { Query } from './api-client';
import type { ListResponse } from './api-types';
import { downloadCsv } from './csv-download';
import { listHash, type ListState } from './list-location';
import { fill } from './messages';
import { shownRange } from './pagination';
import { asPortalError, messageFor } from './portal-error';
import { renderFilters, type ListFilters } from './render-filters';
import { renderPagination } from './render-pagination';
import { renderListTable, type TableColumn } from './render-table';
import type { ViewContext } from './view-context';
import { h } from './vnode';

export interface ListView {
  /**
   * Shows the list in `state` (the filters and page the URL names), from the last answer when
   * nothing changed; focuses `focusSelector` after.
   */
  show(focusSelector?: string, state?: ListState): void;
}

/** Paged, filterable list of one tab, with CSV export of everything the filters match. */
export function createListView(context: ViewContext): ListView {
  const { api, config, tab } = context;
  const { messages } = config;
  let page = 1;
  // The URL's hash names the filters and page (show's state), also for a link from another tab.
  let filters: ListFilters = {};
  let last: { key: string; data: ListResponse<string, unknown> } | undefined;

  /** Every order with the row's item, not just the last: the Orders tab's page filtered by `item`. */
  const itemOrdersColumn = (itemOf: (row: unknown) => string): TableColumn<unknown> => ({
    label: messages.ordersWithItem,
    cell: (row) =>
      h('a', { href: `${config.ordersUrl}${listHash('orders', { filters: { item: itemOf(row) }, page: 1 })}`, class: 'erp-portal-item-orders', 'aria-label': `${messages.ordersWithItem}: ${itemOf(row)}` }, messages.view),
  });

  const query = (): Query => ({ page, pageSize: config.pageSize, ...filters });
  const queryKey = () => JSON.stringify(query());

  const download = async (button: HTMLButtonElement) => {
    context.announce(messages.downloading);
    button.disabled = true;
    try {
      await downloadCsv(api, tab.key, filters);
      context.announce(messages.downloaded);
    } catch (error) {
      context.announce(messages[messageFor[asPortalError(error).kind]]);
    } finally {
      button.disabled = false;
    }
  };

  /**
   * Said once, in the status line: "No records match." only where filters (or a page past the end)
   * left nothing; otherwise what there is none of ("No invoices yet.").
   */
  const emptyText = (data: ListResponse<string, unknown>) =>
    Object.keys(filters).length > 0 || data.pagination.total > 0 ? messages.empty : messages[tab.none];

  /** `freshToolbar` re-renders the filters (after Clear, or coming back from a detail). */
  const draw = (data: ListResponse<string, unknown>, focus: string | undefined, freshToolbar: boolean) => {
    const rows = data[tab.key] ?? [];
    const { from, to } = shownRange(data.pagination);
    const buyAgain = rows.length > 0 ? tab.buyAgain?.(rows, messages) : undefined;
    const extra = [...(tab.itemOrders ? [itemOrdersColumn(tab.itemOrders)] : []), ...(buyAgain ? [buyAgain.column] : [])];
    context.show(
      {
        toolbar:
          freshToolbar || !context.root.querySelector('.erp-portal-filters')
            ? renderFilters(tab, context.idPrefix, filters, messages, {
                apply: (next) => load(next, 1),
                clear: () => load({}, 1, '.erp-portal-filters input, .erp-portal-filters select', true),
                download: (button) => void download(button),
              })
            : undefined,
        body: [
          h(
            'div',
            { class: rows.length === 0 ? 'erp-portal-results erp-portal-empty' : 'erp-portal-results' },
            buyAgain?.bar,
            rows.length === 0 ? null : renderListTable(tab, rows, messages, extra),
            renderPagination(data.pagination, messages, (next) => load(filters, next, '.erp-portal-table')),
          ),
        ],
      },
      focus,
    );
    context.announce(rows.length === 0 ? emptyText(data) : fill(messages.showing, { from, to, total: data.pagination.total }));
  };

  async function load(nextFilters: ListFilters, nextPage: number, focus?: string, freshToolbar = false) {
    filters = nextFilters;
    page = nextPage;
    context.locate(listHash(tab.key, { filters, page }));
    const ticket = context.begin();
    context.announce(messages.loading);
    context.root.querySelector('.erp-portal-results')?.setAttribute('aria-busy', 'true');
    try {
      const data = await api.get<ListResponse<string, unknown>>(`/${tab.key}`, query());
      if (!context.isCurrent(ticket)) return;
      last = { key: queryKey(), data };
      draw(data, focus, freshToolbar);
    } catch (error) {
      if (context.isCurrent(ticket)) context.fail(error, () => void load(filters, page, focus, true));
    }
  }

  return {
    show(focus, state) {
      if (state) {
        filters = state.filters;
        page = state.page;
      }
      if (last && last.key === queryKey()) {
        context.begin();
        draw(last.data, focus, true);
      } else {
        void load(filters, page, focus, true);
      }
    },
  };
}

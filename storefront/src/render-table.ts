import type { Messages } from './messages';
import { detailHash, type TabDefinition } from './tab-definitions';
import { h, type VElement, type VNode } from './vnode';

export interface TableColumn<T> {
  readonly label: string;
  readonly numeric?: boolean;
  cell(row: T): VNode;
}

/**
 * A real data table: visually hidden caption, `th scope="col"` headings, the first cell a row
 * header, and `data-label` on every cell so the phone layout can stack rows as labelled cards.
 */
export function renderDataTable<T>(caption: string, columns: readonly TableColumn<T>[], rows: readonly T[]): VElement {
  const numeric = (column: TableColumn<T>) => (column.numeric ? 'erp-portal-numeric' : undefined);
  return h(
    'table',
    { class: 'table erp-portal-table' },
    h('caption', { class: 'u-hiddenVisually' }, caption),
    h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col', class: numeric(column) }, column.label)))),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          {},
          columns.map((column, index) =>
            h(index === 0 ? 'th' : 'td', { scope: index === 0 ? 'row' : undefined, class: numeric(column), 'data-label': column.label }, column.cell(row)),
          ),
        ),
      ),
    ),
  );
}

/** A tab's list; where rows have a detail, the first cell links to it; `extra` columns go last. */
export function renderListTable<T>(tab: TabDefinition<T>, rows: readonly T[], messages: Messages, extra: readonly TableColumn<T>[] = []): VElement {
  const columns = tab.columns.map(
    (column, index): TableColumn<T> => ({
      label: messages[column.label],
      numeric: column.numeric,
      cell: (row) => {
        const content = column.cell(row, messages);
        return index === 0 && tab.detail ? h('a', { href: detailHash(tab.detail(row)), class: 'erp-portal-open' }, content) : content;
      },
    }),
  );
  return renderDataTable(messages[tab.caption], [...columns, ...extra], rows);
}

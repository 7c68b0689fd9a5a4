import type { Messages } from './messages';
import { detailHash, type TabDefinition } from './tab-definitions';
import { h, type VElement, type VNode } from './vnode';

export interface TableColumn<T> {
  readonly label: string;
  readonly numeric?: boolean;
  /** A class for the column's cells (the Buy again column, which print leaves out). */
  readonly className?: string;
  cell(row: T): VNode;
}

/** Totals under one column: each a row whose label spans the columns before it, the last the grand total. */
export interface TableTotals {
  readonly column: number;
  readonly rows: readonly (readonly [label: string, value: string])[];
}

function totalsFooter(totals: TableTotals, width: number): VElement {
  const after = width - totals.column - 1;
  return h(
    'tfoot',
    { class: 'erp-portal-totals' },
    totals.rows.map(([label, value], index) =>
      h(
        'tr',
        { class: index === totals.rows.length - 1 ? 'erp-portal-total erp-portal-grand-total' : 'erp-portal-total' },
        h('th', { scope: 'row', colspan: totals.column, class: 'erp-portal-numeric' }, label),
        h('td', { class: 'erp-portal-numeric', 'data-label': label }, value),
        after > 0 ? h('td', { colspan: after, class: 'erp-portal-total-rest' }) : null,
      ),
    ),
  );
}

/**
 * A real data table: visually hidden caption, `th scope="col"` headings, the first cell a row
 * header, and `data-label` on every cell so the phone layout can stack rows as labelled cards.
 * Totals, where given, sit in the table's foot, so each figure is right under its column.
 */
export function renderDataTable<T>(caption: string, columns: readonly TableColumn<T>[], rows: readonly T[], totals?: TableTotals): VElement {
  const cellClass = (column: TableColumn<T>) => [column.numeric ? 'erp-portal-numeric' : '', column.className ?? ''].filter(Boolean).join(' ') || undefined;
  return h(
    'table',
    { class: 'table erp-portal-table' },
    h('caption', { class: 'u-hiddenVisually' }, caption),
    h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col', class: cellClass(column) }, column.label)))),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          {},
          columns.map((column, index) =>
            h(index === 0 ? 'th' : 'td', { scope: index === 0 ? 'row' : undefined, class: cellClass(column), 'data-label': column.label }, column.cell(row)),
          ),
        ),
      ),
    ),
    totals ? totalsFooter(totals, columns.length) : null,
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

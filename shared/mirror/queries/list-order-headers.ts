import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { SqlDialectName } from '../../db/schema/column-types';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import type { RowWindow } from '../../portal/row-window';
import { orderHeaderColumns } from './order-header-columns';
import { orderFilterExpression, type OrderFilter } from './order-filter';

type HeaderBuilder = ExpressionBuilder<MirrorDatabase, 'ord_hedr'>;

/** The header's line count and money totals: vw_order_summary seeked on the header's order_no. */
const totalsOf = (eb: HeaderBuilder) =>
  eb
    .selectFrom('vw_order_summary')
    .select(['vw_order_summary.line_count', 'vw_order_summary.subtotal', 'vw_order_summary.shipped_value', 'vw_order_summary.total'])
    .whereRef('vw_order_summary.order_no', '=', 'ord_hedr.order_no');

/** Ordered and shipped quantities of the header, summed over its lines (0 when it has none). */
const quantitiesOf = (eb: HeaderBuilder) =>
  eb
    .selectFrom('ord_detl')
    .select((line) => [
      sql<number>`cast(coalesce(sum(${line.ref('ord_detl.ord_qty')}), 0) as int)`.as('ordered'),
      sql<number>`cast(coalesce(sum(${line.ref('ord_detl.qty_shipd')}), 0) as int)`.as('shipped'),
    ])
    .whereRef('ord_detl.order_no', '=', 'ord_hedr.order_no');

/**
 * Joins a per-row subquery so the page and its figures are one statement. SQL Server spells it
 * OUTER APPLY; Postgres a lateral join, whose OFFSET 0 keeps the subquery from being flattened into
 * the outer query, which would trade the per-row index seek for a hash aggregate over the whole view.
 */
function withTotals<O>(query: SelectQueryBuilder<MirrorDatabase, 'ord_hedr', O>, dialect: SqlDialectName) {
  return dialect === 'mssql'
    ? query.outerApply((eb) => totalsOf(eb).as('totals'))
    : query.leftJoinLateral((eb) => totalsOf(eb).offset(sql.lit(0)).as('totals'), (join) => join.onTrue());
}

function withQuantities<O>(query: SelectQueryBuilder<MirrorDatabase, 'ord_hedr', O>, dialect: SqlDialectName) {
  return dialect === 'mssql'
    ? query.outerApply((eb) => quantitiesOf(eb).as('quantities'))
    : query.leftJoinLateral((eb) => quantitiesOf(eb).offset(sql.lit(0)).as('quantities'), (join) => join.onTrue());
}

/**
 * One page of a customer's headers, newest first, each with its totals (and for shipments its
 * line quantities) in the same statement. Orders and quotes sort on the ix_ord_hedr_cust_date key
 * (cust_no, order_dt desc, order_no desc), so the page is an index seek plus a range read, never a
 * sort of the customer's history. The figures are read row by row as the range is read: for the
 * page's rows, and on a deep page also for the rows its offset skips.
 */
export function listOrderHeaders(db: Kysely<MirrorDatabase>, filter: OrderFilter, window: RowWindow, dialect: SqlDialectName) {
  let query = withTotals(db.selectFrom('ord_hedr'), dialect)
    .select(orderHeaderColumns)
    .select(['totals.line_count', 'totals.subtotal', 'totals.shipped_value', 'totals.total'])
    .$if(filter.kind === 'shipments', (q) => withQuantities(q, dialect).select(['quantities.ordered', 'quantities.shipped']))
    .where((eb) => orderFilterExpression(eb, filter));
  if (filter.kind === 'shipments') query = query.orderBy('ship_date', 'desc');
  if (filter.kind === 'invoices') query = query.orderBy('inv_date', 'desc').orderBy('inv_no', 'desc');
  if (filter.kind === 'orders' || filter.kind === 'quotes') query = query.orderBy('order_dt', 'desc');
  return query.orderBy('order_no', 'desc').offset(window.offset).fetch(window.fetch).execute();
}

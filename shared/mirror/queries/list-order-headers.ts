import type { Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import type { RowWindow } from '../../portal/row-window';
import { orderHeaderColumns } from './order-header-columns';
import { orderFilterExpression, type OrderFilter } from './order-filter';

/**
 * One page of a customer's headers, newest first. Orders and quotes sort on the
 * ix_ord_hedr_cust_date key (cust_no, order_dt desc, order_no desc), so the page is an index seek
 * plus a range read, never a sort of the customer's history.
 */
export function listOrderHeaders(db: Kysely<MirrorDatabase>, filter: OrderFilter, window: RowWindow) {
  let query = db
    .selectFrom('ord_hedr')
    .select(orderHeaderColumns)
    .where((eb) => orderFilterExpression(eb, filter));
  if (filter.kind === 'shipments') query = query.orderBy('ship_date', 'desc');
  if (filter.kind === 'invoices') query = query.orderBy('inv_date', 'desc').orderBy('inv_no', 'desc');
  if (filter.kind === 'orders' || filter.kind === 'quotes') query = query.orderBy('order_dt', 'desc');
  return query.orderBy('order_no', 'desc').offset(window.offset).fetch(window.fetch).execute();
}

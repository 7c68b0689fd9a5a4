import type { Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import { orderHeaderColumns } from './order-header-columns';

/**
 * One order header by number, confined to a customer when `custNo` is given: another customer's
 * order reads exactly like a missing one.
 */
export function findOrderHeader(db: Kysely<MirrorDatabase>, orderNo: number, custNo: string | undefined) {
  let query = db.selectFrom('ord_hedr').select(orderHeaderColumns).where('order_no', '=', orderNo);
  if (custNo !== undefined) query = query.where('cust_no', '=', custNo);
  return query.executeTakeFirst();
}

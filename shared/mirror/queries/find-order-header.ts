import type { Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import { orderHeaderColumns } from './order-header-columns';

/** One of a customer's order headers by number: another customer's order reads exactly like a missing one. */
export function findOrderHeader(db: Kysely<MirrorDatabase>, orderNo: number, custNo: string) {
  return db
    .selectFrom('ord_hedr')
    .select(orderHeaderColumns)
    .where('order_no', '=', orderNo)
    .where('cust_no', '=', custNo)
    .executeTakeFirst();
}

import type { Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';

export interface LinkedCustomer {
  readonly custNo: string;
  readonly name: string;
  readonly bcCustomerId: number;
}

/** The first `count` linked customers that have orders: the demo page's login choices. */
export function linkedCustomersWithOrders(db: Kysely<MirrorDatabase>, count: number) {
  return db
    .selectFrom('customer_link as l')
    .innerJoin('customer as c', 'c.cust_no', 'l.cust_no')
    .where(({ exists, selectFrom }) => exists(selectFrom('ord_hedr as h').select('h.order_no').whereRef('h.cust_no', '=', 'l.cust_no')))
    .select(['l.cust_no', 'c.cust_name', 'l.bc_customer_id'])
    .orderBy('l.bc_customer_id')
    .offset(0)
    .fetch(count);
}

export async function listLinkedCustomers(db: Kysely<MirrorDatabase>, count: number): Promise<LinkedCustomer[]> {
  const rows = await linkedCustomersWithOrders(db, count).execute();
  return rows.map((row) => ({
    custNo: row.cust_no.trim(),
    name: row.cust_name?.trim() || row.cust_no.trim(),
    bcCustomerId: row.bc_customer_id,
  }));
}

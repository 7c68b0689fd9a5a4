import type { Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';

/** The BigCommerce customer id linked to an ERP customer (lowest, when several are). */
export async function findCustomerLink(db: Kysely<MirrorDatabase>, custNo: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('customer_link')
    .select('bc_customer_id')
    .where('cust_no', '=', custNo)
    .orderBy('bc_customer_id')
    .offset(0)
    .fetch(1)
    .executeTakeFirst();
  return row?.bc_customer_id;
}

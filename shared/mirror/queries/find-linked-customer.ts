import type { Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';

/** ERP customer number linked to a BigCommerce customer id, trimmed of CHAR padding. */
export async function findLinkedCustomer(db: Kysely<MirrorDatabase>, bcCustomerId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('customer_link')
    .select('cust_no')
    .where('bc_customer_id', '=', bcCustomerId)
    .executeTakeFirst();
  return row?.cust_no.trimEnd();
}

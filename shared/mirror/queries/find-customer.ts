import type { Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';

/** One customer by ERP number. */
export function findCustomer(db: Kysely<MirrorDatabase>, custNo: string) {
  return db
    .selectFrom('customer')
    .select(['cust_no', 'cust_name', 'cust_addr1', 'cust_city', 'cust_state', 'cust_zip', 'cust_phone', 'active'])
    .where('cust_no', '=', custNo)
    .executeTakeFirst();
}

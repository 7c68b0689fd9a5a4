import type { Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';

/** The lowest ERP customer number in the mirror (for the dev host's example call). */
export async function firstCustomer(db: Kysely<MirrorDatabase>): Promise<string | undefined> {
  const row = await db.selectFrom('customer').select('cust_no').orderBy('cust_no').offset(0).fetch(1).executeTakeFirst();
  return row?.cust_no.trimEnd();
}

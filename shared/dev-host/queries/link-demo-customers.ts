import { sql, type Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';

/** First demo BigCommerce customer id: the n-th ERP customer by cust_no gets `demoBcIdBase + n`. */
export const demoBcIdBase = 1000;

/**
 * Demo mode only: links every mirrored ERP customer to a demo BigCommerce id, deterministically
 * (1001 for the lowest cust_no, 1002 for the next, …). Rebuilt in one transaction on each start so
 * the mapping follows the current customer set.
 */
export async function linkDemoCustomers(db: Kysely<MirrorDatabase>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('customer_link').execute();
    const result = await trx
      .insertInto('customer_link')
      .columns(['bc_customer_id', 'cust_no', 'updated_at'])
      .expression(
        trx
          .selectFrom('customer')
          .select([
            sql<number>`${sql.lit(demoBcIdBase)} + row_number() over (order by cust_no)`.as('bc_customer_id'),
            'cust_no',
            sql<Date>`current_timestamp`.as('updated_at'),
          ]),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  });
}

import { sql, type Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import type { CustomerLinkStageTables } from './customer-link-stage';

export type StagedDatabase = MirrorDatabase & CustomerLinkStageTables;

/** Staged links that are new, and those that now point at another ERP customer. */
export function countIncomingLinks(db: Kysely<StagedDatabase>) {
  return db
    .selectFrom('#customer_link_stage as s')
    .leftJoin('customer_link as l', 'l.bc_customer_id', 's.bc_customer_id')
    .select([
      sql<number>`coalesce(sum(case when l.bc_customer_id is null then 1 else 0 end), 0)`.as('inserted'),
      sql<number>`coalesce(sum(case when l.cust_no <> s.cust_no then 1 else 0 end), 0)`.as('updated'),
    ]);
}

/** Links whose BigCommerce customer no longer carries an ERP number. */
export function countVanishedLinks(db: Kysely<StagedDatabase>) {
  return db
    .selectFrom('customer_link as l')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('#customer_link_stage as s').select('s.bc_customer_id').whereRef('s.bc_customer_id', '=', 'l.bc_customer_id'),
        ),
      ),
    )
    .select(({ fn }) => fn.countAll<number>().as('removed'));
}

/** One statement that inserts, re-points and deletes, so the table is never briefly empty. */
export function mergeStagedLinks(db: Kysely<StagedDatabase>, now: Date) {
  return db
    .mergeInto('customer_link as t')
    .using('#customer_link_stage as s', 't.bc_customer_id', 's.bc_customer_id')
    .whenMatchedAndRef('t.cust_no', '<>', 's.cust_no')
    .thenUpdateSet((eb) => ({ cust_no: eb.ref('s.cust_no'), updated_at: now }))
    .whenNotMatched()
    .thenInsertValues((eb) => ({
      bc_customer_id: eb.ref('s.bc_customer_id'),
      cust_no: eb.ref('s.cust_no'),
      updated_at: now,
    }))
    .whenNotMatchedBySource()
    .thenDelete();
}

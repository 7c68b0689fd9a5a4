import type { Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';

export interface ShowcaseCustomer {
  readonly custNo: string;
  readonly name: string;
}

/**
 * The customer the dev host's examples use: an active one with quotes and invoices, and of those the
 * one with the most orders (ties to the lowest cust_no), so the first call a new user pastes returns
 * orders, invoices, quotes and purchased products. Deterministic for a given mirror.
 */
export async function showcaseCustomer(db: Kysely<MirrorDatabase>, quoteTypes: readonly string[]): Promise<ShowcaseCustomer | undefined> {
  const row = await db
    .selectFrom('ord_hedr as h')
    .innerJoin('customer as c', 'c.cust_no', 'h.cust_no')
    .where('c.active', '=', true)
    .groupBy(['c.cust_no', 'c.cust_name'])
    .having((eb) => eb.fn.sum(eb.case().when('h.ord_type', 'in', [...quoteTypes]).then(1).else(0).end()), '>', 0)
    .having((eb) => eb.fn.count('h.inv_no'), '>', 0)
    .select(['c.cust_no', 'c.cust_name'])
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .orderBy('c.cust_no')
    .offset(0)
    .fetch(1)
    .executeTakeFirst();
  return row && { custNo: row.cust_no.trim(), name: row.cust_name?.trim() || row.cust_no.trim() };
}

import { sql, type Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import { purchasedProducts, type ProductFilter } from './purchased-products';

/** How many items a products filter matches (the pagination total). */
export async function countPurchasedProducts(db: Kysely<MirrorDatabase>, filter: ProductFilter): Promise<number> {
  const row = await db
    .selectFrom(purchasedProducts(db, filter).as('p'))
    .select(sql<number>`cast(count(*) as int)`.as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

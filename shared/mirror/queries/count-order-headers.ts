import { sql, type Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import { orderFilterExpression, type OrderFilter } from './order-filter';

/** How many headers a list filter matches (the pagination total). */
export async function countOrderHeaders(db: Kysely<MirrorDatabase>, filter: OrderFilter): Promise<number> {
  const row = await db
    .selectFrom('ord_hedr')
    .select(sql<number>`cast(count(*) as int)`.as('total'))
    .where((eb) => orderFilterExpression(eb, filter))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

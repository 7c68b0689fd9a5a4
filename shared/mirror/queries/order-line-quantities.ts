import { sql, type Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import { idChunks } from './id-chunks';

export interface LineQuantities {
  readonly ordered: number;
  readonly shipped: number;
}

/** Ordered and shipped quantities per order, summed over its lines. */
export async function orderLineQuantities(
  db: Kysely<MirrorDatabase>,
  orderNos: readonly number[],
): Promise<ReadonlyMap<number, LineQuantities>> {
  const quantities = new Map<number, LineQuantities>();
  for (const chunk of idChunks(orderNos)) {
    const rows = await db
      .selectFrom('ord_detl')
      .select([
        'order_no',
        sql<number>`cast(coalesce(sum(ord_qty), 0) as int)`.as('ordered'),
        sql<number>`cast(coalesce(sum(qty_shipd), 0) as int)`.as('shipped'),
      ])
      .where('order_no', 'in', chunk)
      .groupBy('order_no')
      .execute();
    for (const row of rows) quantities.set(row.order_no, { ordered: Number(row.ordered), shipped: Number(row.shipped) });
  }
  return quantities;
}

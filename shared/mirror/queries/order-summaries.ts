import type { Kysely } from 'kysely';
import type { MirrorDatabase, OrderSummaryView } from '../../db/schema/mirror-tables';
import { idChunks } from './id-chunks';

/** Line counts and money totals of the given orders (vw_order_summary; the filter reaches its group by). */
export async function orderSummaries(
  db: Kysely<MirrorDatabase>,
  orderNos: readonly number[],
): Promise<ReadonlyMap<number, OrderSummaryView>> {
  const summaries = new Map<number, OrderSummaryView>();
  for (const chunk of idChunks(orderNos)) {
    const rows = await db
      .selectFrom('vw_order_summary')
      .select(['order_no', 'line_count', 'subtotal', 'shipped_value', 'total'])
      .where('order_no', 'in', chunk)
      .execute();
    for (const row of rows) summaries.set(row.order_no, row);
  }
  return summaries;
}

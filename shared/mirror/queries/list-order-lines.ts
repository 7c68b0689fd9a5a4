import type { Kysely } from 'kysely';
import type { ErpOrderLineRow } from '../../db/schema/erp-tables';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import { idChunks } from './id-chunks';
import { reorderColumns, reorderJoin, type ReorderColumns, type ReorderMatch } from './reorder-join';

export type OrderLineRow = ErpOrderLineRow & ReorderColumns;

/** The lines of the given orders, in order and line sequence, each with its catalog variant (reorder data). */
export async function listOrderLines(db: Kysely<MirrorDatabase>, orderNos: readonly number[], match: ReorderMatch): Promise<OrderLineRow[]> {
  const lines: OrderLineRow[] = [];
  for (const chunk of idChunks(orderNos)) {
    const rows = await db
      .selectFrom('ord_detl as d')
      .leftJoin('catalog_variant as cv', reorderJoin('d.item_no', match))
      .select(['d.order_no', 'd.lin_no', 'd.item_no', 'd.item_desc', 'd.ord_qty', 'd.qty_shipd', 'd.unit_price', 'd.status', ...reorderColumns])
      .where('d.order_no', 'in', chunk)
      .orderBy('d.order_no')
      .orderBy('d.lin_no')
      .execute();
    lines.push(...(rows as OrderLineRow[]));
  }
  return lines;
}

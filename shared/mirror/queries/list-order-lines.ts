import type { Kysely } from 'kysely';
import type { ErpOrderLineRow } from '../../db/schema/erp-tables';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import { idChunks } from './id-chunks';

/** The lines of the given orders, in order and line sequence. */
export async function listOrderLines(db: Kysely<MirrorDatabase>, orderNos: readonly number[]): Promise<ErpOrderLineRow[]> {
  const lines: ErpOrderLineRow[] = [];
  for (const chunk of idChunks(orderNos)) {
    const rows = await db
      .selectFrom('ord_detl')
      .select(['order_no', 'lin_no', 'item_no', 'item_desc', 'ord_qty', 'qty_shipd', 'unit_price', 'status'])
      .where('order_no', 'in', chunk)
      .orderBy('order_no')
      .orderBy('lin_no')
      .execute();
    lines.push(...rows);
  }
  return lines;
}

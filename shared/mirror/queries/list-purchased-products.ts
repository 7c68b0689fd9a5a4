import type { Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import type { RowWindow } from '../../portal/row-window';
import { purchasedProducts, type ProductFilter, type PurchasedProductRow } from './purchased-products';
import { reorderColumns, reorderJoin, type ReorderColumns, type ReorderMatch } from './reorder-join';

export type ProductPageRow = PurchasedProductRow & ReorderColumns;

/**
 * One page of the customer's purchased items, most recently ordered first; the last order number
 * and then the item number break ties, so pages never overlap or skip an item. Each item carries
 * its catalog variant (reorder data), joined after grouping so the catalog never splits an item
 * and only the page's items seek the catalog.
 */
export async function listPurchasedProducts(
  db: Kysely<MirrorDatabase>,
  filter: ProductFilter,
  window: RowWindow,
  match: ReorderMatch,
): Promise<ProductPageRow[]> {
  const rows = await db
    .selectFrom(purchasedProducts(db, filter).as('p'))
    .leftJoin('catalog_variant as cv', reorderJoin('p.item_no', match))
    .selectAll('p')
    .select(reorderColumns)
    .orderBy('p.last_order_dt', 'desc')
    .orderBy('p.last_order_no', 'desc')
    .orderBy('p.item_no')
    .offset(window.offset)
    .fetch(window.fetch)
    .execute();
  return rows as ProductPageRow[];
}

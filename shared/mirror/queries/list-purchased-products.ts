import type { Kysely } from 'kysely';
import type { MirrorDatabase } from '../../db/schema/mirror-tables';
import type { RowWindow } from '../../portal/row-window';
import { purchasedProducts, type ProductFilter } from './purchased-products';

/**
 * One page of the customer's purchased items, most recently ordered first; the last order number
 * and then the item number break ties, so pages never overlap or skip an item.
 */
export function listPurchasedProducts(db: Kysely<MirrorDatabase>, filter: ProductFilter, window: RowWindow) {
  return purchasedProducts(db, filter)
    .orderBy('last_order_dt', 'desc')
    .orderBy('last_order_no', 'desc')
    .orderBy('item_no')
    .offset(window.offset)
    .fetch(window.fetch)
    .execute();
}

import type { ProductPageRow } from '../mirror/queries/list-purchased-products';
import type { ProductDto } from './dto-schemas';
import { isoDate, trimmed } from './map-values';
import { toReorder } from './reorder-dto';

/** One purchased item as the API shows it; a column the query adds becomes one more field here. */
export function toProductDto(row: ProductPageRow): ProductDto {
  return {
    itemNo: row.item_no,
    description: trimmed(row.item_desc),
    timesOrdered: Number(row.times_ordered),
    totalQuantity: Number(row.total_quantity),
    lastOrderDate: isoDate(row.last_order_dt),
    lastOrderId: Number(row.last_order_no),
    lastUnitPrice: row.last_unit_price,
    lastQuantity: row.last_quantity === null ? null : Number(row.last_quantity),
    ...toReorder(row),
  };
}

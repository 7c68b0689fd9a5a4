import { countPurchasedProducts } from '../mirror/queries/count-purchased-products';
import { listPurchasedProducts } from '../mirror/queries/list-purchased-products';
import type { ProductDto } from './dto-schemas';
import { countExport, pageTotal, type ListPage, type ListWindow } from './list-service';
import { toProductDto } from './map-product';
import type { PortalContext } from './portal-context';

export interface ProductListFilter {
  readonly custNo: string;
  readonly q?: string | undefined;
}

/**
 * A page of the items the customer has bought, plus the total, on the header lists' terms: one
 * statement for a page that is not full, a count only after a full one, and an export counted
 * (and refused over its limit) before any row is read.
 */
export async function listCustomerProducts(context: PortalContext, filter: ProductListFilter, window: ListWindow): Promise<ListPage<ProductDto>> {
  const { db, dialect } = await context.mirror();
  const full = { custNo: filter.custNo, quoteTypes: context.quoteTypes, ...(filter.q !== undefined ? { q: filter.q } : {}) };
  const count = () => countPurchasedProducts(db, full);
  const counted = await countExport(window, count, 'narrow q');
  const rows = await listPurchasedProducts(db, full, window, { dialect, skuMatch: context.skuMatch });
  return { items: rows.map(toProductDto), total: counted ?? (await pageTotal(rows.length, window, count)) };
}

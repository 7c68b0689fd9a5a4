import { z } from 'zod';
import type { BigCommerceClient } from './bigcommerce-client';
import { BigCommerceShapeError } from './customer-attributes';
import { pagination } from './customer-attributes';

/**
 * One item of BigCommerce's "Get all variants" (`GET /v3/catalog/variants`, operationId getVariants
 * in reference/catalog/product-variants_catalog.v3.yml of bigcommerce/docs): the fields reorder data
 * needs. `purchasing_disabled` is the only availability the variant carries; the product's own
 * `availability` is not in this answer (see syncCatalogVariants). Extra fields are ignored.
 */
const variant = z.object({
  id: z.number().int(),
  product_id: z.number().int(),
  sku: z.string().nullable().optional(),
  purchasing_disabled: z.boolean(),
});

const variantsPage = z.object({ data: z.array(variant), meta: z.object({ pagination }) });

export interface CatalogVariant {
  readonly variantId: number;
  readonly productId: number;
  readonly sku: string;
  readonly purchasingDisabled: boolean;
}

/** The reference's page-size maximum for catalog collections. */
const pageSize = 250;
const path = '/catalog/variants';

function parsePage(body: unknown, page: number) {
  const parsed = variantsPage.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  throw new BigCommerceShapeError(`BigCommerce GET ${path} page ${page} has an unexpected shape (${issues.join('; ')}); the catalog was not changed`);
}

/**
 * Every variant in the catalog, a page at a time. Throws (never truncates) when a page fails, has
 * an unknown shape, or the pages do not add up to the collection's total: a short read would drop
 * every variant it missed from the mirror.
 */
export async function* catalogVariants(client: BigCommerceClient): AsyncGenerator<CatalogVariant[]> {
  const seen = new Set<number>();
  for (let page = 1; ; page++) {
    const query = { page, limit: pageSize, include_fields: 'product_id,sku,purchasing_disabled' };
    const body = parsePage(await client.getJson(path, query), page);
    const meta = body.meta.pagination;
    if (meta.current_page !== page || meta.count !== body.data.length) {
      throw new BigCommerceShapeError(
        `BigCommerce GET ${path} asked for page ${page}, got page ${meta.current_page} with ${body.data.length} of ${meta.count} items; the catalog was not changed`,
      );
    }
    for (const row of body.data) seen.add(row.id);
    yield body.data.map((row) => ({
      variantId: row.id,
      productId: row.product_id,
      sku: row.sku ?? '',
      purchasingDisabled: row.purchasing_disabled,
    }));
    if (page >= meta.total_pages) {
      if (seen.size < meta.total) {
        throw new BigCommerceShapeError(
          `BigCommerce GET ${path} listed ${meta.total} variants but its pages held ${seen.size} (catalog changed while reading?); the catalog was not changed, the next run retries`,
        );
      }
      return;
    }
    if (body.data.length === 0) {
      throw new BigCommerceShapeError(`BigCommerce GET ${path} page ${page} of ${meta.total_pages} is empty; the catalog was not changed`);
    }
  }
}

/**
 * Bodies shaped like BigCommerce's documented examples, for the demo's stand-ins (and the tests'
 * fakes): a stand-in that answers in the documented shape exercises the real client code.
 */

export interface VariantFacts {
  readonly id: number;
  readonly productId: number;
  readonly sku: string;
  readonly purchasingDisabled: boolean;
}

/**
 * One catalog variant as in the example of "Get all product variants" (getProductVariants in
 * reference/catalog/product-variants_catalog.v3.yml of bigcommerce/docs, its first item: id 382,
 * product_id 192, sku SMIT, …); "Get all variants" (getVariants) returns the same item schema.
 */
export function variantBody(variant: VariantFacts) {
  return {
    id: variant.id,
    product_id: variant.productId,
    sku: variant.sku,
    sku_id: variant.id,
    price: 10,
    calculated_price: 10,
    sale_price: 8,
    retail_price: 10,
    map_price: {},
    weight: 4,
    calculated_weight: 2,
    width: 5,
    height: 5,
    depth: 5,
    is_free_shipping: false,
    fixed_cost_shipping_price: 10,
    purchasing_disabled: variant.purchasingDisabled,
    purchasing_disabled_message: variant.purchasingDisabled ? 'Call us to order this item.' : '',
    image_url: '',
    cost_price: 0,
    upc: '',
    mpn: '',
    gtin: '',
    inventory_level: 0,
    inventory_warning_level: 0,
    bin_picking_number: '',
    option_values: [],
  };
}

/**
 * A collection page: `data` plus `meta.pagination` as the reference's `pagination_Full` schema and
 * its example (`links.current: '?page=1&limit=50'`). `limit` is capped at `maxPageSize`, as the API does.
 */
export function collectionPage<T>(rows: readonly T[], query: URLSearchParams, maxPageSize: number) {
  const limit = Math.max(1, Math.min(maxPageSize, Number(query.get('limit') ?? 50) || 50));
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const totalPages = Math.ceil(rows.length / limit);
  const data = rows.slice((page - 1) * limit, page * limit);
  const link = (n: number) => `?page=${n}&limit=${limit}`;
  return {
    data,
    meta: {
      pagination: {
        total: rows.length,
        count: data.length,
        per_page: limit,
        current_page: page,
        total_pages: totalPages,
        links: { ...(page > 1 ? { previous: link(page - 1) } : {}), current: link(page), ...(page < totalPages ? { next: link(page + 1) } : {}) },
      },
    },
  };
}

/** The reference's `ErrorResponse` schema (and the Storefront Cart API's `CartConflictErrorResponse` example): `status`, `title`, `type`. */
export function errorBody(status: number, title: string) {
  return { status, title, type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes' };
}

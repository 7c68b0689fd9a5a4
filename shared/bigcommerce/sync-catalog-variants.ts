import type { BigCommerceClient } from './bigcommerce-client';
import { catalogVariants, type CatalogVariant } from './catalog-variants';
import { skuKey, type SkuMatch } from './sku-key';

/** One row of the catalog mirror: the variant an ERP item number reorders as. */
export interface CatalogVariantInput {
  readonly sku: string;
  readonly productId: number;
  readonly variantId: number;
  readonly purchasable: boolean;
}

export interface CatalogWriteResult {
  readonly inserted: number;
  readonly updated: number;
  readonly removed: number;
}

export interface CatalogSyncSummary extends CatalogWriteResult {
  /** Variants BigCommerce listed. */
  readonly read: number;
  /** SKU keys now in the mirror. */
  readonly mapped: number;
  readonly purchasable: number;
  /**
   * Variants with a SKU no ERP item number can equal (over 25 characters, not printable ASCII). A blank
   * SKU is skipped without being counted: nothing matches it, and it is no fault of the catalog.
   */
  readonly unmatchable: number;
  /** Variants that share a SKU key with another one (only one of them is kept, see `better`). */
  readonly duplicates: number;
}

export interface CatalogSyncDependencies {
  readonly client: BigCommerceClient;
  readonly skuMatch: SkuMatch;
  /** Replaces the whole catalog mirror with a complete set. */
  readonly writeVariants: (variants: readonly CatalogVariantInput[]) => Promise<CatalogWriteResult>;
}

const toInput = (key: string, variant: CatalogVariant): CatalogVariantInput => ({
  sku: key,
  productId: variant.productId,
  variantId: variant.variantId,
  purchasable: !variant.purchasingDisabled,
});

/** Of two variants with one key, the purchasable one, then the lower variant id: the same choice every run. */
const better = (a: CatalogVariantInput, b: CatalogVariantInput) =>
  a.purchasable !== b.purchasable ? (a.purchasable ? a : b) : a.variantId <= b.variantId ? a : b;

/**
 * Reads every catalog variant and makes `catalog_variant` match. A variant is purchasable when its
 * `purchasing_disabled` is false. The product's `availability` (disabled, preorder) is not part of
 * the variants answer and is not read: a product the store has disabled is refused by the cart
 * API, and the storefront shows that refusal on its line. Any read failure throws before the
 * write, so a partial read never removes variants.
 */
export async function syncCatalogVariants(deps: CatalogSyncDependencies): Promise<CatalogSyncSummary> {
  const byKey = new Map<string, CatalogVariantInput>();
  let read = 0;
  let unmatchable = 0;
  let duplicates = 0;
  for await (const page of catalogVariants(deps.client)) {
    for (const variant of page) {
      read++;
      const key = skuKey(variant.sku, deps.skuMatch);
      if (key === undefined) {
        // Base variants of products with options often carry no SKU: nothing to match, not an error.
        if (variant.sku.trim() !== '') unmatchable++;
        continue;
      }
      const input = toInput(key, variant);
      const existing = byKey.get(key);
      if (existing) duplicates++;
      byKey.set(key, existing ? better(existing, input) : input);
    }
  }
  const variants = [...byKey.values()];
  const written = await deps.writeVariants(variants);
  return {
    read,
    mapped: variants.length,
    purchasable: variants.filter((v) => v.purchasable).length,
    unmatchable,
    duplicates,
    ...written,
  };
}

import { binaryVarchar, bit, datetime, int, type TableSpec } from './column-types';

/** Longest SKU key kept: the ERP's `item_no` is char(25), so a longer SKU can never match a line. */
export const skuKeyLength = 25;

/**
 * BigCommerce catalog variants by SKU, the mirror of `GET /v3/catalog/variants` that reorder data
 * joins to. `sku` is the match key (trimmed, and upper-cased in ASCII when BC_SKU_MATCH is
 * case-insensitive), compared byte for byte so the case rule is the setting's, not the collation's.
 */
export const catalogVariantTable: TableSpec = {
  name: 'catalog_variant',
  primaryKey: ['sku'],
  columns: [
    { name: 'sku', type: binaryVarchar(skuKeyLength), nullable: false },
    { name: 'product_id', type: int, nullable: false },
    { name: 'variant_id', type: int, nullable: false },
    { name: 'purchasable', type: bit, nullable: false },
    { name: 'updated_at', type: datetime, nullable: false },
  ],
};

export interface CatalogVariantTable {
  sku: string;
  product_id: number;
  variant_id: number;
  purchasable: boolean;
  updated_at: Date;
}

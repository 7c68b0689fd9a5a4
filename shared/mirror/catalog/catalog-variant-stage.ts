import { skuKeyLength } from '../../db/schema/catalog-tables';
import { binaryVarchar, bit, int } from '../../db/schema/column-types';
import type { ScratchTable } from '../scratch-table';

/**
 * Scratch table for a catalog read, keyed by SKU (the MERGE seeks it). Its `sku` has the target's
 * binary collation: on SQL Server a temp table otherwise takes tempdb's, and comparing the two
 * would be a collation conflict.
 */
export const catalogVariantStage = {
  name: '#catalog_variant_stage',
  primaryKey: ['sku'],
  columns: [
    { name: 'sku', type: binaryVarchar(skuKeyLength), nullable: false },
    { name: 'product_id', type: int, nullable: false },
    { name: 'variant_id', type: int, nullable: false },
    { name: 'purchasable', type: bit, nullable: false },
  ],
} as const satisfies ScratchTable;

export interface CatalogVariantStageRow {
  sku: string;
  product_id: number;
  variant_id: number;
  purchasable: boolean;
}

export type CatalogVariantStageTables = { '#catalog_variant_stage': CatalogVariantStageRow };

import { catalogVariantTable } from '../../db/schema/catalog-tables';
import type { ScratchTable } from '../scratch-table';

/**
 * Scratch table for a catalog read, keyed by SKU (the MERGE seeks it). Its `sku` has the target's
 * binary collation: on SQL Server a temp table otherwise takes tempdb's, and comparing the two
 * would be a collation conflict.
 */
export const catalogVariantStage = {
  name: '#catalog_variant_stage',
  primaryKey: ['sku'],
  // The target's columns but its own bookkeeping: what a catalog read brings.
  columns: catalogVariantTable.columns.filter((column) => column.name !== 'updated_at'),
} satisfies ScratchTable;

export interface CatalogVariantStageRow {
  sku: string;
  product_id: number;
  variant_id: number;
  purchasable: boolean;
}

export type CatalogVariantStageTables = { '#catalog_variant_stage': CatalogVariantStageRow };

import { sql, type Expression, type JoinBuilder, type RawBuilder } from 'kysely';
import { binaryCollation, type SqlDialectName } from '../../db/schema/column-types';
import { asciiUpperSql } from './ascii-fold';

/** How ERP item numbers meet catalog SKUs: the engine (for the collation) and BC_SKU_MATCH. */
export interface ReorderMatch {
  readonly dialect: SqlDialectName;
  readonly skuMatch: 'case-sensitive' | 'case-insensitive';
}

/**
 * An ERP item number as a `catalog_variant.sku` key, in SQL: the rule of `skuKey`
 * (shared/bigcommerce/sku-key.ts). Trimmed both ends (char(25) comes padded); ASCII letters folded
 * with translate, never upper(), whose Unicode mapping would turn look-alikes into ASCII (Postgres
 * maps a dotless ı to I); then compared in the key's binary collation. The explicit collation both
 * makes SQL Server's usually case-insensitive default irrelevant and avoids a collation conflict
 * between the ERP column and the key. The catalog side is the primary key, so each line seeks it.
 */
export function itemSkuKey(itemNo: Expression<string | null>, match: ReorderMatch): RawBuilder<string> {
  const trimmed = sql<string>`ltrim(rtrim(${itemNo}))`;
  const folded = match.skuMatch === 'case-insensitive' ? asciiUpperSql(trimmed) : trimmed;
  return sql<string>`${folded} collate ${sql.raw(binaryCollation[match.dialect])}`;
}

/**
 * The left join from a query's item number column to `catalog_variant as cv`, for any query that
 * shows items a buyer may order again: `.leftJoin('catalog_variant as cv', reorderJoin('d.item_no', match))`
 * then `.select(reorderColumns)`, and `toReorder` (shared/portal/reorder-dto.ts) on each row.
 */
export function reorderJoin(itemNoColumn: string, match: ReorderMatch) {
  return <DB, TB extends keyof DB>(join: JoinBuilder<DB, TB>) =>
    join.on(sql.ref<string>('cv.sku'), '=', itemSkuKey(sql.ref<string | null>(itemNoColumn), match));
}

/** What `reorderJoin` adds to each row; all null when the item is not in the catalog. */
export const reorderColumns = [
  'cv.product_id as reorder_product_id',
  'cv.variant_id as reorder_variant_id',
  'cv.purchasable as reorder_purchasable',
] as const;

export interface ReorderColumns {
  reorder_product_id: number | null;
  reorder_variant_id: number | null;
  reorder_purchasable: boolean | null;
}

/** The ERP's `item_no` is char(25): a longer SKU can never equal one (catalog_variant.sku holds 25 too). */
const skuKeyLength = 25;

export type SkuMatch = 'case-sensitive' | 'case-insensitive';

/**
 * The one rule joining ERP item numbers to BigCommerce SKUs: both sides trimmed of surrounding
 * spaces (the ERP's `item_no` is char(25), padded); with BC_SKU_MATCH=case-insensitive, ASCII
 * letters folded to upper case (never a Unicode case mapping, which would match look-alikes). A SKU
 * the ERP could not hold (blank, longer than 25 characters, outside printable ASCII) maps to no key.
 * The SQL side of the same rule is `itemSkuKey` (shared/mirror/queries/reorder-join.ts).
 */
export function skuKey(sku: string, match: SkuMatch): string | undefined {
  const trimmed = sku.trim();
  if (trimmed.length === 0 || trimmed.length > skuKeyLength || !/^[\x20-\x7E]+$/.test(trimmed)) return undefined;
  return match === 'case-insensitive' ? trimmed.replace(/[a-z]+/g, (letters) => letters.toUpperCase()) : trimmed;
}

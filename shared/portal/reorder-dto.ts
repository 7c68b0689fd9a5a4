import { z } from 'zod';
import type { ReorderColumns } from '../mirror/queries/reorder-join';

/** Why a line cannot be ordered again through the storefront cart. */
export const reorderReason = z
  .enum(['not_in_catalog', 'not_purchasable'])
  .describe(
    'Set when reorder is null: not_in_catalog (no BigCommerce variant has this item number as its SKU), not_purchasable (the variant has purchasing disabled).',
  );

export const reorderDto = z
  .object({ productId: z.number().int(), variantId: z.number().int() })
  .describe("The BigCommerce product and variant to add to the storefront cart (Storefront Cart API lineItems' productId and variantId).");

/** The fields every line a buyer may buy again carries. */
export const reorderFields = { reorder: reorderDto.nullable(), reorderReason: reorderReason.nullable() };

export type ReorderReason = z.infer<typeof reorderReason>;
export interface ReorderFields {
  readonly reorder: z.infer<typeof reorderDto> | null;
  readonly reorderReason: ReorderReason | null;
}

/** Reorder data from a row joined with `reorderJoin`: the variant, or null with the reason. */
export function toReorder(row: ReorderColumns): ReorderFields {
  if (row.reorder_product_id === null || row.reorder_variant_id === null) return { reorder: null, reorderReason: 'not_in_catalog' };
  if (!row.reorder_purchasable) return { reorder: null, reorderReason: 'not_purchasable' };
  return { reorder: { productId: row.reorder_product_id, variantId: row.reorder_variant_id }, reorderReason: null };
}

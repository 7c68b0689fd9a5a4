import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { csvColumns } from '../../../shared/http/csv-columns';

describe('csvColumns', () => {
  const item = z.object({
    id: z.number(),
    reorder: z.object({ productId: z.number(), variantId: z.number() }).nullable(),
    reason: z.string().nullable(),
  });
  const columns = csvColumns(item);
  const cells = (row: Record<string, unknown>) => columns.map((c) => c.value(row));

  it('keeps plain fields and flattens an object field into one column per sub-field, in key order', () => {
    expect(columns.map((c) => c.name)).toEqual(['id', 'reorderProductId', 'reorderVariantId', 'reason']);
    expect(cells({ id: 1, reorder: { productId: 10, variantId: 20 }, reason: null })).toEqual([1, 10, 20, null]);
  });

  it('leaves the sub-field columns empty where the object is null', () => {
    expect(cells({ id: 2, reorder: null, reason: 'x' })).toEqual([2, undefined, undefined, 'x']);
  });
});

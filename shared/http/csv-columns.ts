import { z } from 'zod';

/** One CSV column: its header and how to read it from an item. */
export interface CsvColumn {
  readonly name: string;
  value(row: Readonly<Record<string, unknown>>): unknown;
}

const objectShape = (schema: z.ZodType): z.ZodObject | undefined => {
  const inner = schema instanceof z.ZodNullable || schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  return inner instanceof z.ZodObject ? inner : undefined;
};

const capitalized = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);

/**
 * The CSV columns of a list's item schema, in its key order. A spreadsheet cell holds one value,
 * so an object field becomes one column per sub-field, named by joining the keys
 * (`reorder.productId` → `reorderProductId`), empty where the object is null.
 */
export function csvColumns(item: z.ZodObject): CsvColumn[] {
  return Object.entries(item.shape).flatMap(([key, schema]): CsvColumn[] => {
    const nested = objectShape(schema as z.ZodType);
    if (!nested) return [{ name: key, value: (row) => row[key] }];
    return Object.keys(nested.shape).map((sub) => ({
      name: `${key}${capitalized(sub)}`,
      value: (row) => (row[key] as Readonly<Record<string, unknown>> | null | undefined)?.[sub],
    }));
  });
}

import { z } from 'zod';
import type { BigCommerceClient } from './bigcommerce-client';

/** A BigCommerce answer this code does not understand; thrown before anything is written. */
export class BigCommerceShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BigCommerceShapeError';
  }
}

// Shapes from BigCommerce's Customers v3 reference (reference/customers.v3.yml in bigcommerce/docs):
// CustomerAttributesResponse and CustomerAttributeValueCollectionResponse. Extra fields are ignored.
export const pagination = z.object({
  total: z.number().int().min(0),
  count: z.number().int().min(0),
  per_page: z.number().int().min(1),
  current_page: z.number().int().min(1),
  total_pages: z.number().int().min(0),
});

// The reference types this `meta` as an open object (its example is `meta: {}`), so pagination is optional.
const attributesPage = z.object({
  data: z.array(z.object({ id: z.number().int(), name: z.string() })),
  meta: z.object({ pagination: pagination.optional() }).optional(),
});

// `attribute_value`: the GET name; `value` is only the PUT upsert body's name for the same field.
const attributeValuesPage = z.object({
  data: z.array(
    z.object({ id: z.number().int(), attribute_id: z.number().int(), customer_id: z.number().int(), attribute_value: z.string() }),
  ),
  meta: z.object({ pagination }),
});

export interface CustomerAttribute {
  readonly id: number;
  readonly name: string;
}

export interface AttributeValue {
  readonly customerId: number;
  readonly value: string;
}

/** BigCommerce's maximum page size for the customer endpoints. */
const pageSize = 250;

function parsePage<T>(schema: z.ZodType<T>, body: unknown, path: string, page: number): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  throw new BigCommerceShapeError(
    `BigCommerce GET ${path} page ${page} has an unexpected shape (${issues.join('; ')}); no links changed`,
  );
}

/** The customer attribute with exactly this name, or undefined when the store has none. */
export async function findCustomerAttribute(client: BigCommerceClient, name: string): Promise<CustomerAttribute | undefined> {
  const path = '/customers/attributes';
  for (let page = 1; ; page++) {
    const body = parsePage(attributesPage, await client.getJson(path, { name, page, limit: pageSize }), path, page);
    // `name` filters server-side; the exact comparison guards against a looser match.
    const found = body.data.find((attribute) => attribute.name === name);
    if (found) return found;
    if (body.data.length === 0 || page >= (body.meta?.pagination?.total_pages ?? 1)) return undefined;
  }
}

/**
 * Every value of one attribute, a page at a time. Throws (never truncates) when a page fails, has
 * an unknown shape, or the pages do not add up to the collection's total: a short read would
 * unlink every buyer it missed.
 */
export async function* attributeValues(client: BigCommerceClient, attributeId: number): AsyncGenerator<AttributeValue[]> {
  const path = '/customers/attribute-values';
  const seen = new Set<number>();
  for (let page = 1; ; page++) {
    const body = parsePage(
      attributeValuesPage,
      await client.getJson(path, { 'attribute_id:in': attributeId, page, limit: pageSize }),
      path,
      page,
    );
    const meta = body.meta.pagination;
    if (meta.current_page !== page || meta.count !== body.data.length) {
      throw new BigCommerceShapeError(
        `BigCommerce GET ${path} asked for page ${page}, got page ${meta.current_page} with ${body.data.length} of ${meta.count} items; no links changed`,
      );
    }
    for (const row of body.data) seen.add(row.id);
    yield body.data
      .filter((row) => row.attribute_id === attributeId)
      .map((row) => ({ customerId: row.customer_id, value: row.attribute_value }));
    // A server-side cap on per_page is fine: total_pages is computed with the page size it used.
    if (page >= meta.total_pages) {
      if (seen.size < meta.total) {
        throw new BigCommerceShapeError(
          `BigCommerce GET ${path} listed ${meta.total} values but its pages held ${seen.size} (values changed while reading?); no links changed, the next run retries`,
        );
      }
      return;
    }
    if (body.data.length === 0) {
      throw new BigCommerceShapeError(`BigCommerce GET ${path} page ${page} of ${meta.total_pages} is empty; no links changed`);
    }
  }
}

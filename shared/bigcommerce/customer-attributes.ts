import { z } from 'zod';
import type { BigCommerceClient } from './bigcommerce-client';

const pagination = z.object({
  meta: z.object({
    pagination: z.object({ current_page: z.number().int(), total_pages: z.number().int() }),
  }),
});

const attributesPage = pagination.extend({
  data: z.array(z.object({ id: z.number().int(), name: z.string() })),
});

const attributeValuesPage = pagination.extend({
  data: z.array(z.object({ attribute_id: z.number().int(), customer_id: z.number().int(), value: z.string() })),
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

/** The customer attribute with exactly this name, or undefined when the store has none. */
export async function findCustomerAttribute(client: BigCommerceClient, name: string): Promise<CustomerAttribute | undefined> {
  for (let page = 1; ; page++) {
    const body = attributesPage.parse(await client.getJson('/customers/attributes', { name, page, limit: pageSize }));
    // `name` filters server-side; the exact comparison guards against a looser match.
    const found = body.data.find((attribute) => attribute.name === name);
    if (found) return found;
    if (page >= body.meta.pagination.total_pages) return undefined;
  }
}

/** Every value of one attribute, a page at a time; throws (never truncates) when a page fails. */
export async function* attributeValues(client: BigCommerceClient, attributeId: number): AsyncGenerator<AttributeValue[]> {
  for (let page = 1; ; page++) {
    const body = attributeValuesPage.parse(
      await client.getJson('/customers/attribute-values', { 'attribute_id:in': attributeId, page, limit: pageSize }),
    );
    yield body.data
      .filter((row) => row.attribute_id === attributeId)
      .map((row) => ({ customerId: row.customer_id, value: row.value }));
    if (page >= body.meta.pagination.total_pages) return;
  }
}

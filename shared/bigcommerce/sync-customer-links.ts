import type { BigCommerceClient } from './bigcommerce-client';
import { attributeValues, findCustomerAttribute } from './customer-attributes';
import { normalizeErpCustomerNumber } from './erp-customer-number';

export interface CustomerLinkInput {
  readonly bcCustomerId: number;
  readonly custNo: string;
}

export interface LinkWriteResult {
  readonly inserted: number;
  readonly updated: number;
  readonly removed: number;
}

export interface LinkSyncSummary extends LinkWriteResult {
  readonly attributeId: number;
  readonly read: number;
  readonly linked: number;
  readonly invalid: number;
}

export interface LinkSyncDependencies {
  readonly client: BigCommerceClient;
  readonly attributeName: string;
  /** Replaces the whole link table with a complete set. */
  readonly writeLinks: (links: readonly CustomerLinkInput[]) => Promise<LinkWriteResult>;
}

export class AttributeNotFoundError extends Error {
  constructor(name: string) {
    super(`BigCommerce has no customer attribute named "${name}" (BC_ERP_ATTRIBUTE_NAME); no links changed`);
    this.name = 'AttributeNotFoundError';
  }
}

/**
 * Reads every customer's ERP number from the attribute and makes `customer_link` match. Any read
 * failure throws before the write, so a partial read can never remove links.
 */
export async function syncCustomerLinks(deps: LinkSyncDependencies): Promise<LinkSyncSummary> {
  const attribute = await findCustomerAttribute(deps.client, deps.attributeName);
  if (!attribute) throw new AttributeNotFoundError(deps.attributeName);

  const byCustomer = new Map<number, string>();
  let read = 0;
  let invalid = 0;
  for await (const page of attributeValues(deps.client, attribute.id)) {
    for (const { customerId, value } of page) {
      read++;
      const custNo = normalizeErpCustomerNumber(value);
      if (custNo === undefined) {
        // A blank value means "not linked" as much as a missing one does, so it is not an error.
        if (value.trim() !== '') invalid++;
        continue;
      }
      byCustomer.set(customerId, custNo);
    }
  }
  const links = [...byCustomer].map(([bcCustomerId, custNo]) => ({ bcCustomerId, custNo }));
  const written = await deps.writeLinks(links);
  return { attributeId: attribute.id, read, linked: links.length, invalid, ...written };
}

import { notFound, validationFailed } from './api-error';
import type { Caller } from './caller';

const sameCustomer = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/**
 * The ERP customer a list request may read. API-key callers must name one; storefront callers get
 * their own, and naming anyone else answers exactly like an unknown customer.
 */
export function listScope(caller: Caller, requested: string | undefined): string {
  if (caller.kind === 'customer') {
    if (requested !== undefined && !sameCustomer(requested, caller.custNo)) throw notFound('Customer');
    return caller.custNo;
  }
  if (requested === undefined) throw validationFailed('Invalid parameters: customer: required with an API key.');
  return requested;
}

/**
 * Customer a single-resource lookup is confined to: a storefront caller's own (naming another is a
 * 404), or for API keys the optional `customer` parameter (undefined reads any customer's).
 */
export const resourceScope = (caller: Caller, requested: string | undefined): string | undefined =>
  caller.kind === 'customer' ? listScope(caller, requested) : requested;

/** Whether the caller may read this customer's record; others get the same 404 as unknown ids. */
export function assertMayReadCustomer(caller: Caller, custNo: string): void {
  if (caller.kind === 'customer' && !sameCustomer(custNo, caller.custNo)) throw notFound('Customer');
}

import { notFound, validationFailed } from './api-error';
import type { Caller } from './caller';

/**
 * The one ERP customer a request may read. `requested` is already in canonical form (the request
 * schemas apply the customer-number rule). Storefront callers always read their own customer from
 * their token's link, never the request's value: naming anyone else answers exactly like an
 * unknown customer. API-key callers must name one, on lists and details alike, so no answer ever
 * mixes several customers' rows.
 */
export function customerScope(caller: Caller, requested: string | undefined): string {
  if (caller.kind === 'customer') {
    if (requested !== undefined && requested !== caller.custNo) throw notFound('Customer');
    return caller.custNo;
  }
  if (requested === undefined) throw validationFailed('Invalid parameters: customer: required with an API key.');
  return requested;
}

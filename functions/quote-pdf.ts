import { endpoint, registerHttpRoute } from '../shared/composition/app-routes';
import { sellerDetails } from '../shared/documents/seller-details';
import { customerScope } from '../shared/http/customer-scope';
import { operations } from '../shared/http/operations';
import { parseParameters } from '../shared/http/parse-request';
import { quoteParams, scopedQuery } from '../shared/http/request-schemas';
import { printQuote } from '../shared/portal/document-service';

export const quotePdf = endpoint(operations.quotePdf, async ({ request, caller, api }) => {
  const { quoteNo } = parseParameters(quoteParams, request.params);
  const { customer } = parseParameters(scopedQuery, request.query);
  const printed = await printQuote(api.portal, quoteNo, customerScope(caller, customer), sellerDetails(api.settings));
  return { kind: 'pdf', filename: printed.fileName, body: printed.pdf };
});

registerHttpRoute('quote-pdf', { route: 'v1/quotes/{quoteNo}/pdf', methods: ['GET', 'OPTIONS'], authLevel: 'anonymous', handler: quotePdf });

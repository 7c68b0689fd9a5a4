import { endpoint, registerHttpRoute } from '../shared/composition/app-routes';
import { customerScope } from '../shared/http/customer-scope';
import { operations } from '../shared/http/operations';
import { parseParameters } from '../shared/http/parse-request';
import { quoteParams, scopedQuery } from '../shared/http/request-schemas';
import { getQuote } from '../shared/portal/quote-service';

export const quoteGet = endpoint(operations.quoteDetail, async ({ request, caller, api }) => {
  const { quoteNo } = parseParameters(quoteParams, request.params);
  const { customer } = parseParameters(scopedQuery, request.query);
  return { kind: 'data', data: await getQuote(api.portal, quoteNo, customerScope(caller, customer)) };
});

registerHttpRoute('quote-get', { route: 'v1/quotes/{quoteNo}', methods: ['GET', 'OPTIONS'], authLevel: 'anonymous', handler: quoteGet });

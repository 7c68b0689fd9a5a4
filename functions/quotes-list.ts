import { endpoint, registerHttpRoute } from '../shared/composition/app-routes';
import { customerScope } from '../shared/http/customer-scope';
import { listResult, listWindow, wantsCsv } from '../shared/http/list-result';
import { operations } from '../shared/http/operations';
import { parseParameters } from '../shared/http/parse-request';
import { quotesQuery } from '../shared/http/request-schemas';
import { listCustomerHeaders, toListFilter } from '../shared/portal/list-service';

export const quotesList = endpoint(operations.quotesList, async ({ request, caller, api }) => {
  const query = parseParameters(quotesQuery, request.query);
  const custNo = customerScope(caller, query.customer);
  const csv = wantsCsv(request, query);
  const page = await listCustomerHeaders(api.portal, 'quotes', toListFilter(custNo, query), listWindow(query, csv));
  return listResult(operations.quotesList, query, page, csv, custNo);
});

registerHttpRoute(quotesList);

import { customerScope } from '../http/customer-scope';
import { listResult, listWindow, wantsCsv } from '../http/list-result';
import { operations } from '../http/operations';
import { parseParameters } from '../http/parse-request';
import { listCustomerProducts } from '../portal/products-service';
import { endpoint, type AppEndpoint } from './app-routes';

const operation = operations.productsList;

/** The customer's purchased items: the header lists' endpoint, over the products service. */
export const productsEndpoint = (): AppEndpoint<typeof operation> =>
  endpoint(operation, async ({ request, caller, api }) => {
    const query = parseParameters(operation.query, request.query);
    const custNo = customerScope(caller, query.customer);
    const csv = wantsCsv(request, query);
    const page = await listCustomerProducts(api.portal, { custNo, q: query.q }, listWindow(query, csv));
    return listResult(operation, query, page, csv, custNo);
  });

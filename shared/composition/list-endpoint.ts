import type { z } from 'zod';
import { customerScope } from '../http/customer-scope';
import { listResult, listWindow, wantsCsv } from '../http/list-result';
import type { Operation } from '../http/operations';
import { parseParameters } from '../http/parse-request';
import type { listQuery } from '../http/request-schemas';
import type { OrderListKind } from '../mirror/queries/order-filter';
import { listCustomerHeaders, toListFilter } from '../portal/list-service';
import { endpoint, type AppEndpoint } from './app-routes';

/** An operation that lists one kind of the customer's order headers, with its query schema. */
type ListOperation = Operation & {
  readonly listKey: OrderListKind;
  readonly query: z.ZodType<z.output<typeof listQuery> & { readonly status?: string; readonly po?: string; readonly item?: string }>;
};

/**
 * The endpoint of every customer list (orders, shipments, invoices, quotes): they differ only in
 * their operation, which names the rows (`listKey`) and the query they accept.
 */
export const listEndpoint = <O extends ListOperation>(operation: O): AppEndpoint<O> =>
  endpoint(operation, async ({ request, caller, api }) => {
    const query = parseParameters(operation.query, request.query);
    const custNo = customerScope(caller, query.customer);
    const csv = wantsCsv(request, query);
    const page = await listCustomerHeaders(api.portal, operation.listKey, toListFilter(custNo, query), listWindow(query, csv));
    return listResult(operation, query, page, csv, custNo);
  });

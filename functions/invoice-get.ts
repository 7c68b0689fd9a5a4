import { endpoint, registerHttpRoute } from '../shared/composition/app-routes';
import { customerScope } from '../shared/http/customer-scope';
import { operations } from '../shared/http/operations';
import { parseParameters } from '../shared/http/parse-request';
import { invoiceParams, scopedQuery } from '../shared/http/request-schemas';
import { getInvoice } from '../shared/portal/detail-service';

export const invoiceGet = endpoint(operations.invoiceDetail, async ({ request, caller, api }) => {
  const { invoiceNo } = parseParameters(invoiceParams, request.params);
  const { customer } = parseParameters(scopedQuery, request.query);
  return { kind: 'data', data: await getInvoice(api.portal, invoiceNo, customerScope(caller, customer)) };
});

registerHttpRoute('invoice-get', { route: 'v1/invoices/{invoiceNo}', methods: ['GET', 'OPTIONS'], authLevel: 'anonymous', handler: invoiceGet });

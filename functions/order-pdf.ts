import { endpoint, registerHttpRoute } from '../shared/composition/app-routes';
import { sellerDetails } from '../shared/documents/seller-details';
import { customerScope } from '../shared/http/customer-scope';
import { operations } from '../shared/http/operations';
import { parseParameters } from '../shared/http/parse-request';
import { orderParams, scopedQuery } from '../shared/http/request-schemas';
import { printOrder } from '../shared/portal/document-service';

export const orderPdf = endpoint(operations.orderPdf, async ({ request, caller, api }) => {
  const { orderId } = parseParameters(orderParams, request.params);
  const { customer } = parseParameters(scopedQuery, request.query);
  const printed = await printOrder(api.portal, api.pdfRenders, orderId, customerScope(caller, customer), sellerDetails(api.settings));
  return { kind: 'pdf', filename: printed.fileName, body: printed.pdf };
});

registerHttpRoute('order-pdf', { route: 'v1/orders/{orderId}/pdf', methods: ['GET', 'OPTIONS'], authLevel: 'anonymous', handler: orderPdf });

import { endpoint, registerHttpRoute } from '../shared/composition/app-routes';
import { sellerDetails } from '../shared/documents/seller-details';
import { customerScope } from '../shared/http/customer-scope';
import { operations } from '../shared/http/operations';
import { parseParameters } from '../shared/http/parse-request';
import { invoiceParams, scopedQuery } from '../shared/http/request-schemas';
import { printInvoice } from '../shared/portal/document-service';

export const invoicePdf = endpoint(operations.invoicePdf, async ({ request, caller, api }) => {
  const { invoiceNo } = parseParameters(invoiceParams, request.params);
  const { customer } = parseParameters(scopedQuery, request.query);
  const printed = await printInvoice(api.portal, api.pdfRenders, invoiceNo, customerScope(caller, customer), sellerDetails(api.settings));
  return { kind: 'pdf', filename: printed.fileName, body: printed.pdf };
});

registerHttpRoute('invoice-pdf', { route: 'v1/invoices/{invoiceNo}/pdf', methods: ['GET', 'OPTIONS'], authLevel: 'anonymous', handler: invoicePdf });

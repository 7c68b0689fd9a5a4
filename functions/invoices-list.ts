import { registerHttpRoute } from '../shared/composition/app-routes';
import { listEndpoint } from '../shared/composition/list-endpoint';
import { operations } from '../shared/http/operations';

export const invoicesList = listEndpoint(operations.invoicesList);

registerHttpRoute('invoices-list', { route: 'v1/invoices', methods: ['GET', 'OPTIONS'], authLevel: 'anonymous', handler: invoicesList });

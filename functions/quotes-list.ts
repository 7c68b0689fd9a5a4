import { registerHttpRoute } from '../shared/composition/app-routes';
import { listEndpoint } from '../shared/composition/list-endpoint';
import { operations } from '../shared/http/operations';

export const quotesList = listEndpoint(operations.quotesList);

registerHttpRoute('quotes-list', { route: 'v1/quotes', methods: ['GET', 'OPTIONS'], authLevel: 'anonymous', handler: quotesList });

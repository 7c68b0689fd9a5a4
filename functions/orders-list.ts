import { registerHttpRoute } from '../shared/composition/app-routes';
import { listEndpoint } from '../shared/composition/list-endpoint';
import { operations } from '../shared/http/operations';

export const ordersList = listEndpoint(operations.ordersList);

registerHttpRoute('orders-list', { route: 'v1/orders', methods: ['GET', 'OPTIONS'], authLevel: 'anonymous', handler: ordersList });

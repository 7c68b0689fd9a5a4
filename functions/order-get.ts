import { endpoint, registerHttpRoute } from '../shared/composition/app-routes';
import { customerScope } from '../shared/http/customer-scope';
import { operations } from '../shared/http/operations';
import { parseParameters } from '../shared/http/parse-request';
import { orderParams, scopedQuery } from '../shared/http/request-schemas';
import { getOrder } from '../shared/portal/detail-service';

export const orderGet = endpoint(operations.orderDetail, async ({ request, caller, api }) => {
  const { orderId } = parseParameters(orderParams, request.params);
  const { customer } = parseParameters(scopedQuery, request.query);
  return { kind: 'data', data: await getOrder(api.portal, orderId, customerScope(caller, customer)) };
});

registerHttpRoute('order-get', { route: 'v1/orders/{orderId}', methods: ['GET', 'OPTIONS'], authLevel: 'anonymous', handler: orderGet });

import { endpoint, registerHttpRoute } from '../shared/composition/app-routes';
import { customerScope } from '../shared/http/customer-scope';
import { operations } from '../shared/http/operations';
import { parseParameters } from '../shared/http/parse-request';
import { customerParams } from '../shared/http/request-schemas';
import { getCustomer } from '../shared/portal/detail-service';

export const customerGet = endpoint(operations.customer, async ({ request, caller, api }) => {
  const { erpId } = parseParameters(customerParams, request.params);
  return { kind: 'data', data: await getCustomer(api.portal, customerScope(caller, erpId)) };
});

registerHttpRoute('customer-get', { route: 'v1/customers/{erpId}', methods: ['GET', 'OPTIONS'], authLevel: 'anonymous', handler: customerGet });

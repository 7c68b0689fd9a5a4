import { endpoint, registerHttpRoute } from '../shared/composition/app-routes';
import { forbidden } from '../shared/http/api-error';
import { operations } from '../shared/http/operations';
import { getCustomer } from '../shared/portal/detail-service';

export const meGet = endpoint(operations.me, async ({ caller, api }) => {
  if (caller.kind !== 'customer') throw forbidden('/me needs a storefront customer token, not an API key.');
  const customer = await getCustomer(api.portal, caller.custNo);
  return { kind: 'data', data: { ...customer, bcCustomerId: caller.bcCustomerId } };
});

registerHttpRoute('me-get', { route: 'v1/me', methods: ['GET', 'OPTIONS'], authLevel: 'anonymous', handler: meGet });

import { registerHttpRoute } from '../shared/composition/app-routes';
import { listEndpoint } from '../shared/composition/list-endpoint';
import { operations } from '../shared/http/operations';

export const shipmentsList = listEndpoint(operations.shipmentsList);

registerHttpRoute('shipments-list', { route: 'v1/shipments', methods: ['GET', 'OPTIONS'], authLevel: 'anonymous', handler: shipmentsList });

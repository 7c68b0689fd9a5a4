import { endpoint, registerHttpRoute } from '../shared/composition/app-routes';
import { operations } from '../shared/http/operations';

export const syncStatus = endpoint(operations.syncStatus, async ({ api }) => ({
  kind: 'data',
  data: await api.syncControl.status(),
}));

registerHttpRoute('sync-status', { route: 'v1/sync/status', methods: ['GET', 'OPTIONS'], authLevel: 'anonymous', handler: syncStatus });
